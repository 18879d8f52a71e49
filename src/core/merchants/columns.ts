type NumberArray = Float64Array | Uint32Array | Int32Array;

/** A growable typed column; `finish` returns a right-sized copy. */
class TypedColumn<A extends NumberArray> {
  private data: A;
  length = 0;
  constructor(private readonly make: (length: number) => A, capacity: number) {
    this.data = make(Math.max(16, capacity));
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  /** The value at `index` (< length). */
  at(index: number): number {
    return this.data[index] ?? 0;
  }
  finish(): A {
    return this.data.slice(0, this.length) as A;
  }
}

export class Float64Column extends TypedColumn<Float64Array> {
  /** `capacity`: the expected length (it grows past it by doubling). */
  constructor(capacity = 1024) {
    super((length) => new Float64Array(length), capacity);
  }
}

export class Uint32Column extends TypedColumn<Uint32Array> {
  /** `capacity`: the expected length (it grows past it by doubling). */
  constructor(capacity = 1024) {
    super((length) => new Uint32Array(length), capacity);
  }
}

export class Int32Column extends TypedColumn<Int32Array> {
  /** `capacity`: the expected length (it grows past it by doubling). */
  constructor(capacity = 1024) {
    super((length) => new Int32Array(length), capacity);
  }
}

/** Dictionary codes: the narrowest signed type that holds every code (-1 is "empty"). */
export type DictionaryCodes = Int32Array | Int16Array | Int8Array;

/**
 * Many strings in one byte buffer, so that millions of distinct values (ids, names) cost no heap
 * object each and never keep a slice of the source text alive. Each UTF-16 code unit is written
 * as 1–3 bytes in the UTF-8 layout (surrogates one by one, so any JavaScript string round-trips).
 * Plain data (typed arrays and numbers): it survives structured cloning to and from a worker.
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

const BLOCK_SHIFT = 4;

/**
 * Writes one UTF-16 code unit as 1–3 bytes (surrogates each on their own, so any string round-trips)
 * and returns the next write position.
 */
function writeUtf8Unit(bytes: Uint8Array, at: number, c: number): number {
  if (c < 0x80) {
    bytes[at] = c;
    return at + 1;
  }
  if (c < 0x800) {
    bytes[at] = 0xc0 | (c >> 6);
    bytes[at + 1] = 0x80 | (c & 0x3f);
    return at + 2;
  }
  bytes[at] = 0xe0 | (c >> 12);
  bytes[at + 1] = 0x80 | ((c >> 6) & 0x3f);
  bytes[at + 2] = 0x80 | (c & 0x3f);
  return at + 3;
}

/** Appends strings (or ranges of strings) to a growing byte buffer; `finish` gives a right-sized `StringTable`. */
export class StringTableBuilder {
  private bytes: Uint8Array;
  private used = 0;
  private readonly starts: Uint32Column;
  private longest = 0;

  /** `strings` and `bytes`: expected counts (both grow past them). */
  constructor(strings = 1024, bytes = 1 << 16) {
    this.starts = new Uint32Column(strings);
    this.bytes = new Uint8Array(Math.max(64, bytes));
  }

  get count(): number {
    return this.starts.length;
  }

  /** Appends `source[start, end)` as the next string; returns its index. */
  push(source: string, start = 0, end = source.length): number {
    const index = this.starts.length;
    this.starts.push(this.used);
    if (this.bytes.length - this.used < (end - start) * 3) this.grow((end - start) * 3);
    const bytes = this.bytes;
    let at = this.used;
    for (let i = start; i < end; i++) at = writeUtf8Unit(bytes, at, source.charCodeAt(i));
    if (at - this.used > this.longest) this.longest = at - this.used;
    this.used = at;
    return index;
  }

  /** Appends `length` UTF-16 code units from `units[start…]` as the next string. */
  pushUnits(units: Uint16Array, start: number, length: number): void {
    this.starts.push(this.used);
    if (this.bytes.length - this.used < length * 3) this.grow(length * 3);
    const bytes = this.bytes;
    let at = this.used;
    for (let i = start; i < start + length; i++) at = writeUtf8Unit(bytes, at, units[i] ?? 0);
    if (at - this.used > this.longest) this.longest = at - this.used;
    this.used = at;
  }

  finish(): StringTable {
    const count = this.starts.length;
    const bytes = this.bytes.slice(0, this.used);
    if (count > 0 && this.longest > 0 && this.longest * count === this.used) {
      // Every string has the longest length: no offsets needed.
      return { count, bytes, width: this.longest, starts: new Uint32Array(0), lengths: null };
    }
    if (this.longest >= 255) {
      const starts = new Uint32Array(count + 1);
      for (let i = 0; i < count; i++) starts[i] = this.starts.at(i);
      starts[count] = this.used;
      return { count, bytes, width: 0, starts, lengths: null };
    }
    const lengths = new Uint8Array(count);
    const starts = new Uint32Array((count >> BLOCK_SHIFT) + 1);
    for (let i = 0; i < count; i++) {
      const start = this.starts.at(i);
      lengths[i] = (i + 1 < count ? this.starts.at(i + 1) : this.used) - start;
      if ((i & ((1 << BLOCK_SHIFT) - 1)) === 0) starts[i >> BLOCK_SHIFT] = start;
    }
    return { count, bytes, width: 0, starts, lengths };
  }

  /**
   * Appends `source[start, end)` when no unit of it may change under NFC (see rangeValues.ts) and
   * returns true; otherwise appends nothing and returns false (the caller normalises and pushes).
   */
  pushIfNfc(source: string, start: number, end: number): boolean {
    if (this.bytes.length - this.used < (end - start) * 3) this.grow((end - start) * 3);
    const bytes = this.bytes;
    let at = this.used;
    for (let i = start; i < end; i++) {
      const c = source.charCodeAt(i);
      if (c < 0x80) {
        bytes[at++] = c;
      } else if (c < 0x300) {
        bytes[at++] = 0xc0 | (c >> 6);
        bytes[at++] = 0x80 | (c & 0x3f);
      } else if (c >= 0x1e00 && c < 0x1f00) {
        bytes[at++] = 0xe0 | (c >> 12);
        bytes[at++] = 0x80 | ((c >> 6) & 0x3f);
        bytes[at++] = 0x80 | (c & 0x3f);
      } else {
        return false;
      }
    }
    this.starts.push(this.used);
    if (at - this.used > this.longest) this.longest = at - this.used;
    this.used = at;
    return true;
  }

  private grow(atLeast: number): void {
    let length = this.bytes.length * 2;
    while (length - this.used < atLeast) length *= 2;
    const next = new Uint8Array(length);
    next.set(this.bytes.subarray(0, this.used));
    this.bytes = next;
  }
}

const CHUNK = 4096;

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
  return decodeUnits(table.bytes, start, end);
}

function decodeUnits(bytes: Uint8Array, start: number, end: number): string {
  const units: number[] = [];
  let out = '';
  let i = start;
  while (i < end) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      units.push(b);
      i++;
    } else if (b < 0xe0) {
      units.push(((b & 0x1f) << 6) | ((bytes[i + 1] ?? 0) & 0x3f));
      i += 2;
    } else {
      units.push(((b & 0x0f) << 12) | (((bytes[i + 1] ?? 0) & 0x3f) << 6) | ((bytes[i + 2] ?? 0) & 0x3f));
      i += 3;
    }
    if (units.length === CHUNK) {
      out += String.fromCharCode(...units);
      units.length = 0;
    }
  }
  return out + String.fromCharCode(...units);
}

/** A copy of `source[start, end)` that is a string of its own: never a V8 slice that keeps `source` alive. */
export function copyString(source: string, start = 0, end = source.length): string {
  if (end - start < 13) return source.slice(start, end); // V8 copies short substrings
  let out = '';
  const units: number[] = [];
  for (let i = start; i < end; i++) {
    units.push(source.charCodeAt(i));
    if (units.length === CHUNK) {
      out += String.fromCharCode(...units);
      units.length = 0;
    }
  }
  return out + String.fromCharCode(...units);
}

/** The narrowest signed code array for codes below `distinct` (with -1 for empty). */
export function narrowCodes(codes: Int32Array, distinct: number): DictionaryCodes {
  if (distinct <= 0x7f) return Int8Array.from(codes);
  if (distinct <= 0x7fff) return Int16Array.from(codes);
  return codes;
}

export class DictionaryColumnBuilder {
  private readonly index = new Map<string, number>();
  private readonly values: string[] = [];
  private readonly codes = new Int32Column();
  push(value: string): void {
    if (value === '') {
      this.codes.push(-1);
      return;
    }
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.index.set(value, code);
      this.values.push(copyString(value));
    }
    this.codes.push(code);
  }
  finish(): DictionaryColumn {
    return { values: this.values, codes: narrowCodes(this.codes.finish(), this.values.length) };
  }
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
