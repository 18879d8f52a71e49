import type { CategoryDefinition, MerchantColumns } from '../manifest/types.ts';
import type { DataProblem, FileSummary } from '../report/problems.ts';
import { detectDelimiter, type CsvDelimiter } from '../csv/tokenizeCsv.ts';
import { bytesOf, CsvByteScanner, type CsvByteFields } from '../csv/csvByteScanner.ts';
import { decodeUtf8, encodeUtf8Chunks } from '../text/utf8.ts';
import type { MerchantTable } from './merchantTable.ts';
import { resolveColumns, type ColumnIndexes, type MerchantField } from './resolveColumns.ts';
import { CategoryCells, type CategorySource } from './categoryCells.ts';
import { MerchantRowReader } from './merchantRowReader.ts';
import { RowColumns } from './rowColumns.ts';
import { finished } from '../typed/growable.ts';
import { ParseMemory } from '../wasm/parseMemory.ts';

export interface MerchantsResult {
  readonly table: MerchantTable;
  /** The categories the rows' indexes refer to (the given list, or the one made from the data); "other" is not in it. */
  readonly categories: readonly CategoryDefinition[];
  /** True when some rows had a category outside the list and were counted as "other". */
  readonly usesOtherCategory: boolean;
  readonly delimiter: CsvDelimiter;
  /** Where the rows were read: in WebAssembly memory, or in JavaScript alone. */
  readonly reader: MerchantReader;
  /** The file's header, and the header used for each field (the column mapping shown to the user). */
  readonly header: readonly string[];
  readonly columns: Partial<Record<MerchantField, string>>;
  /** True when the file has a transactions column, so "QR in use" can be counted at all. */
  readonly hasTransactions: boolean;
  readonly problems: readonly DataProblem[];
  readonly summary: FileSummary;
}

export type MerchantReader = 'webassembly' | 'javascript';

/** Reads a merchant CSV that arrives in pieces: `push` each piece of UTF-8 bytes, then `finish`. */
export interface MerchantsReader {
  push(chunk: Uint8Array): void;
  finish(): MerchantsResult;
}

export interface ReadOptions {
  /**
   * False reads in JavaScript alone even where WebAssembly runs (`ParseMemory`); both give the
   * same result, which the tests check.
   */
  readonly webAssembly?: boolean;
  /** Tests: WebAssembly's memory cannot grow past this many bytes, as on a device out of memory. */
  readonly memoryLimit?: number;
}

/** Bytes looked at before the delimiter is chosen and the rows estimated. */
const PREFIX_BYTES = 1 << 16;

/**
 * Reads a merchant CSV (a string, or its UTF-8 bytes whole or in pieces) into columns; see
 * `createMerchantsReader`. A long string is encoded in pieces, never as one byte array.
 */
export function readMerchantsCsv(
  input: string | Uint8Array | readonly Uint8Array[],
  mapping: Partial<MerchantColumns>,
  categories: CategorySource,
  options: ReadOptions = {},
): MerchantsResult {
  const pieces = typeof input === 'string' ? null : input instanceof Uint8Array ? [input] : input;
  const read = (readOptions: ReadOptions) => {
    const reader = createMerchantsReader(mapping, categories, pieces ? pieces.reduce((sum, piece) => sum + piece.length, 0) : input.length, readOptions);
    for (const piece of pieces ?? encodeUtf8Chunks(input as string)) reader.push(piece);
    return reader.finish();
  };
  if (options.webAssembly === false) return read(options);
  try {
    return read(options);
  } catch (error) {
    // WebAssembly's memory could not grow (a device out of memory): read the file again in JavaScript.
    if (typeof WebAssembly !== 'undefined' && error instanceof WebAssembly.RuntimeError) return read({ ...options, webAssembly: false });
    throw error;
  }
}

/**
 * A reader of a merchant CSV in UTF-8. Rows that cannot be used are reported with their physical
 * line; rows kept after a change (unknown category, unreadable QR value) are reported as changed.
 *
 * One pass over the bytes (`CsvByteScanner`): numbers and yes/no values are parsed from the bytes,
 * repeated values are looked up by their bytes, and a cell is decoded to a string only when NFC may
 * change it or a problem quotes it. Where WebAssembly runs, the bytes are read in its memory: the
 * delimiters are found sixteen bytes at a time and the names looked up in batches (`ParseMemory`).
 * `expectedBytes` (the file's size, when known) sizes the columns.
 */
export function createMerchantsReader(
  mapping: Partial<MerchantColumns>,
  categories: CategorySource,
  expectedBytes = 0,
  options: ReadOptions = {},
): MerchantsReader {
  const problems: DataProblem[] = [];
  const categoryCells = new CategoryCells(categories);
  const otherIndex = 'fromData' in categories ? -1 : (categories as readonly CategoryDefinition[]).length;
  let expectedRows = 0;
  let scanner: CsvByteScanner | null = null;
  let memory: ParseMemory | null = null;
  let delimiter: CsvDelimiter = ',';
  let prefix: Uint8Array[] = [];
  let prefixBytes = 0;
  let first = true;

  let header: string[] | null = null;
  let rows: MerchantRowReader | null = null;
  let dataRows = 0;
  let fatal = false;
  let indexes: ColumnIndexes = {};

  const readHeader = (fields: CsvByteFields, lineNumber: number) => {
    const names: string[] = [];
    for (let k = 0; k < fields.count; k++) names.push(decodeUtf8(bytesOf(fields, k), fields.starts[k], fields.ends[k]).trim().normalize('NFC'));
    header = names;
    const seen = new Set<string>();
    for (const headerName of names) {
      if (seen.has(headerName)) problems.push({ file: 'merchants', code: 'csv-duplicate-header', severity: 'changed', line: lineNumber, detail: headerName });
      seen.add(headerName);
    }
    const resolved = resolveColumns(names, mapping);
    indexes = resolved.indexes;
    for (const field of resolved.missing) problems.push({ file: 'merchants', code: 'csv-missing-column', severity: 'rejected', line: lineNumber, detail: mapping[field] ?? field });
    fatal = resolved.missing.length > 0;
    rows = new MerchantRowReader(indexes, expectedRows, names.length, categoryCells, otherIndex, problems, memory ?? undefined);
  };

  /** Chooses the delimiter and sizes the columns from the first bytes, then scans them. */
  const start = (bytes: Uint8Array) => {
    delimiter = detectDelimiter(decodeUtf8(bytes, 0, Math.min(bytes.length, PREFIX_BYTES)));
    expectedRows = estimateRows(bytes, expectedBytes);
    memory = options.webAssembly === false ? null : ParseMemory.create(expectedRows, undefined, options.memoryLimit);
    scanner = new CsvByteScanner(
      delimiter.charCodeAt(0),
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
        rows?.read(fields, lineNumber);
      },
      (problem) => {
        // The row whose quote never closes is a rejected row (the header is not a row).
        if (header !== null) dataRows++;
        problems.push({ file: 'merchants', code: 'csv-unclosed-quote', severity: 'rejected', line: problem.line });
      },
      memory,
    );
    scanner.push(bytes);
  };

  const push = (chunk: Uint8Array) => {
    if (first && chunk.length > 0) {
      first = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    if (scanner) return scanner.push(chunk);
    prefix.push(chunk);
    prefixBytes += chunk.length;
    if (prefixBytes >= PREFIX_BYTES) startFromPrefix();
  };
  const startFromPrefix = () => {
    const bytes = prefix.length === 1 ? (prefix[0] as Uint8Array) : concat(prefix, prefixBytes);
    prefix = [];
    start(bytes);
  };

  return {
    push,
    finish() {
      if (!scanner) startFromPrefix();
      scanner?.finish();
      const finalHeader: string[] | null = header;
      if (finalHeader === null) problems.push({ file: 'merchants', code: 'csv-empty', severity: 'rejected', line: 1 });
      const rowColumns = rows?.columns ?? new RowColumns(0, {});
      const line = finished(rowColumns.line, rowColumns.count);
      const made = categoryCells.finish(rowColumns.category.subarray(0, rowColumns.count), line);
      let usesOther = rows?.usesOther ?? false;
      if (made.problems.length > 0) {
        usesOther = true;
        problems.push(...made.problems);
        // Keep the report in line order, a row's category before its QR value, as a fixed list gives it.
        const rank = (p: DataProblem) => (p.code === 'merchant-unknown-category' ? 0 : 1);
        problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || rank(a) - rank(b));
      }
      const category = made.column;
      const table = rowColumns.finish(category, line, indexes);
      return {
        table,
        categories: made.categories,
        usesOtherCategory: usesOther,
        delimiter,
        reader: memory === null ? 'javascript' : 'webassembly',
        header: finalHeader ?? [],
        columns: Object.fromEntries(Object.entries(indexes).map(([field, index]) => [field, finalHeader?.[index] ?? ''])) as Partial<Record<MerchantField, string>>,
        hasTransactions: indexes.txCountMonth !== undefined,
        problems,
        summary: { file: 'merchants', rows: dataRows, loaded: table.count, rejected: dataRows - table.count },
      };
    },
  };
}

/** Rows to expect: the line feeds of the first bytes, scaled to the expected size (1024 when unknown). */
function estimateRows(bytes: Uint8Array, expectedBytes: number): number {
  const sample = Math.min(bytes.length, PREFIX_BYTES);
  let lines = 0;
  for (let i = 0; i < sample; i++) if (bytes[i] === 0x0a) lines++;
  if (lines === 0 || sample === 0) return 1024;
  return Math.ceil((Math.max(expectedBytes, bytes.length) / sample) * lines * 1.02) + 16;
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
