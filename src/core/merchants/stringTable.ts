import { decodeUtf8 } from '../text/utf8.ts';
import { finished, GrowableUint32 } from '../typed/growable.ts';

/**
 * Many strings in one UTF-8 byte buffer, so that millions of distinct values (ids, names) cost no
 * heap object each and never keep a slice of the source text alive. Plain data (typed arrays and
 * numbers): it survives structured cloning to and from a worker.
 */
export interface StringTable {
  readonly count: number;
  readonly bytes: Uint8Array;
  /** Byte length of every string when all have the same (fixed-width ids); 0 otherwise. */
  readonly width: number;
  /**
   * With `width`: empty. With `lengths`: the byte offset of every 16th string (string 16k starts at
   * `starts[k]`). Otherwise: the byte offset of every string, plus the end (count + 1 entries).
   */
  readonly starts: Uint32Array;
  /** Byte length of each string when all are shorter than 255 bytes (and `width` is 0); null otherwise. */
  readonly lengths: Uint8Array | null;
}

const BLOCK_SHIFT = 4;
const encoder = new TextEncoder();

/** Appends strings (UTF-8 byte ranges, or JavaScript strings) to a growing buffer; `finish` gives a right-sized `StringTable`. */
export class StringTableBuilder {
  private bytes: Uint8Array<ArrayBuffer>;
  private used = 0;
  private readonly starts: GrowableUint32;
  private longest = 0;

  /** `strings` and `bytes`: expected counts (both grow past them). */
  constructor(strings = 1024, bytes = 1 << 16) {
    this.starts = new GrowableUint32(strings);
    this.bytes = new Uint8Array(Math.max(64, bytes));
  }

  get count(): number {
    return this.starts.length;
  }

  /** Appends the UTF-8 bytes `source[start, end)` as the next string. */
  pushBytes(source: Uint8Array, start: number, end: number): void {
    const length = end - start;
    this.starts.push(this.used);
    if (this.bytes.length - this.used < length) this.grow(length);
    const bytes = this.bytes;
    let at = this.used;
    // Short strings are copied by hand: `set` on a subarray costs more than the loop.
    if (length <= 32) for (let i = start; i < end; i++) bytes[at++] = source[i] as number;
    else {
      bytes.set(source.subarray(start, end), at);
      at += length;
    }
    if (length > this.longest) this.longest = length;
    this.used = at;
  }

  /** Appends a string (a lone surrogate is written as U+FFFD). */
  push(value: string): void {
    this.starts.push(this.used);
    if (this.bytes.length - this.used < value.length * 3) this.grow(value.length * 3);
    const { written } = encoder.encodeInto(value, this.bytes.subarray(this.used));
    if (written > this.longest) this.longest = written;
    this.used += written;
  }

  finish(): StringTable {
    const count = this.starts.length;
    const bytes = finished(this.bytes, this.used);
    if (count > 0 && this.longest > 0 && this.longest * count === this.used) {
      // Every string has the longest length: no offsets needed.
      return { count, bytes, width: this.longest, starts: new Uint32Array(0), lengths: null };
    }
    if (this.longest >= 255) {
      const starts = new Uint32Array(count + 1);
      for (let i = 0; i < count; i++) starts[i] = this.starts.data[i] as number;
      starts[count] = this.used;
      return { count, bytes, width: 0, starts, lengths: null };
    }
    const lengths = new Uint8Array(count);
    const starts = new Uint32Array((count >> BLOCK_SHIFT) + 1);
    for (let i = 0; i < count; i++) {
      const start = this.starts.data[i] as number;
      lengths[i] = (i + 1 < count ? (this.starts.data[i + 1] as number) : this.used) - start;
      if ((i & ((1 << BLOCK_SHIFT) - 1)) === 0) starts[i >> BLOCK_SHIFT] = start;
    }
    return { count, bytes, width: 0, starts, lengths };
  }

  private grow(atLeast: number): void {
    let length = this.bytes.length * 2;
    while (length - this.used < atLeast) length *= 2;
    const next = new Uint8Array(length);
    next.set(this.bytes.subarray(0, this.used));
    this.bytes = next;
  }
}

/** String `index` of a table ('' when out of range). */
export function stringTableValue(table: StringTable, index: number): string {
  if (index < 0 || index >= table.count) return '';
  let start: number;
  let end: number;
  const lengths = table.lengths;
  if (table.width > 0) {
    start = index * table.width;
    end = start + table.width;
  } else if (lengths === null) {
    start = table.starts[index] ?? 0;
    end = table.starts[index + 1] ?? start;
  } else {
    start = table.starts[index >> BLOCK_SHIFT] ?? 0;
    for (let k = (index >> BLOCK_SHIFT) << BLOCK_SHIFT; k < index; k++) start += lengths[k] ?? 0;
    end = start + (lengths[index] ?? 0);
  }
  return decodeUtf8(table.bytes, start, end);
}
