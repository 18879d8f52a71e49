import { GrowableFloat64, GrowableInt32 } from '../typed/growable.ts';

/**
 * The cells of one grid while it is being built: their rectangles and, once classified, each cell's
 * answer when no entry holds the point (`full`) and its entries, lowest area first (`cellStart`,
 * `sorted`). One per depth, reused by every grid built at that depth: a grid's children are built
 * (depth first) with the next depth's level, so this one stays valid until its cells are written.
 */
export class GridLevel {
  // Doubles start as NaN rather than 0: a field first holding a small integer changes the object's
  // shape in V8 when it gets a fraction, and code optimised for the old shape is thrown away.
  x0 = NaN;
  y0 = NaN;
  x1 = NaN;
  y1 = NaN;
  nx = 1;
  ny = 1;
  /** Nominal cell size, and cells per unit (0 when there is a single column or row). */
  w = NaN;
  h = NaN;
  invW = NaN;
  invH = NaN;
  /** Widened cell bounds: a point looked up in a cell is always inside them. */
  colLo = new Float64Array(0);
  colHi = new Float64Array(0);
  rowLo = new Float64Array(0);
  rowHi = new Float64Array(0);
  full = new Int32Array(0);
  cellStart = new Int32Array(0);
  sorted = new Int32Array(0);
  private readonly cols = [new GrowableFloat64(16), new GrowableFloat64(16)] as const;
  private readonly rows = [new GrowableFloat64(16), new GrowableFloat64(16)] as const;
  private readonly fullPool = new GrowableInt32(64);
  private readonly startPool = new GrowableInt32(64);
  private readonly sortedPool = new GrowableInt32(64);

  /**
   * Splits the nominal rectangle (x0, y0)–(x1, y1) into nx × ny cells, for points known to lie in
   * the widened rectangle (ex0, ey0)–(ex1, ey1); every cell answers `inherited` until classified.
   */
  layout(x0: number, y0: number, x1: number, y1: number, ex0: number, ey0: number, ex1: number, ey1: number, nx: number, ny: number, inherited: number): void {
    this.x0 = x0;
    this.y0 = y0;
    this.x1 = x1;
    this.y1 = y1;
    this.nx = nx;
    this.ny = ny;
    const w = (this.w = (x1 - x0) / nx), h = (this.h = (y1 - y0) / ny);
    this.invW = nx > 1 ? nx / (x1 - x0) : 0;
    this.invH = ny > 1 ? ny / (y1 - y0) : 0;
    const dx = slack(x0, x1, w), dy = slack(y0, y1, h);
    const colLo = (this.colLo = this.cols[0].grow(nx)), colHi = (this.colHi = this.cols[1].grow(nx));
    const rowLo = (this.rowLo = this.rows[0].grow(ny)), rowHi = (this.rowHi = this.rows[1].grow(ny));
    for (let c = 0; c < nx; c++) {
      colLo[c] = c === 0 ? ex0 : Math.max(ex0, x0 + c * w - dx);
      colHi[c] = c === nx - 1 ? ex1 : Math.min(ex1, x0 + (c + 1) * w + dx);
    }
    for (let r = 0; r < ny; r++) {
      rowLo[r] = r === 0 ? ey0 : Math.max(ey0, y0 + r * h - dy);
      rowHi[r] = r === ny - 1 ? ey1 : Math.min(ey1, y0 + (r + 1) * h + dy);
    }
    this.full = this.fullPool.grow(nx * ny).fill(inherited, 0, nx * ny);
  }

  /** Nominal left edge of column c (its right edge is `cellX0(c + 1)`, exactly `x1` for the last). */
  cellX0(c: number): number {
    return c === this.nx ? this.x1 : this.x0 + c * this.w;
  }

  cellY0(r: number): number {
    return r === this.ny ? this.y1 : this.y0 + r * this.h;
  }

  /** Room for the classified entries: `cells + 1` starts and `placed` entries. */
  reserve(cells: number, placed: number): void {
    this.cellStart = this.startPool.grow(cells + 1);
    this.sorted = this.sortedPool.grow(placed);
  }
}

/** Widening of a cell: far above the rounding of `(x - x0) * invW` and of `x0 + c * w`. */
export function slack(a: number, b: number, cell: number): number {
  return 1e-12 * (Math.abs(a) + Math.abs(b)) + 1e-9 * cell;
}

/** Cells narrower than this (relative to the coordinates) are not split: the margins must stay small. */
export function splittable(a: number, b: number, size: number): boolean {
  return size > 1e-8 * (Math.abs(a) + Math.abs(b));
}
