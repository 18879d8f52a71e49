/**
 * Cell readers over a range of UTF-8 bytes (`bytes[start, end)`), so the merchant reader needs no
 * string for numbers, flags and repeated values. Each gives exactly what the string functions in
 * parseValues.ts give for the cell's text trimmed and in NFC.
 */
import { decodeUtf8 } from '../text/utf8.ts';

/** The characters `String.prototype.trim` removes (WhiteSpace and LineTerminator). */
export function isTrimmedSpace(c: number): boolean {
  if (c > 0x20 && c < 0xa0) return false;
  return (
    c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** The code point starting at `at` and its byte length, packed as `cp * 8 + length` (well-formed input). */
function codePointAt(bytes: Uint8Array, at: number): number {
  const b = bytes[at] ?? 0;
  if (b < 0x80) return b * 8 + 1;
  if (b < 0xe0) return ((((b & 0x1f) << 6) | ((bytes[at + 1] ?? 0) & 0x3f)) * 8) + 2;
  if (b < 0xf0) return ((((b & 0x0f) << 12) | (((bytes[at + 1] ?? 0) & 0x3f) << 6) | ((bytes[at + 2] ?? 0) & 0x3f)) * 8) + 3;
  return 4; // beyond the BMP: never a space
}

/** First byte of the range after leading spaces. */
export function trimStartBytes(bytes: Uint8Array, start: number, end: number): number {
  while (start < end) {
    const b = bytes[start] ?? 0;
    if (b < 0x80) {
      if (b !== 0x20 && (b < 0x09 || b > 0x0d)) break;
      start++;
      continue;
    }
    const packed = codePointAt(bytes, start);
    if (!isTrimmedSpace(packed >>> 3)) break;
    start += packed & 7;
  }
  return start;
}

/** End of the range before trailing spaces (never before `start`). */
export function trimEndBytes(bytes: Uint8Array, start: number, end: number): number {
  while (end > start) {
    const b = bytes[end - 1] ?? 0;
    if (b < 0x80) {
      if (b !== 0x20 && (b < 0x09 || b > 0x0d)) break;
      end--;
      continue;
    }
    // Back to the lead byte of the last character.
    let lead = end - 1;
    while (lead > start && ((bytes[lead] ?? 0) & 0xc0) === 0x80) lead--;
    if (!isTrimmedSpace(codePointAt(bytes, lead) >>> 3)) break;
    end = lead;
  }
  return end;
}

/**
 * A 31-bit hash of the range's bytes; negative (bit 31 set) when the range holds a character NFC
 * may change, so one pass answers both questions. Every character below U+0300 and the Vietnamese
 * precomposed letters U+1E00–U+1EFF are starters that NFC leaves alone (checked over all pairs in
 * tests/unit/fastParse.test.ts); in UTF-8 the others are the lead bytes from 0xCC up, except
 * 0xE1 followed by 0xB8–0xBB.
 */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  // Two FNV-1a lanes, even and odd bytes: half the multiplications in a row wait for the one before.
  let even = 0x811c9dc5 | 0;
  let odd = 0x050c5d1f;
  let special = false;
  let i = start;
  for (; i + 1 < end; i += 2) {
    const a = bytes[i] as number, b = bytes[i + 1] as number;
    even = Math.imul(even ^ a, 0x01000193);
    odd = Math.imul(odd ^ b, 0x01000193);
    if ((a >= 0xcc || b >= 0xcc) && !special) special = mayChangeAt(bytes, i) || mayChangeAt(bytes, i + 1);
  }
  if (i < end) {
    const a = bytes[i] as number;
    even = Math.imul(even ^ a, 0x01000193);
    if (a >= 0xcc && !special) special = mayChangeAt(bytes, i);
  }
  let h = even ^ Math.imul(odd, 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return special ? h | 0x80000000 : h & 0x7fffffff;
}

/** True when the byte at `i` starts a character NFC may change (see `hashBytes`). */
function mayChangeAt(bytes: Uint8Array, i: number): boolean {
  const b = bytes[i] as number;
  if (b < 0xcc) return false;
  if (b !== 0xe1) return true;
  const next = bytes[i + 1] ?? 0;
  return next < 0xb8 || next > 0xbb;
}

/** True when the range holds a character NFC may change (see `hashBytes`). */
export function bytesMayChangeUnderNfc(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if ((bytes[i] as number) >= 0xcc && mayChangeAt(bytes, i)) return true;
  return false;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * `parseDecimal` on a trimmed range: `[+-]?(\d+[.,]?\d*|[.,]\d+)([eE][+-]?\d+)?` with at most one
 * separator, NaN otherwise. Up to 15 digits and a power of ten up to 22 the value is one correctly
 * rounded multiplication or division (as `Number` gives); anything longer goes through `Number`.
 *
 * This is the common cell (`-?\d*.?\d*`, at most 15 digits), small enough for the engine to inline
 * into its caller, so the number is not boxed on its way back; any other cell goes to
 * `parseAnyDecimalBytes`.
 */
export function parseDecimalBytes(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  const negative = bytes[i] === 0x2d;
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  let fracDigits = -1;
  for (; i < end; i++) {
    const c = bytes[i] as number;
    if (c >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30);
      digits++;
      if (fracDigits >= 0) fracDigits++;
    } else if (c === 0x2e && fracDigits < 0) fracDigits = 0;
    else return parseAnyDecimalBytes(bytes, start, end);
  }
  if (digits === 0 || digits > 15) return parseAnyDecimalBytes(bytes, start, end);
  const value = fracDigits > 0 ? mantissa / (POW10[fracDigits] as number) : mantissa;
  return negative ? -value : value;
}

/**
 * `out[at] = parseDecimalBytes(…)`: for a caller too big to have `parseDecimalBytes` inlined, where
 * a returned number would be boxed (one heap object per cell); a small function of its own has it
 * inlined and writes the number unboxed.
 */
export function parseDecimalBytesInto(bytes: Uint8Array, start: number, end: number, out: Float64Array, at: number): void {
  out[at] = parseDecimalBytes(bytes, start, end);
}

/** `parseDecimalBytes` for every cell. */
function parseAnyDecimalBytes(bytes: Uint8Array, start: number, end: number): number {
  if (start >= end) return NaN;
  let i = start;
  let c = bytes[i] as number;
  const negative = c === 0x2d;
  if (negative || c === 0x2b) i++;
  let mantissa = 0;
  let intDigits = 0;
  let fracDigits = 0;
  let separator = false;
  for (; i < end; i++) {
    c = bytes[i] as number;
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
      c = bytes[i] as number;
      if (c === 0x2b || c === 0x2d) {
        expNegative = c === 0x2d;
        i++;
      }
    }
    if (i >= end) return NaN;
    for (; i < end; i++) {
      c = bytes[i] as number;
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
  const text = decodeUtf8(bytes, start, end);
  return Number(text.includes('.') ? text : text.replace(',', '.'));
}

/** A trimmed range of 1–15 ASCII digits as its integer value; -1 for anything else (read it with `parseCount`). */
export function parseDigitsBytes(bytes: Uint8Array, start: number, end: number): number {
  if (start >= end || end - start > 15) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const c = bytes[i] as number;
    if (c < 0x30 || c > 0x39) return -1;
    value = value * 10 + (c - 0x30);
  }
  return value;
}
