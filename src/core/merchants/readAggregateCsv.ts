import type { AreaSet } from '../geo/area.ts';
import { areaCodeLengths, buildAreaKeyIndex } from '../join/areaKeys.ts';
import type { CategoryDefinition } from '../manifest/types.ts';
import type { DataProblem, FileSummary } from '../report/problems.ts';
import { detectDelimiter, stripBom, tokenizeCsv, type CsvDelimiter } from '../csv/tokenizeCsv.ts';
import { buildCategoryMatcher } from './categoryMatcher.ts';
import { parseCount } from './parseValues.ts';

/** Headers of a pre-aggregated table: one row per area × category with counts, no merchant rows. */
const HEADERS = {
  areaCode: ['area_code', 'ward_code', 'mã phường', 'mã xã', 'ma_xa', 'ma_phuong', 'code'],
  areaName: ['area_name', 'ward_name', 'phường', 'xã', 'tên phường', 'tên xã'],
  category: ['category', 'ngành hàng', 'loại hình'],
  merchants: ['merchants', 'số cơ sở', 'so_co_so', 'merchant_count'],
  withQr: ['merchants_qr', 'số cơ sở có qr', 'co_qr', 'merchants_with_qr'],
  activeQr: ['merchants_qr_active', 'số cơ sở có giao dịch qr', 'active_qr'],
} as const;

type Field = keyof typeof HEADERS;

function columnsOf(header: readonly string[]): Partial<Record<Field, number>> {
  const normalised = header.map((h) => h.trim().normalize('NFC').toLowerCase());
  const result: Partial<Record<Field, number>> = {};
  for (const field of Object.keys(HEADERS) as Field[]) {
    const index = normalised.findIndex((h) => (HEADERS[field] as readonly string[]).includes(h));
    if (index >= 0) result[field] = index;
  }
  return result;
}

/** True when a CSV is an area × category table of counts rather than a list of merchants. */
export function isAggregateTable(text: string): boolean {
  const source = stripBom(text);
  const firstLine = source.slice(0, source.search(/\r|\n|$/));
  const columns = columnsOf(firstLine.split(detectDelimiter(source)).map((h) => h.replace(/^"|"$/g, '')));
  return columns.merchants !== undefined && columns.withQr !== undefined && (columns.areaCode !== undefined || columns.areaName !== undefined);
}

/** One counted cell of the table. */
export interface AggregateCell {
  readonly area: number;
  readonly category: number;
  readonly merchants: number;
  readonly withQr: number;
  readonly activeQr: number;
}

export interface AggregateResult {
  readonly cells: readonly AggregateCell[];
  readonly usesOtherCategory: boolean;
  readonly hasActive: boolean;
  readonly delimiter: CsvDelimiter;
  readonly problems: readonly DataProblem[];
  readonly summary: FileSummary;
}

/**
 * Reads a pre-aggregated table (area code or name, category, merchants, merchants with QR, and
 * optionally merchants whose QR was used), as a provincial database or a SQL query produces it.
 * Rows for unknown areas, with counts that are not whole numbers, or with more QR than merchants
 * are rejected with their line.
 */
export function readAggregateCsv(text: string, categories: readonly CategoryDefinition[], areas: AreaSet): AggregateResult {
  const source = stripBom(text);
  const delimiter = detectDelimiter(source);
  const problems: DataProblem[] = [];
  const cells: AggregateCell[] = [];
  const matchCategory = buildCategoryMatcher(categories);
  const findArea = buildAreaKeyIndex(areas);
  const codeLengths = areaCodeLengths(areas);
  let columns: Partial<Record<Field, number>> | null = null;
  let width = 0;
  let rows = 0;
  let usesOther = false;
  let otherSystem = 0;
  tokenizeCsv(
    source,
    delimiter,
    ({ fields, line }) => {
      if (columns === null) {
        columns = columnsOf(fields);
        width = fields.length;
        return;
      }
      rows++;
      const reject = (code: DataProblem['code'], detail?: string) =>
        problems.push({ file: 'merchants', code, severity: 'rejected', line, ...(detail !== undefined ? { detail } : {}) });
      if (fields.length !== width) return reject('csv-field-count', `${fields.length}/${width}`);
      const cell = (index: number | undefined) => (index === undefined ? '' : (fields[index] ?? '').trim().normalize('NFC'));
      const code = cell(columns.areaCode);
      const name = cell(columns.areaName);
      const match = findArea(code, name);
      if (!match) {
        if (code !== '' && !codeLengths.has(code.length)) otherSystem++;
        return reject(code ? 'merchant-unknown-area-code' : 'merchant-unknown-area-name', code || name);
      }
      if (match.how === 'padded-code') problems.push({ file: 'merchants', code: 'merchant-matched-by-padded-code', severity: 'changed', line, detail: `${code} → ${areas.areas[match.index]?.code ?? ''}` });
      if (match.how === 'name') problems.push({ file: 'merchants', code: 'merchant-matched-by-name', severity: 'changed', line, detail: `${name} → ${areas.areas[match.index]?.name ?? ''}` });
      const merchants = parseCount(cell(columns.merchants));
      const withQr = parseCount(cell(columns.withQr));
      const active = columns.activeQr === undefined ? 0 : parseCount(cell(columns.activeQr));
      const whole = (n: number) => Number.isInteger(n) && n >= 0;
      if (!whole(merchants) || !whole(withQr) || !whole(active)) return reject('aggregate-bad-count', `${cell(columns.merchants)}; ${cell(columns.withQr)}`);
      if (withQr > merchants || active > withQr) return reject('aggregate-inconsistent-count', `${withQr} > ${merchants}`);
      const categoryText = cell(columns.category);
      let category = columns.category === undefined ? 0 : matchCategory(categoryText);
      if (category < 0) {
        category = categories.length;
        usesOther = true;
        problems.push({ file: 'merchants', code: 'merchant-unknown-category', severity: 'changed', line, detail: categoryText });
      }
      cells.push({ area: match.index, category, merchants, withQr, activeQr: active });
    },
    ({ line }) => {
      rows++;
      problems.push({ file: 'merchants', code: 'csv-unclosed-quote', severity: 'rejected', line });
    },
  );
  if (otherSystem > 0) problems.push({ file: 'merchants', code: 'merchant-codes-other-system', severity: 'notice', detail: String(otherSystem) });
  return {
    cells,
    usesOtherCategory: usesOther,
    hasActive: columns !== null && (columns as Partial<Record<Field, number>>).activeQr !== undefined,
    delimiter,
    problems,
    summary: { file: 'merchants', rows, loaded: cells.length, rejected: rows - cells.length },
  };
}
