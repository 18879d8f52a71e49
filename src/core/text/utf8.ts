/**
 * UTF-8 bytes without a string in between: a validator for whole files, text encoded in pieces
 * (so a long text never becomes one giant byte array at once), and a decoder for short ranges.
 */

import { wasmUtf8End } from '../wasm/utf8Window.ts';

const utf8Decoder = new TextDecoder('utf-8');
/** Below this many bytes the JavaScript check is as quick as copying them to WebAssembly. */
const WASM_FROM = 4096;

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
  return utf8End(bytes, 0, false) === bytes.length;
}

/** `isValidUtf8` of the pieces of a file one after the other (a character may be cut between two). */
export function isValidUtf8Chunks(chunks: readonly Uint8Array[]): boolean {
  const checker = new Utf8Checker();
  for (const chunk of chunks) checker.push(chunk);
  return checker.valid();
}

/**
 * `isValidUtf8Chunks` for pieces as they arrive: `push` each (a reader checks a piece while the
 * next is on its way), then `valid()`. It stops looking once a piece is invalid.
 */
export class Utf8Checker {
  private carried: number[] = [];
  private invalid = false;

  push(chunk: Uint8Array): void {
    if (this.invalid) return;
    let from = 0;
    if (this.carried.length > 0) {
      // Complete the character cut at the end of the previous piece with this one's first bytes.
      const lead = this.carried[0] as number;
      const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
      from = Math.min(chunk.length, length - this.carried.length);
      const joined = Uint8Array.from([...this.carried, ...chunk.subarray(0, from)]);
      if (joined.length < length) {
        this.carried = Array.from(joined);
        return;
      }
      if (validUtf8End(joined, 0) !== joined.length) {
        this.invalid = true;
        return;
      }
      this.carried = [];
    }
    const end = utf8End(chunk, from, true);
    if (end < 0) this.invalid = true;
    else this.carried = Array.from(chunk.subarray(end));
  }

  /** True when all the bytes pushed are well-formed UTF-8 (a character cut at the very end is not). */
  valid(): boolean {
    return !this.invalid && this.carried.length === 0;
  }
}

/** `validUtf8End`, in WebAssembly where it runs and the bytes are many. */
function utf8End(bytes: Uint8Array, start: number, open: boolean): number {
  return (bytes.length - start >= WASM_FROM ? wasmUtf8End(bytes, start, open) : null) ?? validUtf8End(bytes, start, open);
}

/**
 * Where the well-formed UTF-8 from `start` ends: `bytes.length` when all is, -1 at an invalid
 * sequence; with `open`, a last character cut by the end is not invalid and its start is returned.
 * (In JavaScript: for short ranges, where WebAssembly cannot run, and as the tests' reference.)
 */
export function validUtf8End(bytes: Uint8Array, start: number, open = false): number {
  const n = bytes.length;
  let i = start;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    if (b < 0xc2 || b > 0xf4) return -1;
    const need = b < 0xe0 ? 1 : b < 0xf0 ? 2 : 3;
    if (i + need >= n) {
      if (!open) return -1;
      for (let k = i + 1; k < n; k++) if (((bytes[k] as number) & 0xc0) !== 0x80) return -1;
      return i;
    }
    const b1 = bytes[i + 1] as number;
    if ((b1 & 0xc0) !== 0x80) return -1;
    if (need >= 2) {
      if (((bytes[i + 2] as number) & 0xc0) !== 0x80) return -1;
      if ((b === 0xe0 && b1 < 0xa0) || (b === 0xed && b1 >= 0xa0)) return -1; // overlong, surrogate
      if ((b === 0xf0 && b1 < 0x90) || (b === 0xf4 && b1 >= 0x90)) return -1; // overlong, beyond U+10FFFF
    }
    if (need === 3 && ((bytes[i + 3] as number) & 0xc0) !== 0x80) return -1;
    i += need + 1;
  }
  return n;
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
