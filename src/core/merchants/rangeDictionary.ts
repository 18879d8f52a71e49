import { copyString, Int32Column, narrowCodes, StringTableBuilder, type DictionaryColumn } from './columns.ts';
import { hashRange, rangeMayChangeUnderNfc } from './rangeValues.ts';

/**
 * Builds a dictionary column from trimmed ranges. The lookup key is the raw cell text (a substring
 * that V8 hashes and compares natively, then drops), so NFC normalisation and the copy of the value
 * run once per distinct raw text. For columns of few distinct values (codes, providers); no stored
 * value is a slice of the source text.
 */
export class RangeDictionaryBuilder {
  private readonly map = new Map<string, number>();
  private readonly codes: Int32Column;
  private readonly values: string[] = [];

  /** `rows`: the expected row count. */
  constructor(rows = 1024) {
    this.codes = new Int32Column(rows);
  }

  /** Appends the row's value: `source[start, end)`, already trimmed; empty gives code -1. */
  push(source: string, start: number, end: number): void {
    if (start === end) {
      this.codes.push(-1);
      return;
    }
    const raw = source.slice(start, end);
    const code = this.map.get(raw);
    this.codes.push(code !== undefined ? code : this.add(raw));
  }

  /** Appends an empty value. */
  pushEmpty(): void {
    this.codes.push(-1);
  }

  private add(raw: string): number {
    if (!rangeMayChangeUnderNfc(raw, 0, raw.length)) {
      // Already NFC: the raw text is the value, and no other raw text maps to it yet
      // (a normalised value is always added as a key of its own, below).
      const code = this.store(raw);
      this.map.set(raw, code);
      return code;
    }
    const value = raw.normalize('NFC');
    let code = this.map.get(value);
    if (code === undefined) {
      code = this.store(value);
      this.map.set(value, code);
    }
    this.map.set(raw, code);
    return code;
  }

  private store(value: string): number {
    this.values.push(copyString(value));
    return this.values.length - 1;
  }

  finish(): DictionaryColumn {
    return { values: this.values, codes: narrowCodes(this.codes.finish(), this.values.length) };
  }
}

/**
 * One string per row in a `StringTable`, not deduplicated (for ids, which are distinct): the
 * column has no codes, row r holds the table's string r.
 */
export class RowStringsBuilder {
  private readonly table: StringTableBuilder;

  /** `rows`: the expected row count. */
  constructor(rows = 1024) {
    this.table = new StringTableBuilder(rows, rows * 12);
  }

  /** Appends the row's value: `source[start, end)`, already trimmed ('' allowed). */
  push(source: string, start: number, end: number): void {
    if (!this.table.pushIfNfc(source, start, end)) this.table.push(source.slice(start, end).normalize('NFC'));
  }

  finish(): DictionaryColumn {
    return { values: [], codes: new Int32Array(0), table: this.table.finish() };
  }
}

const SLOT = 4; // per slot: hash, code + 1 (0: empty), start in `units`, length

/**
 * A dictionary column of many distinct values (names) kept in a `StringTable`. A cell already in NFC
 * (the usual case, told by `hashRange`) is looked up without any string: its hash picks a slot in a
 * flat Int32Array, and its code units are compared in place with the value's units, kept as UTF-16
 * while building (and written to the table's bytes at the end). Other cells go through a `Map`
 * keyed by the raw text, normalised once per distinct raw text.
 */
export class TableDictionaryBuilder {
  private slots: Int32Array;
  private readonly codes: Int32Column;
  private units = new Uint16Array(1 << 16);
  private used = 0;
  private count = 0;
  private readonly unnormalised = new Map<string, number>();

  /** `rows`: the expected row count (the hash table starts with room for a quarter as many values). */
  constructor(rows = 1024) {
    this.codes = new Int32Column(rows);
    let slots = 1024;
    while (slots < rows / 2) slots *= 2;
    this.slots = new Int32Array(SLOT * slots);
  }

  /** Appends the row's value: `source[start, end)`, already trimmed; empty gives code -1. */
  push(source: string, start: number, end: number): void {
    if (start === end) {
      this.codes.push(-1);
      return;
    }
    const hash = hashRange(source, start, end);
    this.codes.push(hash < 0 ? this.pushUnnormalised(source.slice(start, end)) : this.lookup(source, start, end, hash));
  }

  /** The code of an NFC range, added when new. */
  private lookup(source: string, start: number, end: number, hash: number): number {
    const slots = this.slots;
    const units = this.units;
    const mask = slots.length / SLOT - 1;
    const length = end - start;
    let slot = hash & mask;
    for (;;) {
      const at = slot * SLOT;
      const code = (slots[at + 1] ?? 0) - 1;
      if (code < 0) break;
      if (slots[at] === hash && slots[at + 3] === length) {
        const from = (slots[at + 2] ?? 0) - start;
        let i = start;
        while (i < end && units[from + i] === source.charCodeAt(i)) i++;
        if (i === end) return code;
      }
      slot = (slot + 1) & mask;
    }
    return this.add(slot, source, start, end, hash);
  }

  private add(slot: number, source: string, start: number, end: number, hash: number): number {
    const length = end - start;
    if (this.units.length - this.used < length) {
      let size = this.units.length * 2;
      while (size - this.used < length) size *= 2;
      const next = new Uint16Array(size);
      next.set(this.units.subarray(0, this.used));
      this.units = next;
    }
    const units = this.units;
    const from = this.used - start;
    for (let i = start; i < end; i++) units[from + i] = source.charCodeAt(i);
    const code = this.count++;
    const at = slot * SLOT;
    this.slots[at] = hash;
    this.slots[at + 1] = code + 1;
    this.slots[at + 2] = this.used;
    this.slots[at + 3] = length;
    this.used += length;
    if (this.count * 2 > this.slots.length / SLOT) this.rehash();
    return code;
  }

  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length / SLOT - 1;
    for (let at = 0; at < old.length; at += SLOT) {
      if ((old[at + 1] ?? 0) === 0) continue;
      let slot = (old[at] ?? 0) & mask;
      while ((slots[slot * SLOT + 1] ?? 0) !== 0) slot = (slot + 1) & mask;
      slots.set(old.subarray(at, at + SLOT), slot * SLOT);
    }
    this.slots = slots;
  }

  private pushUnnormalised(raw: string): number {
    let code = this.unnormalised.get(raw);
    if (code === undefined) {
      const value = raw.normalize('NFC');
      code = this.lookup(value, 0, value.length, hashRange(value, 0, value.length) & 0x7fffffff);
      this.unnormalised.set(raw, code);
    }
    return code;
  }

  finish(): DictionaryColumn {
    // Values in code order: each slot knows where its units are.
    const starts = new Int32Array(this.count);
    const lengths = new Int32Array(this.count);
    const slots = this.slots;
    for (let at = 0; at < slots.length; at += SLOT) {
      const code = (slots[at + 1] ?? 0) - 1;
      if (code < 0) continue;
      starts[code] = slots[at + 2] ?? 0;
      lengths[code] = slots[at + 3] ?? 0;
    }
    const table = new StringTableBuilder(this.count, this.used * 2);
    for (let code = 0; code < this.count; code++) table.pushUnits(this.units, starts[code] ?? 0, lengths[code] ?? 0);
    return { values: [], codes: narrowCodes(this.codes.finish(), this.count), table: table.finish() };
  }
}
