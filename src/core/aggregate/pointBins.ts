import type { MerchantTable } from '../merchants/merchantTable.ts';
import { countRowsNear, forEachCellRun, visitRowsNear, type PointIndex } from './pointIndex.ts';

export type Bounds = readonly [west: number, south: number, east: number, north: number];

/**
 * Which merchant rows are drawn: category filter, QR status, and only rows placed in an area. Plain
 * arrays rather than a function, so that a loop over millions of rows tests them inline.
 */
export interface RowFilter {
  readonly areaOf: Int32Array;
  readonly category: Uint16Array;
  readonly hasQr: Uint8Array;
  /** 1 for each category index shown. */
  readonly categoryOn: Uint8Array;
  /** The QR flag a row must have, or -1 for any. */
  readonly qr: number;
}

export function rowFilter(
  table: MerchantTable,
  areaOf: Int32Array,
  selected: ReadonlySet<number>,
  qrStatus: 'all' | 'with' | 'without',
): RowFilter {
  const categoryOn = new Uint8Array(0x10000);
  for (const c of selected) if (c >= 0 && c < categoryOn.length) categoryOn[c] = 1;
  return { areaOf, category: table.category, hasQr: table.hasQr, categoryOn, qr: qrStatus === 'all' ? -1 : qrStatus === 'with' ? 1 : 0 };
}

/** True when the filter shows the row. */
export function accepts(filter: RowFilter, row: number): boolean {
  return (filter.areaOf[row] ?? -1) >= 0 && filter.categoryOn[filter.category[row] ?? 0] === 1 && (filter.qr < 0 || filter.hasQr[row] === filter.qr);
}

/** Merchants grouped in square cells: position (mean of members), count and count with QR per bin. */
export interface PointBins {
  readonly length: number;
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  readonly count: Uint32Array;
  readonly withQr: Uint32Array;
}

/**
 * Calls `visit` with every row inside the bounds that passes the filter, through the index's cells;
 * `visit` returns false to stop. Null when there is no index or the view holds a quarter of the
 * rows or more: reading the columns in order is then faster than most rows in cell order.
 */
function visitRowsNearView(table: MerchantTable, bounds: Bounds, filter: RowFilter, index: PointIndex | undefined, visit: (row: number) => boolean): boolean {
  if (!index || countRowsNear(index, bounds) * 4 >= table.count) return false;
  const [west, south, east, north] = bounds;
  const { lon, lat } = table;
  visitRowsNear(index, bounds, (row) => {
    const x = lon[row] as number;
    const y = lat[row] as number;
    return !(x >= west && x <= east && y >= south && y <= north) || !accepts(filter, row) || visit(row);
  });
  return true;
}

/** Above this many cells in view the bins are found through a Map instead of a grid of slots. */
const MAX_SLOT_GRID = 1 << 20;

/** The bins of one view as rows are added: each cell's bin found in a grid of slots (or a Map past MAX_SLOT_GRID cells). */
class BinGrid {
  readonly columns: number;
  readonly lastRow: number;
  readonly perDegree: number;
  readonly grid: Int32Array | null;
  readonly sumLon: number[] = [];
  readonly sumLat: number[] = [];
  readonly count: number[] = [];
  readonly withQr: number[] = [];
  private readonly slot = new Map<number, number>();

  constructor(west: number, south: number, east: number, north: number, cellDegrees: number) {
    this.perDegree = 1 / cellDegrees;
    this.columns = Math.max(1, Math.ceil((east - west) / cellDegrees));
    const rows = Math.max(1, Math.ceil((north - south) / cellDegrees));
    this.lastRow = rows - 1;
    this.grid = this.columns * rows <= MAX_SLOT_GRID ? new Int32Array(this.columns * rows).fill(-1) : null;
  }

  /** The bin of a cell past MAX_SLOT_GRID cells, or -1. */
  slotOf(key: number): number {
    return this.slot.get(key) ?? -1;
  }

  /** A new, empty bin for the cell; returns it. */
  open(key: number): number {
    const bin = this.count.length;
    if (this.grid) this.grid[key] = bin;
    else this.slot.set(key, bin);
    this.sumLon.push(0);
    this.sumLat.push(0);
    this.count.push(0);
    this.withQr.push(0);
    return bin;
  }

  bins(): PointBins {
    const { sumLon, sumLat, count, withQr } = this;
    return {
      length: count.length,
      lon: Float64Array.from(sumLon, (s, i) => s / (count[i] ?? 1)),
      lat: Float64Array.from(sumLat, (s, i) => s / (count[i] ?? 1)),
      count: Uint32Array.from(count),
      withQr: Uint32Array.from(withQr),
    };
  }
}

/**
 * Counts the merchants in view on a grid of `cellDegrees` (no feature objects), so a million
 * merchants draw as a few thousand circles at country zoom; with a `PointIndex` only the rows of
 * the cells in view are visited. Bins come in the order of their first member. A point on the
 * view's east or north side counts in the last cell of its row or column.
 */
export function binPoints(table: MerchantTable, bounds: Bounds, cellDegrees: number, filter: RowFilter, index?: PointIndex): PointBins {
  const [west, south, east, north] = bounds;
  const bins = new BinGrid(west, south, east, north, cellDegrees);
  if (index && countRowsNear(index, bounds) * 4 < table.count) forEachCellRun(index, bounds, (from, to) => binRows(bins, table, bounds, filter, index.order, from, to));
  else binRows(bins, table, bounds, filter, null, 0, table.count);
  return bins.bins();
}

/**
 * Adds to the bins the rows `rows[from, to)` (the rows from..to - 1 when `rows` is null) that lie
 * in the bounds and pass the filter. One loop with the filter and the bin inline: the map bins
 * every row of a wide view after each move, and a function call per row (for the filter, for the
 * bin) cost several times as much where V8 did not inline them.
 */
function binRows(bins: BinGrid, table: MerchantTable, bounds: Bounds, filter: RowFilter, rows: Uint32Array | null, from: number, to: number): void {
  const [west, south, east, north] = bounds;
  const { lon, lat, hasQr } = table;
  const { areaOf, category, categoryOn, qr } = filter;
  const { columns, lastRow, perDegree, grid, sumLon, sumLat, count, withQr } = bins;
  for (let k = from; k < to; k++) {
    const row = rows === null ? k : (rows[k] as number);
    const x = lon[row] as number;
    const y = lat[row] as number;
    if (!(x >= west && x <= east && y >= south && y <= north)) continue;
    if ((areaOf[row] as number) < 0 || categoryOn[category[row] as number] !== 1) continue;
    const q = hasQr[row] as number;
    if (qr >= 0 && q !== qr) continue;
    const key = Math.min(lastRow, Math.floor((y - south) * perDegree)) * columns + Math.min(columns - 1, Math.floor((x - west) * perDegree));
    let bin = grid !== null ? (grid[key] as number) : bins.slotOf(key);
    if (bin < 0) bin = bins.open(key);
    sumLon[bin]! += x;
    sumLat[bin]! += y;
    count[bin]!++;
    if (q === 1) withQr[bin]!++;
  }
}

/** Rows in view that pass the filter, in row order, up to `limit` (null when there are more: draw bins instead). */
export function rowsInView(table: MerchantTable, bounds: Bounds, filter: RowFilter, limit: number, index?: PointIndex): Uint32Array | null {
  const rows = new Uint32Array(Math.min(limit, table.count));
  let n = 0;
  let more = false;
  const take = (row: number): boolean => {
    if (n === limit) {
      more = true;
      return false;
    }
    rows[n++] = row;
    return true;
  };
  if (!visitRowsNearView(table, bounds, filter, index, take)) {
    const [west, south, east, north] = bounds;
    const { lon, lat } = table;
    for (let row = 0; row < table.count; row++) {
      const x = lon[row] as number;
      const y = lat[row] as number;
      if (x >= west && x <= east && y >= south && y <= north && accepts(filter, row) && !take(row)) break;
    }
  }
  return more ? null : rows.slice(0, n).sort();
}
