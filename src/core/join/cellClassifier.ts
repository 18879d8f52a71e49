import { countInto, countsToEnds, takeSlot } from '../typed/buckets.ts';
import { cellIndex, EdgeRows } from './edgeRows.ts';
import { GrowableFloat64, GrowableInt32 } from '../typed/growable.ts';
import { BOX_TEST, ENTRY_AREA, ENTRY_BREAK_COUNT, ENTRY_BREAK_START, ENTRY_EDGE_COUNT, ENTRY_EDGE_START, ENTRY_FLAGS, ENTRY_PART, PARITY, type GridEntries } from './gridEntries.ts';
import type { GridLevel } from './gridLevel.ts';

/**
 * Classifies polygon parts against the cells of a grid (see the proof sketch in `areaGrid.ts`):
 * for each cell, the lowest area whose part holds all of it goes to `level.full`, and every part
 * that may hold some but not all of its points becomes a new entry of the cell (its parity, breaks
 * and crossing edges there), listed in `level.sorted` from `level.cellStart`, lowest area first.
 *
 * Each loop sits in a method of its own whose body runs whole from the first iteration: V8
 * optimises a long-running loop in place (OSR) and reuses that code on later calls, so code after
 * the loop that had not run yet would throw it back to the interpreter on every call.
 *
 * Per entry and row, `EdgeRows` sorts the entry's edges by row, then by column; the sweep below
 * turns them into each cell's parity, breaks and crossing edges.
 */
export class CellClassifier {
  private readonly outCell: GrowableInt32;
  private readonly outEntry: GrowableInt32;
  // The entry being placed, its part's box, and the cells it may reach (columns cA..cB, rows rA..rB).
  private part = 0;
  private area = 0;
  // NaN until set: see GridLevel.
  private bx0 = NaN;
  private by0 = NaN;
  private bx1 = NaN;
  private by1 = NaN;
  private cA = 0;
  private cB = 0;
  /** Breaks open in the current cell of the row sweep, in `open`. */
  private openCount = 0;
  private readonly open = new GrowableFloat64();
  private readonly edges: EdgeRows;

  /** `coords`: all rings' vertices [x, y, …], each ring followed by a copy of its first vertex. */
  constructor(private readonly coords: Float64Array, private readonly partBox: Float64Array, private readonly entries: GridEntries) {
    this.edges = new EdgeRows(coords, entries);
    // The top grid places tens of entries per part.
    this.outCell = new GrowableInt32((partBox.length >> 2) * 32 + 1024);
    this.outEntry = new GrowableInt32((partBox.length >> 2) * 32 + 1024);
  }

  /** Classifies the entries list[from, to), lowest area first, over the cells laid out in `level`. */
  classify(level: GridLevel, list: Int32Array, from: number, to: number): void {
    this.outCell.length = 0;
    this.outEntry.length = 0;
    this.placeAll(level, list, from, to);
    // The new entries by cell, keeping their order (lowest area first).
    const cells = level.nx * level.ny, placed = this.outCell.length;
    level.reserve(cells, placed);
    const starts = level.cellStart.fill(0, 0, cells + 1);
    countAll(starts, this.outCell.data, placed);
    countsToEnds(starts, cells);
    fillBuckets(level.sorted, starts, this.outCell.data, this.outEntry.data, placed);
  }

  private placeAll(level: GridLevel, list: Int32Array, from: number, to: number): void {
    for (let i = from; i < to; i++) this.place(list[i] as number, level);
  }

  /** Places one entry in the cells of a grid: constant cells into `full`, the others as new entries. */
  private place(entry: number, level: GridLevel): void {
    const fields = this.entries.fields.data, box = this.partBox;
    const part = (this.part = fields[entry + ENTRY_PART] as number);
    this.area = fields[entry + ENTRY_AREA] as number;
    const bx0 = (this.bx0 = box[part * 4] as number), by0 = (this.by0 = box[part * 4 + 1] as number);
    const bx1 = (this.bx1 = box[part * 4 + 2] as number), by1 = (this.by1 = box[part * 4 + 3] as number);
    // Cells overlapping the part's box (the others never ask about this part).
    const { x0, y0, invW, invH, nx, ny, colLo, colHi, rowLo, rowHi } = level;
    let cA = cellIndex((bx0 - x0) * invW - 1, 0, nx - 1), cB = cellIndex((bx1 - x0) * invW + 1, 0, nx - 1);
    while (cA <= cB && (colHi[cA] as number) < bx0) cA++;
    while (cB >= cA && (colLo[cB] as number) > bx1) cB--;
    let rA = cellIndex((by0 - y0) * invH - 1, 0, ny - 1), rB = cellIndex((by1 - y0) * invH + 1, 0, ny - 1);
    while (rA <= rB && (rowHi[rA] as number) < by0) rA++;
    while (rB >= rA && (rowLo[rB] as number) > by1) rB--;
    if (cA > cB || rA > rB) return;
    this.cA = this.edges.cA = cA;
    this.cB = this.edges.cB = cB;
    this.edges.rA = rA;
    this.edges.rB = rB;
    const edgeStart = fields[entry + ENTRY_EDGE_START] as number;
    this.edges.byRow(level, edgeStart, edgeStart + (fields[entry + ENTRY_EDGE_COUNT] as number));
    this.placeRows(level, rA, rB, (fields[entry + ENTRY_FLAGS] as number) & PARITY, fields[entry + ENTRY_BREAK_START] as number, fields[entry + ENTRY_BREAK_COUNT] as number);
  }

  private placeRows(level: GridLevel, rA: number, rB: number, parity: number, breakStart: number, breakCount: number): void {
    const rowStart = this.edges.rowStart.data;
    for (let r = rA; r <= rB; r++) {
      const rowParity = this.inheritedParity(level, r, parity, breakStart, breakCount);
      // No edge and no break in the row (common in a fine grid): every cell has the row's parity.
      if (rowStart[r - rA] === rowStart[r - rA + 1] && this.openCount === 0) {
        if (rowParity !== 0) this.insideRun(level, r, this.cA, this.cB);
        continue;
      }
      this.edges.sortRow(level, r);
      this.sweepRow(level, r, rowParity);
    }
  }

  /**
   * Starts row r's strip with the entry's own breaks: [point y >= v] is a constant 1 below the
   * strip (flips the parity, returned), 0 above it, else a break that stays open.
   */
  private inheritedParity(level: GridLevel, r: number, parity: number, breakStart: number, breakCount: number): number {
    const sLo = level.rowLo[r] as number, sHi = level.rowHi[r] as number, breaks = this.entries.breaks.data;
    const open = this.open.grow(breakCount);
    let count = 0;
    for (let q = breakStart; q < breakStart + breakCount; q++) {
      const v = breaks[q] as number;
      if (v < sLo) parity ^= 1;
      else if (v <= sHi) count = toggle(open, count, v);
    }
    this.openCount = count;
    return parity;
  }

  /**
   * Sweeps row r from the right: an edge right of a cell is right of every cell to its left, and
   * counts for a point exactly when [y >= lower end] xor [y >= upper end], each end handled as
   * the inherited breaks were. A cell left with no crossing edge and no break is constant, and so
   * are its neighbours up to the next column with an event or a crossing edge: handled as a run.
   */
  private sweepRow(level: GridLevel, r: number, parity: number): void {
    const cA = this.cA, eventStart = this.edges.eventStart.data, crossStart = this.edges.crossStart.data;
    this.open.length = this.openCount;
    this.open.grow(this.openCount + 2 * (eventStart[this.cB - cA + 1] as number));
    let c = this.cB;
    while (c >= cA) {
      const at = c - cA;
      if (eventStart[at] !== eventStart[at + 1]) parity = this.applyEvents(level, r, at, parity);
      if (crossStart[at] !== crossStart[at + 1] || this.openCount !== 0) {
        this.addEntry(level, r, c, parity);
        c--;
        continue;
      }
      let left = c;
      while (left > cA && eventStart[left - 1 - cA] === eventStart[left - cA] && crossStart[left - 1 - cA] === crossStart[left - cA]) left--;
      if (parity !== 0) this.insideRun(level, r, left, c);
      c = left - 1;
    }
  }

  /** Both ends of the edges whose last column right of the cell is this one; returns the parity. */
  private applyEvents(level: GridLevel, r: number, at: number, parity: number): number {
    const coords = this.coords, events = this.edges.events.data, open = this.open.data;
    const sLo = level.rowLo[r] as number, sHi = level.rowHi[r] as number;
    let count = this.openCount;
    for (let q = this.edges.eventStart.data[at] as number, qe = this.edges.eventStart.data[at + 1] as number; q < qe; q++) {
      const e = (events[q] as number) * 2;
      for (let end = 1; end <= 3; end += 2) {
        const v = coords[e + end] as number;
        if (v < sLo) parity ^= 1;
        else if (v <= sHi) count = toggle(open, count, v);
      }
    }
    this.openCount = count;
    return parity;
  }

  /** Cells (from..to, r), where the part holds every point its box holds: the cell's answer when the box holds the whole cell, else an entry. */
  private insideRun(level: GridLevel, r: number, from: number, to: number): void {
    const full = level.full, area = this.area;
    for (let c = from; c <= to; c++) {
      if (!this.covers(level, r, c)) {
        this.addEntry(level, r, c, 1);
        continue;
      }
      const cell = r * level.nx + c, current = full[cell] as number;
      if (current === -1 || area < current) full[cell] = area;
    }
  }

  /** The part's box holds the whole (widened) cell, so its points need no box test. */
  private covers(level: GridLevel, r: number, c: number): boolean {
    return this.bx0 <= (level.colLo[c] as number) && this.by0 <= (level.rowLo[r] as number) && this.bx1 >= (level.colHi[c] as number) && this.by1 >= (level.rowHi[r] as number);
  }

  /** A new entry for cell (c, r): the part's parity there, the open breaks and the column's crossing edges. */
  private addEntry(level: GridLevel, r: number, c: number, parity: number): void {
    const at = c - this.cA;
    const cs = this.edges.crossStart.data[at] as number, ce = this.edges.crossStart.data[at + 1] as number;
    const entries = this.entries, count = this.openCount, open = this.open.data, crossings = this.edges.crossings.data;
    const id = entries.open(this.part, this.area, parity | (this.covers(level, r, c) ? 0 : BOX_TEST));
    // Copied value by value: a subarray per cell would be an allocation per cell.
    let b = entries.breaks.length, d = entries.edges.length;
    const breaks = entries.breaks.grow(b + count), edges = entries.edges.grow(d + ce - cs);
    for (let k = 0; k < count; k++) breaks[b++] = open[k] as number;
    for (let q = cs; q < ce; q++) edges[d++] = crossings[q] as number;
    entries.breaks.length = b;
    entries.edges.length = d;
    entries.close(id);
    this.outCell.push(r * level.nx + c);
    this.outEntry.push(id);
  }
}

function countAll(counts: Int32Array, buckets: Int32Array, n: number): void {
  for (let i = 0; i < n; i++) countInto(counts, buckets[i] as number);
}

/** Places items[i] in bucket buckets[i], backwards so that each bucket keeps the items' order. */
function fillBuckets(out: Int32Array, ends: Int32Array, buckets: Int32Array, items: Int32Array, n: number): void {
  for (let i = n - 1; i >= 0; i--) out[takeSlot(ends, buckets[i] as number)] = items[i] as number;
}

/** Adds the break v to the open ones, or removes it if it is there (two equal breaks cancel); returns the new count. */
function toggle(open: Float64Array, count: number, v: number): number {
  let k = 0;
  while (k < count && open[k] !== v) k++;
  if (k < count) {
    open[k] = open[count - 1] as number;
    return count - 1;
  }
  open[count] = v;
  return count + 1;
}
