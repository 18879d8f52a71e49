import { stringTableValue, type StringTable } from './stringTable.ts';

/** Dictionary codes: the narrowest signed type that holds every code (-1 is "empty"). */
export type DictionaryCodes = Int32Array | Int16Array | Int8Array;

/**
 * Strings kept once each: a row stores the index of its value, -1 for empty.
 *
 * Low-cardinality columns keep their distinct values in `values`. High-cardinality columns (merchant
 * ids and names) keep them in `table` instead (`values` is then empty); when such a column has no
 * codes (length 0), it holds one value per row: row r has the table's value r. A column without
 * `table` and without codes is a column the file does not have: every row is empty. Codes use the
 * narrowest signed type for the number of values. Read a value with `dictionaryValue`, which
 * handles every layout.
 */
export interface DictionaryColumn {
  readonly values: readonly string[];
  readonly codes: DictionaryCodes;
  readonly table?: StringTable;
}

/** The narrowest signed code array for codes below `distinct` (with -1 for empty). */
export function narrowCodes(codes: Int32Array, distinct: number): DictionaryCodes {
  if (distinct <= 0x7f) return Int8Array.from(codes);
  if (distinct <= 0x7fff) return Int16Array.from(codes);
  return codes;
}

/** The value of a dictionary column at a row, '' when empty. */
export function dictionaryValue(column: DictionaryColumn, row: number): string {
  const table = column.table;
  if (table !== undefined) {
    const code = column.codes.length === 0 ? row : (column.codes[row] ?? -1);
    return stringTableValue(table, code);
  }
  const code = column.codes[row] ?? -1;
  return code < 0 ? '' : (column.values[code] ?? '');
}
