/** Parses a coordinate or count written with a decimal point or a decimal comma ("16,0679"); NaN otherwise. */
export function parseDecimal(text: string): number {
  const trimmed = text.trim();
  if (trimmed === '') return NaN;
  const normalised = trimmed.includes('.') ? trimmed : trimmed.replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(normalised)) return NaN;
  return Number(normalised);
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
