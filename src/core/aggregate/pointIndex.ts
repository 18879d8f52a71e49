import type { Bounds } from './pointBins.ts';

/**
 * Merchant rows sorted by the cell of a grid over their extent, so that a view visits only the rows
 * of the cells it covers instead of every row (a pan at 5 million merchants would otherwise scan
 * them all). Plain typed arrays: built in the worker and transferred with the project.
 */
export interface PointIndex {
  readonly west: number;
  readonly south: number;
  /** Cells per degree, across and up. */
  readonly perX: number;
  readonly perY: number;
  readonly columns: number;
  readonly rows: number;
  /** Position in `order` where each cell's rows start, cell by cell (row-major), plus the end. */
  readonly cellStart: Uint32Array;
  /** The rows with finite coordinates, cell by cell, in row order within a cell. */
  readonly order: Uint32Array;
}

/** Cells per side of the grid: ~3–6 km cells over Việt Nam, a megabyte of cell starts. */
const CELLS_PER_SIDE = 256;

/** Sorts the rows with finite coordinates by grid cell (a counting sort: two passes over the rows). */
export function buildPointIndex(lon: Float64Array, lat: Float64Array, count: number): PointIndex {
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
  let placed = 0;
  for (let row = 0; row < count; row++) {
    const x = lon[row] as number, y = lat[row] as number;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    placed++;
    if (x < west) west = x;
    if (x > east) east = x;
    if (y < south) south = y;
    if (y > north) north = y;
  }
  const columns = placed === 0 ? 1 : CELLS_PER_SIDE, rows = columns;
  // A zero-width extent (one point, or points on a line) still gets cells of some size.
  const perX = placed === 0 ? 1 : columns / Math.max(east - west, 1e-9);
  const perY = placed === 0 ? 1 : rows / Math.max(north - south, 1e-9);
  const index = { west: placed === 0 ? 0 : west, south: placed === 0 ? 0 : south, perX, perY, columns, rows };
  const cellOf = new Uint32Array(count);
  const cellStart = new Uint32Array(columns * rows + 1);
  for (let row = 0; row < count; row++) {
    const x = lon[row] as number, y = lat[row] as number;
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      cellOf[row] = 0xffffffff;
      continue;
    }
    const cell = cellAt(index, x, y);
    cellOf[row] = cell;
    cellStart[cell + 1]!++;
  }
  for (let cell = 0; cell < columns * rows; cell++) cellStart[cell + 1]! += cellStart[cell] as number;
  const next = cellStart.slice(0, columns * rows);
  const order = new Uint32Array(placed);
  for (let row = 0; row < count; row++) {
    const cell = cellOf[row] as number;
    if (cell !== 0xffffffff) order[next[cell]!++] = row;
  }
  return { ...index, cellStart, order };
}

function cellAt(index: Pick<PointIndex, 'west' | 'south' | 'perX' | 'perY' | 'columns' | 'rows'>, x: number, y: number): number {
  const column = Math.min(index.columns - 1, Math.max(0, Math.floor((x - index.west) * index.perX)));
  const row = Math.min(index.rows - 1, Math.max(0, Math.floor((y - index.south) * index.perY)));
  return row * index.columns + column;
}

/** Rows in the cells that meet the bounds (what `visitRowsNear` would visit). */
export function countRowsNear(index: PointIndex, bounds: Bounds): number {
  let count = 0;
  forEachCellRun(index, bounds, (from, to) => {
    count += to - from;
  });
  return count;
}

/**
 * Calls `visit` with every indexed row whose cell meets the bounds (a superset of the rows inside
 * them: the caller still tests each point), cell by cell; `visit` returns false to stop.
 */
export function visitRowsNear(index: PointIndex, bounds: Bounds, visit: (row: number) => boolean): void {
  const { order } = index;
  let going = true;
  forEachCellRun(index, bounds, (from, to) => {
    for (let k = from; k < to && going; k++) going = visit(order[k] as number);
  });
}

/** The runs of `order` (one per grid row) holding the rows of the cells that meet the bounds. */
export function forEachCellRun(index: PointIndex, bounds: Bounds, run: (from: number, to: number) => void): void {
  const [west, south, east, north] = bounds;
  if (!(west <= east && south <= north)) return;
  const first = cellAt(index, west, south), last = cellAt(index, east, north);
  const column0 = first % index.columns, column1 = last % index.columns;
  const row0 = Math.floor(first / index.columns), row1 = Math.floor(last / index.columns);
  // The cells of one grid row from column0 to column1 are consecutive in `order`.
  for (let row = row0; row <= row1; row++) run(index.cellStart[row * index.columns + column0] as number, index.cellStart[row * index.columns + column1 + 1] as number);
}
