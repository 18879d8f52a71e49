import { GrowableFloat64, GrowableInt32 } from '../typed/growable.ts';

/** Int32 fields per entry in `GridEntries.fields`; an entry is addressed by the offset of its first field. */
export const ENTRY_STRIDE = 8;
export const ENTRY_PART = 0;
export const ENTRY_AREA = 1;
export const ENTRY_FLAGS = 2;
export const ENTRY_BREAK_START = 3;
export const ENTRY_BREAK_COUNT = 4;
export const ENTRY_EDGE_START = 5;
export const ENTRY_EDGE_COUNT = 6;

/** Flag: the part's parity for every point of the cell, before its breaks and crossing edges. */
export const PARITY = 1;
/** Flag: the part's box does not hold the whole cell, so a point must be tested against it. */
export const BOX_TEST = 2;

/**
 * A polygon part as seen from one cell (an "entry"): its constant parity there, its breaks (y
 * values where the parity flips for points at or above them) and the edges that cross the cell,
 * in pools of typed arrays so an index of a million cells allocates a handful of arrays.
 */
export class GridEntries {
  readonly fields: GrowableInt32;
  readonly breaks: GrowableFloat64;
  /** Edge ids: the index in `coords` (in vertices) of the edge's first end; the second end follows it. */
  readonly edges: GrowableInt32;

  constructor(entryCapacity: number, edgeCapacity: number) {
    this.fields = new GrowableInt32(entryCapacity * ENTRY_STRIDE);
    this.breaks = new GrowableFloat64(Math.max(64, entryCapacity >> 1));
    this.edges = new GrowableInt32(edgeCapacity);
  }

  /** Starts an entry whose breaks and edges are the ones pushed until `close`; returns its offset. */
  open(part: number, area: number, flags: number): number {
    const at = this.fields.length;
    const f = this.fields.grow(at + ENTRY_STRIDE);
    f[at + ENTRY_PART] = part;
    f[at + ENTRY_AREA] = area;
    f[at + ENTRY_FLAGS] = flags;
    f[at + ENTRY_BREAK_START] = this.breaks.length;
    f[at + ENTRY_BREAK_COUNT] = 0;
    f[at + ENTRY_EDGE_START] = this.edges.length;
    f[at + ENTRY_EDGE_COUNT] = 0;
    this.fields.length = at + ENTRY_STRIDE;
    return at;
  }

  close(at: number): void {
    const f = this.fields.data;
    f[at + ENTRY_BREAK_COUNT] = this.breaks.length - (f[at + ENTRY_BREAK_START] as number);
    f[at + ENTRY_EDGE_COUNT] = this.edges.length - (f[at + ENTRY_EDGE_START] as number);
  }

  /** Tests a point in the cell would run for this entry: 1 + breaks + crossing edges. */
  work(at: number): number {
    const f = this.fields.data;
    return 1 + (f[at + ENTRY_BREAK_COUNT] as number) + (f[at + ENTRY_EDGE_COUNT] as number);
  }
}
