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
 * U+10FFFF), as `new TextDecoder('utf-8', { fatal: true })` would accept them; a sequence cut by
 * the end of `bytes` counts as invalid. Runs of ASCII are skipped four bytes at a time.
 */
export function isValidUtf8(bytes: Uint8Array): boolean {
  const n = bytes.length;
  let i = 0;
  // Align to 4 bytes so the ASCII skip can read whole words.
  const words = new Uint32Array(bytes.buffer, 0, bytes.buffer.byteLength >> 2);
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      const at = bytes.byteOffset + i;
      if ((at & 3) === 0) {
        let w = at >> 2;
        const last = (bytes.byteOffset + n) >> 2;
        while (w < last && ((words[w] as number) & 0x80808080) === 0) w++;
        i = (w << 2) - bytes.byteOffset;
      }
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return false;
    }
    if (i + need >= n) return false;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += need + 1;
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
