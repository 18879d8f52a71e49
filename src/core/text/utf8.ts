/**
 * UTF-8 bytes without a string in between: a validator for whole files, text encoded in pieces
 * (so a long text never becomes one giant byte array at once), and a decoder for short ranges.
 */

const utf8Decoder = new TextDecoder('utf-8');

/** `bytes[start, end)` as a string (invalid sequences as U+FFFD). */
export function decodeUtf8(bytes: Uint8Array, start = 0, end = bytes.length): string {
  if (end <= start) return '';
  // Short ASCII ranges (codes, flags) are quicker by hand than through TextDecoder.
  if (end - start <= 16) {
    let ascii = true;
    for (let i = start; i < end; i++) if ((bytes[i] ?? 0) >= 0x80) ascii = false;
    if (ascii) return String.fromCharCode(...bytes.subarray(start, end));
  }
  return utf8Decoder.decode(bytes.subarray(start, end));
}

/**
 * True when the bytes are well-formed UTF-8 (no overlong forms, surrogates or code points beyond
 * U+10FFFF), as `new TextDecoder('utf-8', { fatal: true })` would accept them, without making the
 * string; a sequence cut by the end of `bytes` counts as invalid.
 */
export function isValidUtf8(bytes: Uint8Array): boolean {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    if (b < 0xc2) return false;
    if (b < 0xe0) {
      if (i + 1 >= n || ((bytes[i + 1] as number) & 0xc0) !== 0x80) return false;
      i += 2;
      continue;
    }
    if (b < 0xf0) {
      if (i + 2 >= n) return false;
      const b1 = bytes[i + 1] as number;
      const b2 = bytes[i + 2] as number;
      if ((b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80) return false;
      if ((b === 0xe0 && b1 < 0xa0) || (b === 0xed && b1 >= 0xa0)) return false; // overlong, surrogate
      i += 3;
      continue;
    }
    if (b > 0xf4 || i + 3 >= n) return false;
    const b1 = bytes[i + 1] as number;
    const b2 = bytes[i + 2] as number;
    const b3 = bytes[i + 3] as number;
    if ((b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80 || (b3 & 0xc0) !== 0x80) return false;
    if ((b === 0xf0 && b1 < 0x90) || (b === 0xf4 && b1 >= 0x90)) return false; // overlong, beyond U+10FFFF
    i += 4;
  }
  return true;
}

/**
 * The text as UTF-8 in pieces of about `chunkChars` characters (a surrogate pair is never split;
 * a lone surrogate becomes U+FFFD, as `TextEncoder` writes it).
 */
export function* encodeUtf8Chunks(text: string, chunkChars = 1 << 22): Generator<Uint8Array> {
  const encoder = new TextEncoder();
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + chunkChars);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    yield encoder.encode(text.slice(start, end));
    start = end;
  }
}
