import { countInto, countsToEnds, takeSlot } from '../typed/buckets.ts';
import { GrowableInt32 } from '../typed/growable.ts';
import type { GridEntries } from './gridEntries.ts';
import type { GridLevel } from './gridLevel.ts';

/**
 * The edges of the entry being placed, sorted for the row sweep of `CellClassifier`: by row of
 * cells (those whose widened strip an edge's y range meets), then, for one row, each edge's last
 * column that it is right of (an event, counted for every cell from there leftwards) and the
 * columns it crosses, where it is kept as a crossing edge. Every `right` and `left` is proven with
 * the crossing formula itself at the cells' corners (see `areaGrid.ts`).
 *
 * Each loop sits in a method of its own, whose body runs whole from its first iteration (see
 * `CellClassifier`).
 */
export class EdgeRows {
  /** The cells the entry may reach: columns cA..cB, rows rA..rB. */
  cA = 0;
  cB = 0;
  rA = 0;
  rB = 0;
  /** Per row from rA (CSR): its edges in `rowEdges`. */
  readonly rowStart = new GrowableInt32();
  readonly rowEdges = new GrowableInt32();
  /** Per column from cA, for the row last sorted (CSR): events in `events`, crossing edges in `crossings`. */
  readonly eventStart = new GrowableInt32();
  readonly events = new GrowableInt32();
  readonly crossStart = new GrowableInt32();
  readonly crossings = new GrowableInt32();
  private readonly span = new GrowableInt32();
  private readonly right = new GrowableInt32();
  private readonly left = new GrowableInt32();

  /** `coords`: all rings' vertices [x, y, …], each ring followed by a copy of its first vertex. */
  constructor(private readonly coords: Float64Array, private readonly entries: GridEntries) {}

  /** Buckets the edges pool[from, to) by the rows whose widened strip their y range meets. */
  byRow(level: GridLevel, from: number, to: number): void {
    const rows = this.rB - this.rA + 1;
    this.rowStart.grow(rows + 1).fill(0, 0, rows + 1);
    this.span.grow(2 * (to - from));
    this.spanRows(level, from, to);
    countsToEnds(this.rowStart.data, rows);
    this.rowEdges.grow(this.rowStart.data[rows] as number);
    this.fillRows(from, to);
  }

  /** Each edge's first and last row, counted into `rowStart`. */
  private spanRows(level: GridLevel, from: number, to: number): void {
    const coords = this.coords, pool = this.entries.edges.data, { rA, rB } = this, rowStart = this.rowStart.data, span = this.span.data;
    const { y0, invH, rowLo, rowHi } = level;
    for (let q = from; q < to; q++) {
      const e = pool[q] as number;
      const y1 = coords[e * 2 + 1] as number, y2 = coords[e * 2 + 3] as number;
      const ay = y1 < y2 ? y1 : y2, by = y1 < y2 ? y2 : y1;
      let first = cellIndex((ay - y0) * invH - 1, rA, rB), last = cellIndex((by - y0) * invH + 1, rA, rB);
      while (first <= last && !(by >= (rowLo[first] as number) && ay <= (rowHi[first] as number))) first++;
      while (last >= first && !(by >= (rowLo[last] as number) && ay <= (rowHi[last] as number))) last--;
      // rowLo and rowHi grow with the row, so the rows that meet the edge are those from first to last.
      for (let r = first; r <= last; r++) countInto(rowStart, r - rA);
      span[2 * (q - from)] = first;
      span[2 * (q - from) + 1] = last;
    }
  }

  private fillRows(from: number, to: number): void {
    const pool = this.entries.edges.data, rA = this.rA, rowStart = this.rowStart.data, rowEdges = this.rowEdges.data, span = this.span.data;
    for (let q = from; q < to; q++) {
      const e = pool[q] as number;
      for (let r = span[2 * (q - from)] as number, last = span[2 * (q - from) + 1] as number; r <= last; r++) rowEdges[takeSlot(rowStart, r - rA)] = e;
    }
  }

  /** Row r's edges by their last column right of the cell (events) and, in the columns between, as crossing edges. */
  sortRow(level: GridLevel, r: number): void {
    const columns = this.cB - this.cA + 1;
    const s = this.rowStart.data[r - this.rA] as number, n = (this.rowStart.data[r - this.rA + 1] as number) - s;
    this.right.grow(n);
    this.left.grow(n);
    this.eventStart.grow(columns + 1).fill(0, 0, columns + 1);
    this.crossStart.grow(columns + 1).fill(0, 0, columns + 1);
    this.columnsOf(level, r, s, n);
    countsToEnds(this.eventStart.data, columns);
    countsToEnds(this.crossStart.data, columns);
    this.events.grow(n);
    this.crossings.grow(this.crossStart.data[columns] as number);
    this.fillColumns(s, n);
  }

  /**
   * For each edge of row r: the last column (from the left) where it is right of the cell and the
   * first where it is left of it, by the crossing formula at the cells' corners, counted by column.
   */
  private columnsOf(level: GridLevel, r: number, s: number, n: number): void {
    const coords = this.coords, { cA, cB } = this, rowEdges = this.rowEdges.data;
    const right = this.right.data, left = this.left.data, eventStart = this.eventStart.data, crossStart = this.crossStart.data;
    const { x0, invW, colLo, colHi } = level;
    const sLo = level.rowLo[r] as number, sHi = level.rowHi[r] as number;
    for (let i = 0; i < n; i++) {
      const e = (rowEdges[s + i] as number) * 2;
      // The edge lower end first, as insidePolygon takes it.
      const lowerFirst = (coords[e + 1] as number) <= (coords[e + 3] as number);
      const ax = coords[lowerFirst ? e : e + 2] as number, ay = coords[lowerFirst ? e + 1 : e + 3] as number;
      const bx = coords[lowerFirst ? e + 2 : e] as number, by = coords[lowerFirst ? e + 3 : e + 1] as number;
      const yl = ay > sLo ? ay : sLo, yh = by < sHi ? by : sHi;
      // The crossing formula at (x, yl) and (x, yh) is tl - dy * (x - ax) and th - dy * (x - ax),
      // with the same operations in the same order as insidePolygon; it decreases as x grows.
      const dx = bx - ax, dy = by - ay;
      const tl = dx * (yl - ay), th = dx * (yh - ay);
      // First guesses from the edge's x range; the scans make them exact whatever they were.
      // rc: the last column the edge is right of (cA - 1: none); lc: the first it is left of (cB + 1: none).
      let rc = cellIndex(((ax < bx ? ax : bx) - x0) * invW - 1, cA - 1, cB);
      if (rc < cA || rightOf(tl, th, dy, (colHi[rc] as number) - ax)) {
        while (rc < cB && rightOf(tl, th, dy, (colHi[rc + 1] as number) - ax)) rc++;
      } else {
        do rc--;
        while (rc >= cA && !rightOf(tl, th, dy, (colHi[rc] as number) - ax));
      }
      let lc = cellIndex(((ax < bx ? bx : ax) - x0) * invW + 1, cA, cB + 1);
      if (lc > cB || leftOf(tl, th, dy, (colLo[lc] as number) - ax)) {
        while (lc > cA && leftOf(tl, th, dy, (colLo[lc - 1] as number) - ax)) lc--;
      } else {
        do lc++;
        while (lc <= cB && !leftOf(tl, th, dy, (colLo[lc] as number) - ax));
      }
      right[i] = rc;
      left[i] = lc;
      if (rc >= cA) countInto(eventStart, rc - cA);
      for (let c = Math.max(rc + 1, cA); c < lc; c++) countInto(crossStart, c - cA);
    }
  }

  private fillColumns(s: number, n: number): void {
    const cA = this.cA, rowEdges = this.rowEdges.data, right = this.right.data, left = this.left.data;
    const eventStart = this.eventStart.data, events = this.events.data, crossStart = this.crossStart.data, crossings = this.crossings.data;
    for (let i = 0; i < n; i++) {
      const e = rowEdges[s + i] as number, rc = right[i] as number, lc = left[i] as number;
      if (rc >= cA) events[takeSlot(eventStart, rc - cA)] = e;
      for (let c = Math.max(rc + 1, cA); c < lc; c++) crossings[takeSlot(crossStart, c - cA)] = e;
    }
  }
}

/** The edge is right of every point of a cell whose right side is at ax + x: the formula is > 0 at both corners. */
function rightOf(tl: number, th: number, dy: number, x: number): boolean {
  return tl - dy * x > 0 && th - dy * x > 0;
}

/** The edge is left of every point of a cell whose left side is at ax + x: the formula is <= 0 at both corners. */
function leftOf(tl: number, th: number, dy: number, x: number): boolean {
  return !(tl - dy * x > 0) && !(th - dy * x > 0);
}

/**
 * v (a position in cells) clamped to [lo, hi] and truncated: a first guess for the scans after it.
 * The scans for a part's first and last row or column only move inwards, so callers pass v one
 * cell outwards (the widened cells reach at most that far); the column scans of an edge move both
 * ways and correct any guess.
 */
export function cellIndex(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v | 0;
}
