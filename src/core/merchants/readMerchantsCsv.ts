import type { CategoryDefinition, MerchantColumns } from '../manifest/types.ts';
import type { DataProblem, FileSummary } from '../report/problems.ts';
import { detectDelimiter, stripBom, type CsvDelimiter } from '../csv/tokenizeCsv.ts';
import { scanCsv, type CsvFieldRanges } from '../csv/scanCsv.ts';
import { copyString, Float64Column, Uint32Column, type DictionaryColumn } from './columns.ts';
import type { MerchantTable } from './merchantTable.ts';
import { parseCount, parseYesNo } from './parseValues.ts';
import { resolveColumns, type ColumnIndexes, type MerchantField } from './resolveColumns.ts';
import { buildCategoryMatcher } from './categoryMatcher.ts';
import { RangeDictionaryBuilder, RowStringsBuilder, TableDictionaryBuilder } from './rangeDictionary.ts';
import { parseDecimalRange, parseDigitsRange, trimEnd, trimStart } from './rangeValues.ts';

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
 * A cell's text as the rules read it (trimmed, NFC), as a string of its own (never a slice that
 * would keep the CSV text alive in a problem or the header).
 */
function cellText(fields: CsvFieldRanges, index: number): string {
  if (index < 0) return '';
  const source = fields.sources[index] ?? '';
  const start = trimStart(source, fields.starts[index] ?? 0, fields.ends[index] ?? 0);
  const end = trimEnd(source, start, fields.ends[index] ?? 0);
  return copyString(source, start, end).normalize('NFC');
}

/** A column the file does not have: no values, no codes (`dictionaryValue` reads '' for every row). */
const absent = (): DictionaryColumn => ({ values: [], codes: new Int32Array(0) });

/** Rows to expect: the line feeds of the first 64 Ki characters, scaled to the whole text (1024 without any). */
function estimateRows(text: string): number {
  const sample = Math.min(text.length, 1 << 16);
  let lines = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < sample; at = text.indexOf('\n', at + 1)) lines++;
  return lines === 0 ? 1024 : Math.ceil((text.length / sample) * lines * 1.02) + 16;
}

/**
 * A lookup from a cell's raw text to a number and its text (for problem details), computed once
 * per distinct raw text: categories and yes/no values.
 */
class CellCache {
  private readonly keys = new Map<string, number>();
  private readonly values: number[] = [];
  private readonly texts: string[] = [];
  private key = -1;
  constructor(private readonly compute: (text: string) => number) {}
  /** The number for the trimmed range; `text` then names the cell's text. */
  lookup(source: string, start: number, end: number): number {
    const raw = source.slice(start, end);
    let key = this.keys.get(raw);
    if (key === undefined) {
      const text = copyString(raw).normalize('NFC');
      key = this.values.length;
      this.values.push(this.compute(text));
      this.texts.push(text);
      this.keys.set(raw, key);
    }
    this.key = key;
    return this.values[key] ?? -1;
  }
  get text(): string {
    return this.texts[this.key] ?? '';
  }
}

/**
 * Reads a merchant CSV into columns. Rows that cannot be used are reported with their physical
 * line; rows kept after a change (unknown category, unreadable QR value) are reported as changed.
 *
 * One pass over the text (`scanCsv`): numbers and yes/no values are parsed from the characters,
 * repeated values are looked up by their characters, NFC normalisation runs only on cells holding
 * a character it may change, and no string of the result is a slice of `text`.
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
  const rows = estimateRows(source);
  const lon = new Float64Column(rows);
  const lat = new Float64Column(rows);
  const category = new Uint32Column(rows);
  const hasQr = new Uint32Column(rows);
  const tx = new Uint32Column(rows);
  const line = new Uint32Column(rows);
  const id = new RowStringsBuilder(rows);
  const name = new TableDictionaryBuilder(rows);
  const areaCode = new RangeDictionaryBuilder(rows);
  const areaName = new RangeDictionaryBuilder(rows);
  const qrProvider = new RangeDictionaryBuilder(rows);
  const marketId = new RangeDictionaryBuilder(rows);
  const streetId = new RangeDictionaryBuilder(rows);
  const categoryCache = new CellCache((value) => matchCategory(value));
  const qrCache = new CellCache((value) => {
    const yes = parseYesNo(value);
    return yes === null ? -1 : yes ? 1 : 0;
  });

  let header: string[] | null = null;
  let indexes: ColumnIndexes = {};
  let dataRows = 0;
  let usesOther = false;
  let fatal = false;
  // Column index per field, -1 when the file has no such column.
  let iId = -1, iName = -1, iCategory = -1, iLat = -1, iLon = -1, iHasQr = -1, iAreaCode = -1, iAreaName = -1;
  let iQrProvider = -1, iMarketId = -1, iStreetId = -1, iTx = -1;

  const readHeader = (fields: CsvFieldRanges, lineNumber: number) => {
    const names: string[] = [];
    for (let k = 0; k < fields.count; k++) {
      const start = fields.starts[k] ?? 0;
      names.push(copyString(fields.sources[k] ?? '', start, fields.ends[k] ?? start).trim().normalize('NFC'));
    }
    header = names;
    const seen = new Set<string>();
    for (const headerName of names) {
      if (seen.has(headerName)) problems.push({ file: 'merchants', code: 'csv-duplicate-header', severity: 'changed', line: lineNumber, detail: headerName });
      seen.add(headerName);
    }
    const resolved = resolveColumns(names, mapping);
    indexes = resolved.indexes;
    for (const field of resolved.missing) {
      problems.push({ file: 'merchants', code: 'csv-missing-column', severity: 'rejected', line: lineNumber, detail: mapping[field] ?? field });
    }
    fatal = resolved.missing.length > 0;
    iId = indexes.id ?? -1;
    iName = indexes.name ?? -1;
    iCategory = indexes.category ?? -1;
    iLat = indexes.lat ?? -1;
    iLon = indexes.lon ?? -1;
    iHasQr = indexes.hasQr ?? -1;
    iAreaCode = indexes.areaCode ?? -1;
    iAreaName = indexes.areaName ?? -1;
    iQrProvider = indexes.qrProvider ?? -1;
    iMarketId = indexes.marketId ?? -1;
    iStreetId = indexes.streetId ?? -1;
    iTx = indexes.txCountMonth ?? -1;
  };

  const reject = (code: DataProblem['code'], lineNumber: number, detail?: string) => {
    problems.push({ file: 'merchants', code, severity: 'rejected', line: lineNumber, ...(detail !== undefined ? { detail } : {}) });
  };

  // Trimmed range of the current row's cell, set by `range`.
  let cellSource = '';
  let cellStart = 0;
  let cellEnd = 0;
  const range = (fields: CsvFieldRanges, index: number): void => {
    if (index < 0) {
      cellSource = '';
      cellStart = 0;
      cellEnd = 0;
      return;
    }
    const s = fields.sources[index] ?? '';
    let start = fields.starts[index] ?? 0;
    let end = fields.ends[index] ?? 0;
    if (start < end) {
      const c = s.charCodeAt(start);
      if (c <= 0x20 || c >= 0xa0) start = trimStart(s, start, end);
    }
    if (end > start) {
      const c = s.charCodeAt(end - 1);
      if (c <= 0x20 || c >= 0xa0) end = trimEnd(s, start, end);
    }
    cellSource = s;
    cellStart = start;
    cellEnd = end;
  };

  const readRow = (fields: CsvFieldRanges, lineNumber: number) => {
    const columnCount = header?.length ?? 0;
    if (fields.count !== columnCount) {
      reject('csv-field-count', lineNumber, `${fields.count}/${columnCount}`);
      return;
    }
    range(fields, iLat);
    const latEmpty = cellStart === cellEnd;
    const rowLat = parseDecimalRange(cellSource, cellStart, cellEnd);
    range(fields, iLon);
    const lonEmpty = cellStart === cellEnd;
    const rowLon = parseDecimalRange(cellSource, cellStart, cellEnd);
    const hasCoordinates = Number.isFinite(rowLat) && Number.isFinite(rowLon);
    if (!latEmpty || !lonEmpty) {
      const valid = hasCoordinates && Math.abs(rowLat) <= 90 && Math.abs(rowLon) <= 180;
      if (!valid) {
        reject('merchant-bad-coordinates', lineNumber, `${cellText(fields, iLat)}; ${cellText(fields, iLon)}`);
        return;
      }
    } else {
      range(fields, iAreaCode);
      if (cellStart === cellEnd) {
        range(fields, iAreaName);
        if (cellStart === cellEnd) {
          reject('merchant-no-location', lineNumber);
          return;
        }
      }
    }

    range(fields, iCategory);
    let categoryIndex = categoryCache.lookup(cellSource, cellStart, cellEnd);
    if (categoryIndex < 0) {
      categoryIndex = otherIndex;
      usesOther = true;
      problems.push({ file: 'merchants', code: 'merchant-unknown-category', severity: 'changed', line: lineNumber, detail: categoryCache.text });
    }

    range(fields, iHasQr);
    let qr: number;
    if (cellEnd === cellStart) {
      qr = 0;
    } else {
      const c = cellSource.charCodeAt(cellStart);
      qr = cellEnd - cellStart === 1 && (c === 0x30 || c === 0x31) ? c - 0x30 : qrCache.lookup(cellSource, cellStart, cellEnd);
      if (qr < 0) {
        qr = 0;
        problems.push({ file: 'merchants', code: 'merchant-bad-qr-value', severity: 'changed', line: lineNumber, detail: qrCache.text });
      }
    }

    let txValue = 0;
    if (iTx >= 0) {
      range(fields, iTx);
      txValue = parseDigitsRange(cellSource, cellStart, cellEnd);
      if (txValue < 0) {
        const parsed = parseCount(cellText(fields, iTx));
        txValue = Number.isFinite(parsed) && parsed > 0 ? Math.round(parsed) : 0;
      }
    }

    lat.push(hasCoordinates ? rowLat : NaN);
    lon.push(hasCoordinates ? rowLon : NaN);
    category.push(categoryIndex);
    hasQr.push(qr);
    tx.push(Math.min(txValue, 0xffffffff));
    line.push(lineNumber);
    range(fields, iId);
    id.push(cellSource, cellStart, cellEnd);
    range(fields, iName);
    name.push(cellSource, cellStart, cellEnd);
    // A column the file does not have gets no codes at all (see `absent` below).
    if (iAreaCode >= 0) {
      range(fields, iAreaCode);
      areaCode.push(cellSource, cellStart, cellEnd);
    }
    if (iAreaName >= 0) {
      range(fields, iAreaName);
      areaName.push(cellSource, cellStart, cellEnd);
    }
    if (iQrProvider >= 0) {
      if (qr === 1) {
        range(fields, iQrProvider);
        qrProvider.push(cellSource, cellStart, cellEnd);
      } else {
        qrProvider.pushEmpty();
      }
    }
    if (iMarketId >= 0) {
      range(fields, iMarketId);
      marketId.push(cellSource, cellStart, cellEnd);
    }
    if (iStreetId >= 0) {
      range(fields, iStreetId);
      streetId.push(cellSource, cellStart, cellEnd);
    }
  };

  scanCsv(
    source,
    delimiter,
    (fields, lineNumber) => {
      if (fatal) {
        // Without a required column no row can be used: each one counts as rejected.
        dataRows++;
        return;
      }
      if (header === null) {
        readHeader(fields, lineNumber);
        return;
      }
      dataRows++;
      readRow(fields, lineNumber);
    },
    (problem) => {
      // The row whose quote never closes is a rejected row (the header is not a row).
      if (header !== null) dataRows++;
      problems.push({ file: 'merchants', code: 'csv-unclosed-quote', severity: 'rejected', line: problem.line });
    },
  );

  const finalHeader: string[] | null = header;
  if (finalHeader === null) problems.push({ file: 'merchants', code: 'csv-empty', severity: 'rejected', line: 1 });

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
    areaCode: iAreaCode >= 0 ? areaCode.finish() : absent(),
    areaName: iAreaName >= 0 ? areaName.finish() : absent(),
    qrProvider: iQrProvider >= 0 ? qrProvider.finish() : absent(),
    marketId: iMarketId >= 0 ? marketId.finish() : absent(),
    streetId: iStreetId >= 0 ? streetId.finish() : absent(),
  };
  const rejectedRows = dataRows - table.count;
  return {
    table,
    usesOtherCategory: usesOther,
    delimiter,
    header: finalHeader ?? [],
    columns: Object.fromEntries(Object.entries(indexes).map(([field, index]) => [field, finalHeader?.[index] ?? ''])) as Partial<Record<MerchantField, string>>,
    hasTransactions: indexes.txCountMonth !== undefined,
    problems,
    summary: { file: 'merchants', rows: dataRows, loaded: table.count, rejected: rejectedRows },
  };
}
