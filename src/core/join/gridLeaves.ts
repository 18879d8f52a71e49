import { GrowableFloat64, GrowableInt32 } from '../typed/growable.ts';
import { BOX_TEST, ENTRY_AREA, ENTRY_BREAK_COUNT, ENTRY_BREAK_START, ENTRY_EDGE_COUNT, ENTRY_EDGE_START, ENTRY_FLAGS, ENTRY_PART, PARITY, type GridEntries } from './gridEntries.ts';
import type { GridLevel } from './gridLevel.ts';
import { complementary } from './entryPairs.ts';
import { LEAF_ENTRY_HEADER, LEAF_HEADER } from './gridLookup.ts';

/** Doubles per record: the leaf cell's nominal, then widened rectangle (x0, y0, x1, y1). */
const RECORD_RECT = 8;
/** Int32 values per record: tag position in `cells`, depth, first and end entry in `lists`, fallback, state. */
const RECORD_INTS = 6;
/** Record states: the leaf is written at its first lookup; then, if busy, split after `refineAfter` more. */
const WRITE = 0;
const WRITE_THEN_SPLIT = 1;
const SPLIT = 2;

/** Builds a finer grid over a leaf's cell from its entries list[from, to); returns the grid's tag. */
export type SplitCell = (x0: number, y0: number, x1: number, y1: number, ex0: number, ey0: number, ex1: number, ey1: number, list: Int32Array, from: number, to: number, fallback: number, depth: number) => number;

/**
 * The leaves of a grid index (`data`, read by the lookup) and, per leaf, a record of its cell
 * and entries. A leaf where no point is expected is first a stub that sends its first lookup to
 * the record (many cells are never asked about, and writing a leaf costs about as much as
 * classifying its cell); the others are written at once, next to their neighbours. A leaf's
 * entries carry their crossing edges as runs of consecutive ring edges [first vertex, edges] read
 * from `coords`; a busy leaf sends its `refineAfter`-th lookup to the record, to be split.
 */
export class GridLeaves {
  readonly data: GrowableFloat64;
  /** Leaves written, the entries in them, and the pairs of entries written as one (see `write`). */
  written = 0;
  entriesWritten = 0;
  pairs = 0;
  private readonly rects: GrowableFloat64;
  private readonly ints: GrowableInt32;
  private readonly lists: GrowableInt32;

  /**
   * Sized for about `leaves` leaves, so that the pools rarely grow (a copy, and new memory to touch).
   * `coords`: the rings' vertices, as the entries' edge ids index them.
   */
  constructor(private readonly entries: GridEntries, private readonly coords: Float64Array, private readonly refineAfter: number, leaves: number) {
    this.data = new GrowableFloat64(leaves * 24);
    this.rects = new GrowableFloat64(leaves * RECORD_RECT);
    this.ints = new GrowableInt32(leaves * RECORD_INTS);
    this.lists = new GrowableInt32(leaves * 2);
  }

  /**
   * The leaf of cell (c, r) of `level`, whose entries are level.sorted[start, end): written now
   * when points are expected there, else a stub; a record is kept unless it is written and not
   * busy. Returns its tag.
   */
  add(level: GridLevel, c: number, r: number, start: number, end: number, fallback: number, depth: number, position: number, busy: boolean, now: boolean): number {
    if (now && !busy) return this.write(level.sorted, start, end, fallback, -1);
    const record = this.ints.length / RECORD_INTS;
    const R = this.rects.grow(record * RECORD_RECT + RECORD_RECT), o = record * RECORD_RECT;
    R[o] = level.cellX0(c);
    R[o + 1] = level.cellY0(r);
    R[o + 2] = level.cellX0(c + 1);
    R[o + 3] = level.cellY0(r + 1);
    R[o + 4] = level.colLo[c] as number;
    R[o + 5] = level.rowLo[r] as number;
    R[o + 6] = level.colHi[c] as number;
    R[o + 7] = level.rowHi[r] as number;
    this.rects.length = o + RECORD_RECT;
    const first = this.lists.length, E = this.lists.grow(first + end - start), sorted = level.sorted;
    for (let k = start; k < end; k++) E[first + k - start] = sorted[k] as number;
    this.lists.length = first + end - start;
    const I = this.ints.grow(record * RECORD_INTS + RECORD_INTS), i = record * RECORD_INTS;
    I[i] = position;
    I[i + 1] = depth;
    I[i + 2] = first;
    I[i + 3] = first + end - start;
    I[i + 4] = fallback;
    I[i + 5] = now ? SPLIT : busy ? WRITE_THEN_SPLIT : WRITE;
    this.ints.length = i + RECORD_INTS;
    if (now) return this.write(level.sorted, start, end, fallback, record);
    const at = this.data.length, L = this.data.grow(at + LEAF_HEADER);
    L[at] = 0;
    L[at + 1] = fallback;
    L[at + 2] = record;
    L[at + 3] = 1;
    this.data.length = at + LEAF_HEADER;
    return -2 - at * 2;
  }

  /** Position in `cells` of the tag of the record's leaf. */
  position(record: number): number {
    return this.ints.data[record * RECORD_INTS] as number;
  }

  /** The record's next step: writes its leaf (returns its tag), or has `split` build a grid over its cell. */
  next(record: number, split: SplitCell): number {
    const I = this.ints.data, i = record * RECORD_INTS, state = I[i + 5] as number;
    const depth = I[i + 1] as number, from = I[i + 2] as number, to = I[i + 3] as number, fallback = I[i + 4] as number;
    // The entries are read from this array even if `lists` grows meanwhile (it is then copied, not changed).
    const list = this.lists.data;
    if (state !== SPLIT) {
      I[i + 5] = SPLIT;
      return this.write(list, from, to, fallback, state === WRITE_THEN_SPLIT ? record : -1);
    }
    const R = this.rects.data, o = record * RECORD_RECT;
    return split(R[o] as number, R[o + 1] as number, R[o + 2] as number, R[o + 3] as number, R[o + 4] as number, R[o + 5] as number, R[o + 6] as number, R[o + 7] as number, list, from, to, fallback, depth);
  }

  /**
   * Writes a leaf: its header, then each entry with its breaks and its runs of crossing edges;
   * returns its tag. Two entries that split the cell between them (`complementary`) are
   * written as the first, with the second's area as the fallback: a point outside the first is in
   * the second, so it is tested once instead of twice.
   */
  private write(list: Int32Array, from: number, to: number, fallback: number, record: number): number {
    const F = this.entries.fields.data, B = this.entries.breaks.data, E = this.entries.edges.data;
    if (to - from === 2 && complementary(this.entries, this.coords, list[from] as number, list[from + 1] as number)) {
      fallback = F[(list[from + 1] as number) + ENTRY_AREA] as number;
      to = from + 1;
      this.pairs++;
    }
    let size = LEAF_HEADER;
    for (let k = from; k < to; k++) size += LEAF_ENTRY_HEADER + (F[(list[k] as number) + ENTRY_BREAK_COUNT] as number) + 2 * (F[(list[k] as number) + ENTRY_EDGE_COUNT] as number);
    const at = this.data.length, L = this.data.grow(at + size);
    L[at] = to - from;
    L[at + 1] = fallback;
    L[at + 2] = record;
    L[at + 3] = this.refineAfter;
    let o = at + LEAF_HEADER;
    for (let k = from; k < to; k++) {
      const e = list[k] as number;
      const nb = F[e + ENTRY_BREAK_COUNT] as number, bs = F[e + ENTRY_BREAK_START] as number;
      L[o] = F[e + ENTRY_AREA] as number;
      L[o + 1] = (F[e + ENTRY_FLAGS] as number) & (PARITY | BOX_TEST);
      L[o + 2] = F[e + ENTRY_PART] as number;
      L[o + 3] = nb;
      const runs = o + 4;
      o += LEAF_ENTRY_HEADER;
      for (let q = bs; q < bs + nb; q++) L[o++] = B[q] as number;
      // An entry's edges come in ring order (ascending ids): each gap starts a run.
      const es = F[e + ENTRY_EDGE_START] as number, ee = es + (F[e + ENTRY_EDGE_COUNT] as number);
      let count = 0;
      for (let q = es; q < ee; q++) {
        const id = E[q] as number;
        if (q > es && id === (E[q - 1] as number) + 1) {
          L[o - 1] = (L[o - 1] as number) + 1;
          continue;
        }
        L[o] = id;
        L[o + 1] = 1;
        o += 2;
        count++;
      }
      L[runs] = count;
    }
    this.data.length = o;
    this.written++;
    this.entriesWritten += to - from;
    return -2 - at * 2;
  }
}
