/**
 * Cell readers that work on a range of a string (`source[start, end)`) from its character codes,
 * so the merchant reader needs no substring for numbers, flags and repeated values. Each one gives
 * exactly what the string functions in parseValues.ts give for `source.slice(start, end).trim().normalize('NFC')`.
 */

/** The characters `String.prototype.trim` removes (WhiteSpace and LineTerminator). */
export function isTrimmedSpace(c: number): boolean {
  if (c > 0x20 && c < 0xa0) return false;
  return (
    c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** First index of the range after leading spaces. */
export function trimStart(source: string, start: number, end: number): number {
  while (start < end && isTrimmedSpace(source.charCodeAt(start))) start++;
  return start;
}

/** End of the range before trailing spaces (never before `start`). */
export function trimEnd(source: string, start: number, end: number): number {
  while (end > start && isTrimmedSpace(source.charCodeAt(end - 1))) end--;
  return end;
}

/**
 * True when a code unit might not be left as it is by NFC. Every other unit (U+0000–U+02FF and
 * Vietnamese precomposed letters U+1E00–U+1EFF) is a starter with NFC_Quick_Check = Yes, so a
 * string made only of them is already NFC (checked over all pairs in tests/unit/fastParse.test.ts).
 */
export function mayChangeUnderNfc(c: number): boolean {
  return c >= 0x300 && (c < 0x1e00 || c >= 0x1f00);
}

/** True when some unit of the range may change under NFC (see `mayChangeUnderNfc`). */
export function rangeMayChangeUnderNfc(source: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (mayChangeUnderNfc(source.charCodeAt(i))) return true;
  return false;
}

/**
 * A 31-bit hash of the range's code units; negative (bit 31 set) when the range may change under
 * NFC, so one pass answers both questions. Equal ranges give equal results.
 */
export function hashRange(source: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  let special = false;
  for (let i = start; i < end; i++) {
    const c = source.charCodeAt(i);
    h = Math.imul(h ^ c, 0x01000193);
    if (c >= 0x300 && (c < 0x1e00 || c >= 0x1f00)) special = true;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return special ? h | 0x80000000 : h & 0x7fffffff;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * `parseDecimal` on a trimmed range: `[+-]?(\d+[.,]?\d*|[.,]\d+)([eE][+-]?\d+)?` with at most one
 * separator, NaN otherwise. Up to 15 digits and a power of ten up to 22 the value is one correctly
 * rounded multiplication or division (as `Number` gives); anything longer goes through `Number`.
 */
export function parseDecimalRange(source: string, start: number, end: number): number {
  if (start >= end) return NaN;
  let i = start;
  let c = source.charCodeAt(i);
  const negative = c === 0x2d;
  if (negative || c === 0x2b) i++;
  let mantissa = 0;
  let intDigits = 0;
  let fracDigits = 0;
  let separator = false;
  for (; i < end; i++) {
    c = source.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30);
      if (separator) fracDigits++;
      else intDigits++;
    } else if ((c === 0x2e || c === 0x2c) && !separator) {
      separator = true;
    } else {
      break;
    }
  }
  if (intDigits === 0 && fracDigits === 0) return NaN;
  let exponent = 0;
  if (i < end) {
    if (c !== 0x65 && c !== 0x45) return NaN;
    i++;
    let expNegative = false;
    if (i < end) {
      c = source.charCodeAt(i);
      if (c === 0x2b || c === 0x2d) {
        expNegative = c === 0x2d;
        i++;
      }
    }
    if (i >= end) return NaN;
    for (; i < end; i++) {
      c = source.charCodeAt(i);
      if (c < 0x30 || c > 0x39) return NaN;
      if (exponent < 100000) exponent = exponent * 10 + (c - 0x30);
    }
    if (expNegative) exponent = -exponent;
  }
  const scale = exponent - fracDigits;
  if (intDigits + fracDigits <= 15 && scale >= -22 && scale <= 22) {
    const value = scale === 0 ? mantissa : scale > 0 ? mantissa * (POW10[scale] ?? NaN) : mantissa / (POW10[-scale] ?? NaN);
    return negative ? -value : value;
  }
  const text = source.slice(start, end);
  return Number(text.includes('.') ? text : text.replace(',', '.'));
}

/** A trimmed range of 1–15 ASCII digits as its integer value; -1 for anything else (read it with `parseCount`). */
export function parseDigitsRange(source: string, start: number, end: number): number {
  if (start >= end || end - start > 15) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return -1;
    value = value * 10 + (c - 0x30);
  }
  return value;
}
