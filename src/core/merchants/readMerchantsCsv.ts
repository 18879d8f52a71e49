import type { CategoryDefinition, MerchantColumns } from '../manifest/types.ts';
import type { DataProblem, FileSummary } from '../report/problems.ts';
import { detectDelimiter, stripBom, tokenizeCsv, type CsvDelimiter } from '../csv/tokenizeCsv.ts';
import { DictionaryColumnBuilder, Float64Column, Uint32Column } from './columns.ts';
import type { MerchantTable } from './merchantTable.ts';
import { parseCount, parseDecimal, parseYesNo } from './parseValues.ts';
import { resolveColumns, type ColumnIndexes, type MerchantField } from './resolveColumns.ts';
import { buildCategoryMatcher } from './categoryMatcher.ts';

export interface MerchantsResult {
  readonly table: MerchantTable;
  /** True when some rows had a category outside the list and were counted as "other". */
  readonly usesOtherCategory: boolean;
  readonly delimiter: CsvDelimiter;
  /** The file's header, and the header used for each field (the column mapping shown to the user). */
  readonly header: readonly string[];
  readonly columns: Partial<Record<MerchantField, string>>;
  /** True when the file has a transactions column, so "QR in use" can be counted at all. */
  readonly hasTransactions: boolean;
  readonly problems: readonly DataProblem[];
  readonly summary: FileSummary;
}

/**
 * Reads a merchant CSV into columns. Rows that cannot be used are reported with their physical
 * line; rows kept after a change (unknown category, unreadable QR value) are reported as changed.
 */
export function readMerchantsCsv(
  text: string,
  mapping: Partial<MerchantColumns>,
  categories: readonly CategoryDefinition[],
): MerchantsResult {
  const source = stripBom(text);
  const delimiter = detectDelimiter(source);
  const problems: DataProblem[] = [];
  const matchCategory = buildCategoryMatcher(categories);
  const otherIndex = categories.length;
  const lon = new Float64Column();
  const lat = new Float64Column();
  const category = new Uint32Column();
  const hasQr = new Uint32Column();
  const tx = new Uint32Column();
  const line = new Uint32Column();
  const id = new DictionaryColumnBuilder();
  const name = new DictionaryColumnBuilder();
  const areaCode = new DictionaryColumnBuilder();
  const areaName = new DictionaryColumnBuilder();
  const qrProvider = new DictionaryColumnBuilder();
  const marketId = new DictionaryColumnBuilder();
  const streetId = new DictionaryColumnBuilder();

  let header: string[] | null = null;
  let indexes: ColumnIndexes = {};
  let dataRows = 0;
  let usesOther = false;
  let fatal = false;

  tokenizeCsv(
    source,
    delimiter,
    ({ fields, line: lineNumber }) => {
      if (fatal) {
        // Without a required column no row can be used: each one counts as rejected.
        dataRows++;
        return;
      }
      if (header === null) {
        header = fields.map((f) => f.trim().normalize('NFC'));
        const seen = new Set<string>();
        for (const name of header) {
          if (seen.has(name)) problems.push({ file: 'merchants', code: 'csv-duplicate-header', severity: 'changed', line: lineNumber, detail: name });
          seen.add(name);
        }
        const resolved = resolveColumns(header, mapping);
        indexes = resolved.indexes;
        for (const field of resolved.missing) {
          problems.push({ file: 'merchants', code: 'csv-missing-column', severity: 'rejected', line: lineNumber, detail: mapping[field] ?? field });
        }
        fatal = resolved.missing.length > 0;
        return;
      }
      dataRows++;
      const reject = (code: DataProblem['code'], detail?: string) =>
        problems.push({ file: 'merchants', code, severity: 'rejected', line: lineNumber, ...(detail !== undefined ? { detail } : {}) });
      if (fields.length !== header.length) return reject('csv-field-count', `${fields.length}/${header.length}`);
      const cell = (index: number | undefined) => (index === undefined ? '' : (fields[index] ?? '').trim().normalize('NFC'));

      const latText = cell(indexes.lat);
      const lonText = cell(indexes.lon);
      const rowLat = parseDecimal(latText);
      const rowLon = parseDecimal(lonText);
      const rowArea = cell(indexes.areaCode);
      const rowAreaName = cell(indexes.areaName);
      const hasCoordinates = Number.isFinite(rowLat) && Number.isFinite(rowLon);
      if (latText !== '' || lonText !== '') {
        const valid = hasCoordinates && Math.abs(rowLat) <= 90 && Math.abs(rowLon) <= 180;
        if (!valid) return reject('merchant-bad-coordinates', `${latText}; ${lonText}`);
      } else if (rowArea === '' && rowAreaName === '') {
        return reject('merchant-no-location');
      }

      const categoryText = cell(indexes.category);
      let categoryIndex = matchCategory(categoryText);
      if (categoryIndex < 0) {
        categoryIndex = otherIndex;
        usesOther = true;
        problems.push({ file: 'merchants', code: 'merchant-unknown-category', severity: 'changed', line: lineNumber, detail: categoryText });
      }
      const qrText = cell(indexes.hasQr);
      let qr = parseYesNo(qrText);
      if (qr === null) {
        qr = false;
        problems.push({ file: 'merchants', code: 'merchant-bad-qr-value', severity: 'changed', line: lineNumber, detail: qrText });
      }
      const txValue = parseCount(cell(indexes.txCountMonth));

      lat.push(hasCoordinates ? rowLat : NaN);
      lon.push(hasCoordinates ? rowLon : NaN);
      category.push(categoryIndex);
      hasQr.push(qr ? 1 : 0);
      tx.push(Number.isFinite(txValue) && txValue > 0 ? Math.min(Math.round(txValue), 0xffffffff) : 0);
      line.push(lineNumber);
      id.push(cell(indexes.id));
      name.push(cell(indexes.name));
      areaCode.push(rowArea);
      areaName.push(rowAreaName);
      qrProvider.push(qr ? cell(indexes.qrProvider) : '');
      marketId.push(cell(indexes.marketId));
      streetId.push(cell(indexes.streetId));
    },
    (problem) => {
      // The row whose quote never closes is a rejected row (the header is not a row).
      if (header !== null) dataRows++;
      problems.push({ file: 'merchants', code: 'csv-unclosed-quote', severity: 'rejected', line: problem.line });
    },
  );

  if (header === null) problems.push({ file: 'merchants', code: 'csv-empty', severity: 'rejected', line: 1 });

  const table: MerchantTable = {
    count: line.length,
    lon: lon.finish(),
    lat: lat.finish(),
    category: Uint16Array.from(category.finish()),
    hasQr: Uint8Array.from(hasQr.finish()),
    txCountMonth: tx.finish(),
    line: line.finish(),
    id: id.finish(),
    name: name.finish(),
    areaCode: areaCode.finish(),
    areaName: areaName.finish(),
    qrProvider: qrProvider.finish(),
    marketId: marketId.finish(),
    streetId: streetId.finish(),
  };
  const rejectedRows = dataRows - table.count;
  return {
    table,
    usesOtherCategory: usesOther,
    delimiter,
    header: header ?? [],
    columns: Object.fromEntries(Object.entries(indexes).map(([field, index]) => [field, header?.[index] ?? ''])) as Partial<Record<MerchantField, string>>,
    hasTransactions: indexes.txCountMonth !== undefined,
    problems,
    summary: { file: 'merchants', rows: dataRows, loaded: table.count, rejected: rejectedRows },
  };
}
