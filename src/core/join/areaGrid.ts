/**
 * An exact grid index for point in polygon, used by `buildAreaLocator`.
 *
 * What it must reproduce, for every point, bit for bit: the area of the lowest index among the
 * polygon parts whose outer-ring bounding box holds the point (edges included) and whose even-odd
 * crossing count is odd, where an edge (a lower, b upper end) counts for (x, y) when
 * `ay <= y && y < by && (bx - ax) * (y - ay) - (by - ay) * (x - ax) > 0`, evaluated in doubles
 * exactly as written (see `insidePolygon`).
 *
 * How: a uniform grid over the parts' extent, whose cells are split again into finer grids where
 * points are many or cells busy. For each cell and each part that may hold some of its points,
 * every edge of the part that can count for a point of the cell's strip of rows is one of three
 * kinds, decided at build time with the same double-precision formula:
 *
 * - **left** of the cell: the formula is `<= 0` for every point of the cell → never counts;
 * - **right** of the cell: the formula is `> 0` for every point of the cell → counts exactly when
 *   `ay <= y < by`, i.e. `[y >= ay] xor [y >= by]`. An end below the strip is a constant 1, one
 *   above it a constant 0, and one within the strip a *break*: a y value to compare the point with;
 * - **crossing**: neither could be proven; the edge is kept in the cell and tested per point.
 *
 * The proofs use that the formula, rounding included, is monotone in x (non-increasing) and in y
 * (one direction per edge): its extremes over a cell are at the cell's corners. Cell rectangles
 * are widened by a margin larger than the rounding of the cell index, so a point always lies in
 * the (widened) rectangle of the cell it is looked up in.
 *
 * A cell is then answered by: the lowest area whose part holds the whole cell (no test), or -1;
 * or a leaf: a short list of parts, lowest area first, each with a constant parity, its breaks
 * and its crossing edges (runs of consecutive ring edges, tested with insidePolygon's rule).
 *
 * Layout (files): `gridGeometry` flattens the parts; `cellClassifier` (with `edgeRows`) does the
 * classification above for one grid; `gridBuilder` lays out the grids; `gridLeaves` writes leaves;
 * `gridLookup` answers one point, `gridBatch` many.
 *
 * - The top grid has about `cellsPerPart` cells per part; each of its cells is split again into
 *   k × k cells, k = 1 for most, so that every point reads exactly two tags (see `GridIndex`).
 *   Given the points to come (`ExpectedPoints`, sampled), a top cell is split where points ×
 *   tests would be many (city cores), so that most points are answered by their cell alone.
 * - A leaf is written at its first lookup unless points are expected in its cell, and a busy leaf
 *   (more tests than `maxCellWork`) is split into a finer grid the `refineAfter`-th time a point is
 *   looked up in it. The answers do not depend on when (or whether) a cell is split or written.
 */

import { GridBuilder, type GridSettings } from './gridBuilder.ts';
import { gridGeometry, type GridPart } from './gridGeometry.ts';
import { locatePoints } from './gridBatch.ts';
import { locatePoint } from './gridLookup.ts';

export type { GridPart } from './gridGeometry.ts';

export interface AreaGridStats {
  /** Grids: the top one, its split cells, and the finer grids below them. */
  readonly grids: number;
  readonly cells: number;
  readonly leaves: number;
  /** Entries in all leaves. */
  readonly entries: number;
  /** Leaves whose two parts split the cell between them, written as one entry and a fallback. */
  readonly pairs: number;
}

export interface AreaGrid {
  /** Area index, or -1; `x` and `y` must be finite. */
  locate(x: number, y: number): number;
  /** out[i] = area index of (xs[i], ys[i]), or -1 (also for non-finite coordinates). */
  locateAll(xs: Float64Array, ys: Float64Array, out: Int32Array): void;
  /** Size of the index, for tests and reports. */
  readonly stats: AreaGridStats;
}

/** Points the grid will be asked about: the top cells dense in them are split finer while building. */
export interface ExpectedPoints {
  readonly xs: Float64Array;
  readonly ys: Float64Array;
}

export interface AreaGridOptions {
  /** Cells of the top grid per part (default 32). */
  readonly cellsPerPart?: number;
  /** A cell whose tests (entries + edges + breaks) exceed this is split again (default 8). */
  readonly maxCellWork?: number;
  /** Levels of splitting below the top grid (default 3). */
  readonly maxDepth?: number;
  /** Levels split while building; deeper ones are split when a busy cell has answered `refineAfter` points (default 0). */
  readonly eagerDepth?: number;
  /** Lookups in a busy leaf after which it is split (default 256). */
  readonly refineAfter?: number;
  /** Largest split of a busy cell, per side (default 16). */
  readonly maxSplit?: number;
  /** With expected points: a top cell is split into cells where points × tests (see maxCellWork) is about this (default 512). */
  readonly workPerCell?: number;
  /** With expected points: largest split of a top cell, per side (default 64). */
  readonly maxPointSplit?: number;
}

function settingsOf(options: AreaGridOptions): GridSettings {
  return {
    cellsPerPart: options.cellsPerPart ?? 32,
    maxCellWork: options.maxCellWork ?? 8,
    maxDepth: options.maxDepth ?? 3,
    eagerDepth: options.eagerDepth ?? 0,
    refineAfter: options.refineAfter ?? 256,
    maxSplit: options.maxSplit ?? 16,
    workPerCell: options.workPerCell ?? 512,
    maxPointSplit: options.maxPointSplit ?? 64,
  };
}

/**
 * The index of no parts. It also keeps one object of each shape an index is made of for the life
 * of the module: V8 forgets a shape once no object has it, and with it the code it optimised for
 * that shape, so each index built after the previous one was collected would start over in the
 * interpreter (about twice as slow).
 */
const EMPTY_INDEX = new GridBuilder(gridGeometry([]), settingsOf({}));

/**
 * Builds the exact grid over the parts; with `expected`, finer where those points are dense.
 * `laidOut`: the parts' rings already laid out as the grid keeps them (see `gridGeometry`).
 */
export function buildAreaGrid(parts: readonly GridPart[], options: AreaGridOptions = {}, expected?: ExpectedPoints, laidOut?: Float64Array): AreaGrid {
  const index = parts.length === 0 ? EMPTY_INDEX : new GridBuilder(gridGeometry(parts, laidOut), settingsOf(options), expected);
  return {
    locate: (x, y) => locatePoint(index, x, y),
    locateAll: (xs, ys, out) => locatePoints(index, xs, ys, out),
    get stats() {
      return index.stats();
    },
  };
}
