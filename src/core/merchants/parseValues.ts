/** Parses a coordinate or count written with a decimal point or a decimal comma ("16,0679"); NaN otherwise. */
export function parseDecimal(text: string): number {
  const trimmed = text.trim();
  if (trimmed === '') return NaN;
  const normalised = trimmed.includes('.') ? trimmed : trimmed.replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(normalised)) return NaN;
  return Number(normalised);
}

/**
 * Parses a count as spreadsheets write it: "1234", "1.234.567" (Vietnamese thousands), "1,234,567"
 * (English thousands), "1 234", or "12,5" / "12.5"; NaN otherwise. One regular-expression test and
 * one pass over the characters, so it stays linear whatever the cell holds.
 */
export function parseCount(text: string): number {
  const trimmed = text.trim().replace(/[\s\u00a0]/g, '');
  if (trimmed === '') return NaN;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(trimmed)) return Number(trimmed.replace(/\./g, '').replace(',', '.'));
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(trimmed)) return Number(trimmed.replace(/,/g, ''));
  return parseDecimal(trimmed);
}

const YES = new Set(['1', 'true', 'yes', 'y', 'x', 'có', 'co', 'c']);
const NO = new Set(['0', 'false', 'no', 'n', 'không', 'khong', 'k', '']);

/** Reads a yes/no cell ("1", "có", "x", "true", …); null when it is neither. */
export function parseYesNo(text: string): boolean | null {
  const value = text.trim().normalize('NFC').toLowerCase();
  if (YES.has(value)) return true;
  if (NO.has(value)) return false;
  return null;
}
