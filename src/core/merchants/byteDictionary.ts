import { decodeUtf8 } from '../text/utf8.ts';
import { bytesMayChangeUnderNfc, hashBytes } from './byteValues.ts';
import { GrowableInt32 } from '../typed/growable.ts';
import { narrowCodes, type DictionaryColumn } from './columns.ts';
import { StringTableBuilder } from './stringTable.ts';

const SLOT = 4; // per slot: hash, code + 1 (0: empty), start in `pool`, byte length
const encoder = new TextEncoder();

/**
 * Distinct cell values, looked up by their UTF-8 bytes with no string made: the bytes' hash picks
 * a slot in a flat Int32Array and the bytes are compared in place with the pool. Cells that NFC
 * may change (told by the hash's sign) are normalised once per distinct spelling, which is stored
 * as a key of its own pointing at the code of its NFC form; so "Phở" typed composed or decomposed
 * has one code. Codes count the distinct NFC values from 0, in order of first appearance.
 */
export class ByteDictionary {
  private slots: Int32Array;
  private pool = new Uint8Array(1 << 16);
  private used = 0;
  private readonly valueStart = new GrowableInt32(1024);
  private readonly valueLength = new GrowableInt32(1024);
  private keys = 0;

  /** `expected`: distinct values to make room for (the table grows past it). */
  constructor(expected = 256) {
    let slots = 1024;
    while (slots * 3 < expected * 4) slots *= 2;
    this.slots = new Int32Array(SLOT * slots);
  }

  /** Distinct values so far. */
  get size(): number {
    return this.valueStart.length;
  }

  /** The code of the non-empty range's value, added when new. */
  code(bytes: Uint8Array, start: number, end: number): number {
    const hash = hashBytes(bytes, start, end);
    const slots = this.slots;
    const pool = this.pool;
    const mask = slots.length / SLOT - 1;
    const length = end - start;
    let slot = hash & mask;
    for (;;) {
      const at = slot * SLOT;
      const code = (slots[at + 1] as number) - 1;
      if (code < 0) break;
      if (slots[at] === hash && slots[at + 3] === length) {
        const from = (slots[at + 2] as number) - start;
        let i = start;
        while (i < end && pool[from + i] === bytes[i]) i++;
        if (i === end) return code;
      }
      slot = (slot + 1) & mask;
    }
    return this.add(slot, bytes, start, end, hash);
  }

  /** The value of a code as a string. */
  value(code: number): string {
    const start = (this.valueStart.data[code] as number);
    return decodeUtf8(this.pool, start, start + (this.valueLength.data[code] as number));
  }

  /** The values in code order, as a `StringTable` (for columns of many distinct values). */
  table(): StringTableBuilder {
    const count = this.size;
    let bytes = 0;
    for (let code = 0; code < count; code++) bytes += (this.valueLength.data[code] as number);
    const table = new StringTableBuilder(count, bytes);
    for (let code = 0; code < count; code++) {
      const start = (this.valueStart.data[code] as number);
      table.pushBytes(this.pool, start, start + (this.valueLength.data[code] as number));
    }
    return table;
  }

  /** The values in code order, as strings (for columns of few distinct values). */
  values(): string[] {
    return Array.from({ length: this.size }, (_, code) => this.value(code));
  }

  private add(slot: number, bytes: Uint8Array, start: number, end: number, hash: number): number {
    let code: number;
    if (hash >= 0) {
      code = this.size;
      this.store(slot, bytes, start, end, hash, code);
      this.valueStart.push(this.used - (end - start));
      this.valueLength.push(end - start);
    } else {
      const raw = decodeUtf8(bytes, start, end);
      const value = raw.normalize('NFC');
      if (value === raw) {
        code = this.size;
        this.store(slot, bytes, start, end, hash, code);
        this.valueStart.push(this.used - (end - start));
        this.valueLength.push(end - start);
      } else {
        const normalised = encoder.encode(value);
        code = this.code(normalised, 0, normalised.length);
        // The slot may have moved if the table grew: find the free one again.
        this.store(this.freeSlot(hash), bytes, start, end, hash, code);
      }
    }
    return code;
  }

  private freeSlot(hash: number): number {
    const mask = this.slots.length / SLOT - 1;
    let slot = hash & mask;
    while ((this.slots[slot * SLOT + 1] as number) !== 0) slot = (slot + 1) & mask;
    return slot;
  }

  /** Keeps the bytes in the pool and points the slot at them. */
  private store(slot: number, bytes: Uint8Array, start: number, end: number, hash: number, code: number): void {
    const length = end - start;
    if (this.pool.length - this.used < length) {
      let size = this.pool.length * 2;
      while (size - this.used < length) size *= 2;
      const next = new Uint8Array(size);
      next.set(this.pool.subarray(0, this.used));
      this.pool = next;
    }
    const pool = this.pool;
    let to = this.used;
    for (let i = start; i < end; i++) pool[to++] = bytes[i] as number;
    const at = slot * SLOT;
    this.slots[at] = hash;
    this.slots[at + 1] = code + 1;
    this.slots[at + 2] = this.used;
    this.slots[at + 3] = length;
    this.used = to;
    if (++this.keys * 4 > (this.slots.length / SLOT) * 3) this.rehash(); // at most 3/4 full
  }

  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length / SLOT - 1;
    for (let at = 0; at < old.length; at += SLOT) {
      if ((old[at + 1] as number) === 0) continue;
      let slot = (old[at] as number) & mask;
      while ((slots[slot * SLOT + 1] as number) !== 0) slot = (slot + 1) & mask;
      slots.set(old.subarray(at, at + SLOT), slot * SLOT);
    }
    this.slots = slots;
  }
}

/** A dictionary column of one code per row (-1 for an empty cell). */
export class ByteDictionaryColumn {
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
    return { values: this.dictionary.values(), codes: narrowCodes(this.codes.toArray(), this.dictionary.size) };
  }

  /** The column with its values in a `StringTable` (many distinct values: names). */
  finishTable(): DictionaryColumn {
    return { values: [], codes: narrowCodes(this.codes.toArray(), this.dictionary.size), table: this.dictionary.table().finish() };
  }
}

/**
 * One string per row in a `StringTable`, not deduplicated (for ids, which are distinct): the
 * column has no codes, row r holds the table's string r.
 */
export class RowBytesColumn {
  private readonly table: StringTableBuilder;

  /** `rows`: the expected row count. */
  constructor(rows = 1024) {
    this.table = new StringTableBuilder(rows, rows * 12);
  }

  /** Appends the row's value: `bytes[start, end)`, already trimmed ('' allowed). */
  push(bytes: Uint8Array, start: number, end: number): void {
    if (bytesMayChangeUnderNfc(bytes, start, end)) this.table.push(decodeUtf8(bytes, start, end).normalize('NFC'));
    else this.table.pushBytes(bytes, start, end);
  }

  finish(): DictionaryColumn {
    return { values: [], codes: new Int32Array(0), table: this.table.finish() };
  }
}
