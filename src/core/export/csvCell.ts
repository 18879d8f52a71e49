/**
 * Writing CSV that officials open in Excel: cells are quoted when needed (RFC 4180), and text
 * that a spreadsheet would run as a formula is defused ("CSV injection"): a cell starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`. Numbers stay numbers,
 * including negative ones, whether passed as numbers or as plain numeric text.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NEEDS_QUOTES = /[",\r\n;\t]/;

/** One cell: '' for null/undefined/NaN, numbers as written by JavaScript, text defused and quoted when needed. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = value;
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, comma-separated, without its line ending. */
export function csvRow(values: readonly (string | number | null | undefined)[]): string {
  return values.map(csvCell).join(',');
}

/** A whole file: CRLF line endings (as Excel writes) and a UTF-8 byte order mark so Excel reads Vietnamese letters. */
export function csvDocument(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return `\ufeff${rows.map((row) => `${csvRow(row)}\r\n`).join('')}`;
}
