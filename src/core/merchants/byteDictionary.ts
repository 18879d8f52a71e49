import { decodeUtf8 } from '../text/utf8.ts';
import { bytesMayChangeUnderNfc, hashBytes } from './byteValues.ts';
import { GrowableInt32 } from '../typed/growable.ts';
import { narrowCodes, type DictionaryColumn } from './columns.ts';
import { StringTableBuilder } from './stringTable.ts';

const SLOT = 2; // per slot: hash, key + 1 (0: empty), the key being its record's offset in `pool`
const KEY_HEADER = 8; // a key's record: code and byte length (two int32), then its bytes
const MEMO_BITS = 12;
/** Dictionaries expecting more values than this (names) have no memo: it would mostly miss. */
const MEMO_MAX_EXPECTED = 4096;
const encoder = new TextEncoder();

/**
 * Distinct cell values, looked up by their UTF-8 bytes with no string made: the bytes' hash picks
 * a slot in a flat Int32Array (hash and key, 8 bytes, so the table stays small and a lookup's
 * first read is more often in cache) and the bytes are compared in place with the key's record in
 * the pool, which holds its code and length beside its bytes: a found key costs two reads of
 * memory. Cells that NFC may change (told by the hash's sign) are normalised once per distinct
 * spelling, which is stored as a key of its own with the code of its NFC form; so "Phở" typed
 * composed or decomposed has one code. Codes count the distinct NFC values from 0, in order of
 * first appearance.
 *
 * A dictionary of few values (categories, ward codes, providers) also keeps a memo: a small table
 * indexed by the cell's length and a few of its bytes, holding the key last found there. A cell
 * equal to its memo's key is answered by comparing their bytes, with no hash: most cells of such a
 * column repeat a value seen a moment ago.
 */
export class ByteDictionary {
  private slots: Int32Array;
  /** Key records, each at an offset that is a multiple of 4; `poolInts` views the same bytes. */
  private pool: Uint8Array;
  private poolInts: Int32Array;
  private used = 0;
  /** Per code, the offset of its NFC key's bytes in `pool`. */
  private readonly valueStart = new GrowableInt32(1024);
  private keys = 0;
  /** Per entry, the key last found there: the offset of its bytes, its length (0: none) and its code; null without a memo. */
  private readonly memo: Int32Array | null;

  /** `expected`: distinct values to make room for (the table grows past it). */
  constructor(expected = 256) {
    let slots = 1024;
    while (slots * 3 < expected * 4) slots *= 2;
    this.slots = new Int32Array(SLOT * slots);
    // Room for the expected values at about 48 bytes each (a record's header and a name).
    this.pool = new Uint8Array(Math.max(1 << 16, expected * 48));
    this.poolInts = new Int32Array(this.pool.buffer);
    this.memo = expected <= MEMO_MAX_EXPECTED ? new Int32Array(3 << MEMO_BITS) : null;
  }

  /** Distinct values so far. */
  get size(): number {
    return this.valueStart.length;
  }

  /** The code of the non-empty range's value, added when new. */
  code(bytes: Uint8Array, start: number, end: number): number {
    const memo = this.memo;
    if (memo === null) {
      const key = this.find(bytes, start, end); // first: it may replace `poolInts`
      return this.poolInts[key >> 2] as number;
    }
    const length = end - start;
    const at = memoIndex(bytes, start, end) * 3;
    if (memo[at + 1] === length) {
      const pool = this.pool;
      const from = (memo[at] as number) - start;
      let i = start;
      while (i < end && pool[from + i] === bytes[i]) i++;
      if (i === end) return memo[at + 2] as number;
    }
    const key = this.find(bytes, start, end);
    const code = this.poolInts[key >> 2] as number;
    memo[at] = key + KEY_HEADER;
    memo[at + 1] = length;
    memo[at + 2] = code;
    return code;
  }

  /** The key of the range's value (its record's offset in `pool`), added when new. */
  private find(bytes: Uint8Array, start: number, end: number): number {
    const hash = hashBytes(bytes, start, end);
    const slots = this.slots;
    const pool = this.pool;
    const ints = this.poolInts;
    const mask = slots.length / SLOT - 1;
    const length = end - start;
    let slot = hash & mask;
    for (;;) {
      const key = (slots[slot * SLOT + 1] as number) - 1;
      if (key < 0) break;
      if (slots[slot * SLOT] === hash && ints[(key >> 2) + 1] === length) {
        const from = key + KEY_HEADER - start;
        let i = start;
        while (i < end && pool[from + i] === bytes[i]) i++;
        if (i === end) return key;
      }
      slot = (slot + 1) & mask;
    }
    return this.add(slot, bytes, start, end, hash);
  }

  /** The value of a code as a string. */
  value(code: number): string {
    const start = this.valueStart.data[code] as number;
    return decodeUtf8(this.pool, start, start + this.lengthAt(start));
  }

  /** The values in code order, as a `StringTable` (for columns of many distinct values). */
  table(): StringTableBuilder {
    const count = this.size;
    const starts = this.valueStart.data;
    let bytes = 0;
    for (let code = 0; code < count; code++) bytes += this.lengthAt(starts[code] as number);
    const table = new StringTableBuilder(count, bytes);
    for (let code = 0; code < count; code++) {
      const start = starts[code] as number;
      table.pushBytes(this.pool, start, start + this.lengthAt(start));
    }
    return table;
  }

  /** The values in code order, as strings (for columns of few distinct values). */
  values(): string[] {
    return Array.from({ length: this.size }, (_, code) => this.value(code));
  }

  /** The byte length of the key whose bytes start at `start` in the pool (from its record's header). */
  private lengthAt(start: number): number {
    return this.poolInts[(start - KEY_HEADER + 4) >> 2] as number;
  }

  /** Adds the key in the free `slot`; returns it. */
  private add(slot: number, bytes: Uint8Array, start: number, end: number, hash: number): number {
    if (hash < 0) {
      const raw = decodeUtf8(bytes, start, end);
      const value = raw.normalize('NFC');
      if (value !== raw) {
        // Another spelling: a key of its own, with the code of its NFC form.
        const normalised = encoder.encode(value);
        const found = this.find(normalised, 0, normalised.length);
        const code = this.poolInts[found >> 2] as number;
        // The slot may have moved if the table grew: find the free one again.
        return this.store(this.freeSlot(hash), bytes, start, end, hash, code);
      }
    }
    const key = this.store(slot, bytes, start, end, hash, this.size);
    this.valueStart.push(key + KEY_HEADER);
    return key;
  }

  private freeSlot(hash: number): number {
    const mask = this.slots.length / SLOT - 1;
    let slot = hash & mask;
    while ((this.slots[slot * SLOT + 1] as number) !== 0) slot = (slot + 1) & mask;
    return slot;
  }

  /** Writes the key's record (code, length, bytes) in the pool and points the slot at it; returns the key. */
  private store(slot: number, bytes: Uint8Array, start: number, end: number, hash: number, code: number): number {
    const length = end - start;
    const key = (this.used + 3) & ~3;
    if (this.pool.length - key < KEY_HEADER + length) {
      let size = this.pool.length * 2;
      while (size - key < KEY_HEADER + length) size *= 2;
      const next = new Uint8Array(size);
      next.set(this.pool.subarray(0, this.used));
      this.pool = next;
      this.poolInts = new Int32Array(next.buffer);
    }
    this.poolInts[key >> 2] = code;
    this.poolInts[(key >> 2) + 1] = length;
    const pool = this.pool;
    let to = key + KEY_HEADER;
    for (let i = start; i < end; i++) pool[to++] = bytes[i] as number;
    this.used = to;
    this.slots[slot * SLOT] = hash;
    this.slots[slot * SLOT + 1] = key + 1;
    if (++this.keys * 4 > (this.slots.length / SLOT) * 3) this.rehash(); // at most 3/4 full
    return key;
  }

  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length / SLOT - 1;
    for (let at = 0; at < old.length; at += SLOT) {
      if ((old[at + 1] as number) === 0) continue;
      let slot = (old[at] as number) & mask;
      while ((slots[slot * SLOT + 1] as number) !== 0) slot = (slot + 1) & mask;
      slots[slot * SLOT] = old[at] as number;
      slots[slot * SLOT + 1] = old[at + 1] as number;
    }
    this.slots = slots;
  }
}

/** Where a key of `length` bytes is memoised: its length and its first, middle and last two bytes, mixed. */
function memoIndex(bytes: Uint8Array, start: number, end: number): number {
  const key = (end - start) ^ ((bytes[start] as number) << 8) ^ ((bytes[(start + end) >> 1] as number) << 16) ^ ((bytes[end - 1] as number) << 24) ^ ((bytes[Math.max(start, end - 2)] as number) << 4);
  return Math.imul(key, 0x9e3779b1) >>> (32 - MEMO_BITS);
}

/** A column of names: one code per row, the values in a `StringTable` (`ByteDictionaryColumn`, or `ParseMemory` where WebAssembly runs). */
export interface NameColumn {
  push(bytes: Uint8Array, start: number, end: number): void;
  pushEmpty(): void;
  finishTable(): DictionaryColumn;
}

/** A dictionary column of one code per row (-1 for an empty cell). */
export class ByteDictionaryColumn implements NameColumn {
  private readonly dictionary: ByteDictionary;
  private readonly codes: GrowableInt32;

  /** `rows`: the expected row count; `distinct`: the expected distinct values. */
  constructor(rows = 1024, distinct = 256) {
    this.codes = new GrowableInt32(rows);
    this.dictionary = new ByteDictionary(distinct);
  }

  /** Appends the row's value: `bytes[start, end)`, already trimmed; empty gives code -1. */
  push(bytes: Uint8Array, start: number, end: number): void {
    this.codes.push(start === end ? -1 : this.dictionary.code(bytes, start, end));
  }

  pushEmpty(): void {
    this.codes.push(-1);
  }

  /** The column with its values as strings (few distinct values: codes, providers). */
  finishValues(): DictionaryColumn {
    return { values: this.dictionary.values(), codes: narrowCodes(this.codes.finish(), this.dictionary.size) };
  }

  /** The column with its values in a `StringTable` (many distinct values: names). */
  finishTable(): DictionaryColumn {
    return { values: [], codes: narrowCodes(this.codes.finish(), this.dictionary.size), table: this.dictionary.table().finish() };
  }
}

/**
 * One string per row in a `StringTable`, not deduplicated (for ids, which are distinct): the
 * column has no codes, row r holds the table's string r.
 */
export class RowBytesColumn {
  private table: StringTableBuilder | null = null;

  /** `rows`: the expected row count. */
  constructor(private readonly rows = 1024) {}

  /** Appends the row's value: `bytes[start, end)`, already trimmed ('' allowed). */
  push(bytes: Uint8Array, start: number, end: number): void {
    // Sized from the first value (ids tend to have one length), so the bytes need neither growing nor trimming.
    const table = (this.table ??= new StringTableBuilder(this.rows, Math.ceil(this.rows * (end - start + 0.5))));
    if (bytesMayChangeUnderNfc(bytes, start, end)) table.push(decodeUtf8(bytes, start, end).normalize('NFC'));
    else table.pushBytes(bytes, start, end);
  }

  finish(): DictionaryColumn {
    return { values: [], codes: new Int32Array(0), table: (this.table ?? new StringTableBuilder(0, 0)).finish() };
  }
}
