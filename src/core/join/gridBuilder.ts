import { GrowableFloat64, GrowableInt32 } from '../typed/growable.ts';
import type { AreaGridStats, ExpectedPoints } from './areaGrid.ts';
import { CellClassifier } from './cellClassifier.ts';
import { ENTRY_AREA, type GridEntries } from './gridEntries.ts';
import { GridLeaves, type SplitCell } from './gridLeaves.ts';
import type { GridGeometry } from './gridGeometry.ts';
import { GridLevel, splittable } from './gridLevel.ts';
import { GRID_STRIDE, type GridIndex } from './gridLookup.ts';

/** The options of `buildAreaGrid`, every one set. */
export interface GridSettings {
  readonly cellsPerPart: number;
  readonly maxCellWork: number;
  readonly maxDepth: number;
  readonly eagerDepth: number;
  readonly refineAfter: number;
  readonly maxSplit: number;
  readonly workPerCell: number;
  readonly maxPointSplit: number;
}

const MAX_TOP_CELLS = 1 << 22;
/** Expected points sampled to estimate how many fall in each top cell. */
const DENSITY_SAMPLE = 1 << 16;

/**
 * Builds the grid index, and stays with it: a leaf where no point is expected is written at its
 * first lookup, and a busy leaf is split into a finer grid the `refineAfter`-th time a point is
 * looked up in it, so fine cells are only built where points are.
 */
export class GridBuilder implements GridIndex {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  // NaN until set: see GridLevel.
  x0 = NaN;
  y0 = NaN;
  invW = NaN;
  invH = NaN;
  nx = 1;
  ny = 1;
  blocks = new Int32Array(2);
  readonly cells = new GrowableInt32(1024);
  readonly grids = new GrowableFloat64(64);
  readonly leaves: GrowableFloat64;
  readonly partBox: Float64Array;
  readonly coords: Float64Array;
  private readonly entries: GridEntries;
  private readonly settings: GridSettings;
  private readonly classifier: CellClassifier;
  private readonly leafStore: GridLeaves;
  private readonly levels: GridLevel[] = [new GridLevel()];
  private splitBlocks = 0;

  constructor(geometry: GridGeometry, settings: GridSettings, expected?: ExpectedPoints) {
    ({ minX: this.minX, minY: this.minY, maxX: this.maxX, maxY: this.maxY } = geometry);
    this.entries = geometry.entries;
    this.coords = geometry.coords;
    this.partBox = geometry.partBox;
    this.settings = settings;
    this.classifier = new CellClassifier(geometry.coords, geometry.partBox, geometry.entries);
    this.leafStore = new GridLeaves(geometry.entries, geometry.coords, settings.refineAfter, geometry.topEntries.length * 24 + 256);
    this.leaves = this.leafStore.data;
    if (geometry.topEntries.length > 0) this.buildTop(geometry.topEntries, expected);
  }

  stats(): AreaGridStats {
    return {
      grids: 1 + this.splitBlocks + this.grids.length / GRID_STRIDE,
      cells: this.cells.length,
      leaves: this.leafStore.written,
      entries: this.leafStore.entriesWritten,
      pairs: this.leafStore.pairs,
    };
  }

  refine(record: number): number {
    const tag = this.leafStore.next(record, this.splitCell);
    this.cells.data[this.leafStore.position(record)] = tag;
    return tag;
  }

  private readonly splitCell: SplitCell = (x0, y0, x1, y1, ex0, ey0, ex1, ey1, list, from, to, fallback, depth) =>
    // A cell split for its lookups: points are expected in all of its cells.
    this.grid(x0, y0, x1, y1, ex0, ey0, ex1, ey1, this.splitOf(this.work(list, from, to)), list, from, to, fallback, depth + 1, Infinity);

  /** The top grid over the parts' extent, and the k × k split of each of its cells. */
  private buildTop(topEntries: Int32Array, expected: ExpectedPoints | undefined): void {
    const { minX, minY, maxX, maxY } = this;
    const width = maxX - minX, height = maxY - minY;
    const wanted = Math.min(MAX_TOP_CELLS, Math.max(1, topEntries.length * this.settings.cellsPerPart));
    const cellSize = Math.sqrt((width * height) / wanted);
    const nx = (this.nx = splittable(minX, maxX, width) && cellSize > 0 ? Math.max(1, Math.min(8192, Math.round(width / cellSize))) : 1);
    const ny = (this.ny = splittable(minY, maxY, height) && cellSize > 0 ? Math.max(1, Math.min(8192, Math.round(height / cellSize))) : 1);
    this.x0 = minX;
    this.y0 = minY;
    this.invW = width > 0 ? nx / width : 0;
    this.invH = height > 0 ? ny / height : 0;
    const top = this.level(0);
    top.layout(minX, minY, maxX, maxY, minX, minY, maxX, maxY, nx, ny, -1);
    this.classifier.classify(top, topEntries, 0, topEntries.length);
    this.blocks = new Int32Array((nx + 1) * (ny + 1) * 2);
    // Each top cell's split first, so that the tags and leaves are allocated once (their first writes are costly).
    const splits = new Int32Array(nx * ny);
    const density = expected ? this.density(expected) : null;
    this.planBlocks(top, splits, density);
    let cells = 0;
    for (let cell = 0; cell < nx * ny; cell++) cells += (splits[cell] as number) ** 2;
    this.cells.grow(cells + (cells >> 3));
    for (let r = 0; r < ny; r++) this.topRow(top, r, splits, density);
  }

  /**
   * Loops over the top grid run a row per call: a loop that runs long in one call is optimised in
   * place, before its rarer branches have run, and falls back to the interpreter at each of them;
   * short calls are optimised as a whole, with their branches seen.
   */
  private planBlocks(top: GridLevel, splits: Int32Array, density: Float64Array | null): void {
    for (let r = 0; r < top.ny; r++) this.planRow(top, r, splits, density);
  }

  private planRow(top: GridLevel, r: number, splits: Int32Array, density: Float64Array | null): void {
    for (let c = 0; c < top.nx; c++) {
      const cell = r * top.nx + c;
      const start = top.cellStart[cell] as number, end = this.cut(top, cell, top.full[cell] as number);
      splits[cell] = end === start ? 1 : this.blockSplit(top, c, r, this.work(top.sorted, start, end), density?.[cell] ?? 0);
    }
  }

  /** Top row r: each cell gets its k × k block of tags. */
  private topRow(top: GridLevel, r: number, splits: Int32Array, density: Float64Array | null): void {
    for (let c = 0; c < top.nx; c++) this.topCell(top, c, r, splits[r * top.nx + c] as number, density?.[r * top.nx + c] ?? 0);
  }

  private topCell(top: GridLevel, c: number, r: number, k: number, expected: number): void {
    const cell = r * top.nx + c;
    const fallback = top.full[cell] as number, start = top.cellStart[cell] as number, end = this.cut(top, cell, fallback);
    const base = this.reserveCells(k * k);
    this.setBlock(c, r, base, k);
    // The extra column and row of `blocks` point into this block's last cells (see GridIndex).
    if (c === top.nx - 1) this.setBlock(c + 1, r, base + k - 1, k);
    if (r === top.ny - 1) this.setBlock(c, r + 1, base + (k - 1) * k, k);
    if (c === top.nx - 1 && r === top.ny - 1) this.setBlock(c + 1, r + 1, base + (k - 1) * k + k - 1, k);
    if (k === 1) {
      // Computed first: a finer grid grows `cells`, and `cells.data` must be read after that.
      const tag = end === start ? fallback : this.leafOrGrid(top, c, r, start, end, fallback, 0, base, expected);
      this.cells.data[base] = tag;
      return;
    }
    const block = this.level(1);
    block.layout(top.cellX0(c), top.cellY0(r), top.cellX0(c + 1), top.cellY0(r + 1), top.colLo[c] as number, top.rowLo[r] as number, top.colHi[c] as number, top.rowHi[r] as number, k, k, fallback);
    this.classifier.classify(block, top.sorted, start, end);
    this.writeCells(block, base, 1, expected / (k * k));
    this.splitBlocks++;
  }

  private setBlock(c: number, r: number, first: number, k: number): void {
    const b = (r * (this.nx + 1) + c) * 2;
    this.blocks[b] = first;
    this.blocks[b + 1] = k;
  }

  /** How finely to split a top cell: by its work when splitting eagerly, by its expected points, else 1. */
  private blockSplit(top: GridLevel, c: number, r: number, work: number, expected: number): number {
    const { maxDepth, eagerDepth, maxCellWork, workPerCell, maxPointSplit } = this.settings;
    const cx0 = top.cellX0(c), cx1 = top.cellX0(c + 1), cy0 = top.cellY0(r), cy1 = top.cellY0(r + 1);
    if (maxDepth < 1 || !splittable(cx0, cx1, cx1 - cx0) || !splittable(cy0, cy1, cy1 - cy0)) return 1;
    let k = work > maxCellWork && eagerDepth > 0 ? this.splitOf(work) : 1;
    // Points that would each run `work` tests in this cell: split until a cell's share is about workPerCell.
    k = Math.max(k, Math.min(maxPointSplit, Math.floor(Math.sqrt((expected * work) / workPerCell))));
    return k;
  }

  /**
   * Points expected per top cell, estimated from a sample of at most `DENSITY_SAMPLE`, taken as
   * runs of consecutive points spread over the input (runs read memory in order; single points
   * spread out would each miss the cache).
   */
  private density({ xs, ys }: ExpectedPoints): Float64Array {
    const counts = new Float64Array(this.nx * this.ny);
    const n = Math.min(xs.length, ys.length), runs = Math.max(1, Math.min(n >> 6, DENSITY_SAMPLE >> 6));
    const run = Math.min(n, 64), gap = Math.floor(n / runs), weight = n / (runs * run);
    for (let k = 0; k < runs; k++) this.countRun(xs, ys, k * gap, Math.min(n, k * gap + run), weight, counts);
    return counts;
  }

  private countRun(xs: Float64Array, ys: Float64Array, from: number, to: number, weight: number, counts: Float64Array): void {
    const { minX, minY, maxX, maxY, x0, y0, invW, invH, nx, ny } = this;
    for (let i = from; i < to; i++) {
      const x = xs[i] as number, y = ys[i] as number;
      if (!(x >= minX && x <= maxX && y >= minY && y <= maxY)) continue;
      const cell = Math.min(((y - y0) * invH) | 0, ny - 1) * nx + Math.min(((x - x0) * invW) | 0, nx - 1);
      counts[cell] = (counts[cell] as number) + weight;
    }
  }

  /** Writes the tags of a classified grid's cells from `base` on, a row at a time. */
  private writeCells(level: GridLevel, base: number, depth: number, expected: number): void {
    for (let r = 0; r < level.ny; r++) this.writeRow(level, r, base, depth, expected);
  }

  private writeRow(level: GridLevel, r: number, base: number, depth: number, expected: number): void {
    for (let c = 0; c < level.nx; c++) {
      const cell = r * level.nx + c;
      const fallback = level.full[cell] as number, start = level.cellStart[cell] as number, end = this.cut(level, cell, fallback);
      const tag = end === start ? fallback : this.leafOrGrid(level, c, r, start, end, fallback, depth, base + cell, expected);
      this.cells.data[base + cell] = tag;
    }
  }

  /**
   * A cell with entries: a finer grid when busy and still within `eagerDepth`, else a leaf (split
   * later if busy), written at once when about one point or more is `expected` in the cell.
   */
  private leafOrGrid(level: GridLevel, c: number, r: number, start: number, end: number, fallback: number, depth: number, position: number, expected: number): number {
    const { maxCellWork, maxDepth, eagerDepth } = this.settings;
    const work = this.work(level.sorted, start, end);
    const cx0 = level.cellX0(c), cx1 = level.cellX0(c + 1), cy0 = level.cellY0(r), cy1 = level.cellY0(r + 1);
    const lo = level.colLo[c] as number, hi = level.colHi[c] as number, bottom = level.rowLo[r] as number, top = level.rowHi[r] as number;
    const busy = work > maxCellWork && depth < maxDepth && splittable(cx0, cx1, cx1 - cx0) && splittable(cy0, cy1, cy1 - cy0);
    if (busy && depth < eagerDepth) return this.grid(cx0, cy0, cx1, cy1, lo, bottom, hi, top, this.splitOf(work), level.sorted, start, end, fallback, depth + 1, expected);
    return this.leafStore.add(level, c, r, start, end, fallback, depth, position, busy, expected >= 0.5);
  }

  /** A k × k grid over a cell, from the entries list[from, to); returns its tag. */
  private grid(x0: number, y0: number, x1: number, y1: number, ex0: number, ey0: number, ex1: number, ey1: number, k: number, list: Int32Array, from: number, to: number, inherited: number, depth: number, expected: number): number {
    const g = this.grids.length / GRID_STRIDE;
    const base = this.reserveCells(k * k);
    const level = this.level(depth);
    level.layout(x0, y0, x1, y1, ex0, ey0, ex1, ey1, k, k, inherited);
    const G = this.grids.grow(g * GRID_STRIDE + GRID_STRIDE), o = g * GRID_STRIDE;
    G[o] = x0;
    G[o + 1] = y0;
    G[o + 2] = level.invW;
    G[o + 3] = level.invH;
    G[o + 4] = k;
    G[o + 5] = k;
    G[o + 6] = base;
    G[o + 7] = depth;
    this.grids.length = o + GRID_STRIDE;
    this.classifier.classify(level, list, from, to);
    this.writeCells(level, base, depth, expected / (k * k));
    return -2 - (g * 2 + 1);
  }

  /** End of a cell's entries once those at or above a part holding the whole cell are dropped (they never win). */
  private cut(level: GridLevel, cell: number, fallback: number): number {
    const start = level.cellStart[cell] as number, sorted = level.sorted, fields = this.entries.fields.data;
    let end = level.cellStart[cell + 1] as number;
    if (fallback !== -1) {
      let k = start;
      while (k < end && (fields[(sorted[k] as number) + ENTRY_AREA] as number) < fallback) k++;
      end = k;
    }
    return end;
  }

  private work(list: Int32Array, from: number, to: number): number {
    let work = 0;
    for (let k = from; k < to; k++) work += this.entries.work(list[k] as number);
    return work;
  }

  private splitOf(work: number): number {
    return Math.min(this.settings.maxSplit, Math.max(2, Math.ceil(work / this.settings.maxCellWork)));
  }

  private reserveCells(count: number): number {
    const base = this.cells.length;
    this.cells.grow(base + count);
    this.cells.length = base + count;
    return base;
  }

  private level(depth: number): GridLevel {
    while (this.levels.length <= depth) this.levels.push(new GridLevel());
    return this.levels[depth] as GridLevel;
  }
}
