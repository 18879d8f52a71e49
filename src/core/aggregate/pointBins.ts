import type { MerchantTable } from '../merchants/merchantTable.ts';
import { countRowsNear, visitRowsNear, type PointIndex } from './pointIndex.ts';

export type Bounds = readonly [west: number, south: number, east: number, north: number];

/** Which merchant rows are drawn: category filter, QR status, and only rows placed in an area. */
export type RowFilter = (row: number) => boolean;

export function rowFilter(
  table: MerchantTable,
  areaOf: Int32Array,
  selected: ReadonlySet<number>,
  qrStatus: 'all' | 'with' | 'without',
): RowFilter {
  const categoryOn = new Uint8Array(0x10000);
  for (const c of selected) if (c >= 0 && c < categoryOn.length) categoryOn[c] = 1;
  const { category, hasQr } = table;
  return (row) => {
    if ((areaOf[row] ?? -1) < 0 || categoryOn[category[row] ?? 0] !== 1) return false;
    if (qrStatus === 'all') return true;
    return (hasQr[row] === 1) === (qrStatus === 'with');
  };
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
 * Calls `visit` with every row inside the bounds that passes the filter: through the index's cells
 * when there is one, else over every row; `visit` returns false to stop.
 */
function visitRowsInView(table: MerchantTable, bounds: Bounds, accept: RowFilter, index: PointIndex | undefined, visit: (row: number) => boolean): void {
  const [west, south, east, north] = bounds;
  const { lon, lat } = table;
  const test = (row: number): boolean => {
    const x = lon[row] as number;
    const y = lat[row] as number;
    return !(x >= west && x <= east && y >= south && y <= north) || !accept(row) || visit(row);
  };
  // Through the index when the view holds a small part of the rows; a wide view reads the columns
  // in order, which is faster than visiting most rows in cell order.
  if (index && countRowsNear(index, bounds) * 4 < table.count) return visitRowsNear(index, bounds, test);
  for (let row = 0; row < table.count; row++) if (!test(row)) return;
}

/** Above this many cells in view the bins are found through a Map instead of a grid of slots. */
const MAX_SLOT_GRID = 1 << 20;

/**
 * Counts the merchants in view on a grid of `cellDegrees` (no feature objects), so a million
 * merchants draw as a few thousand circles at country zoom; with a `PointIndex` only the rows of
 * the cells in view are visited. Bins come in the order of their first member. A point on the
 * view's east or north side counts in the last cell of its row or column. Each cell's bin is found
 * in a typed array of slots (a Map lookup per row cost as much as the rest of the work together).
 */
export function binPoints(table: MerchantTable, bounds: Bounds, cellDegrees: number, accept: RowFilter, index?: PointIndex): PointBins {
  const [west, south, east, north] = bounds;
  const columns = Math.max(1, Math.ceil((east - west) / cellDegrees));
  const rows = Math.max(1, Math.ceil((north - south) / cellDegrees));
  const grid = columns * rows <= MAX_SLOT_GRID ? new Int32Array(columns * rows).fill(-1) : null;
  const slot = new Map<number, number>();
  const sumLon: number[] = [];
  const sumLat: number[] = [];
  const count: number[] = [];
  const withQr: number[] = [];
  const { lon, lat, hasQr } = table;
  visitRowsInView(table, bounds, accept, index, (row) => {
    const x = lon[row] as number;
    const y = lat[row] as number;
    const key = Math.min(rows - 1, Math.floor((y - south) / cellDegrees)) * columns + Math.min(columns - 1, Math.floor((x - west) / cellDegrees));
    let bin = grid ? (grid[key] as number) : (slot.get(key) ?? -1);
    if (bin < 0) {
      bin = count.length;
      if (grid) grid[key] = bin;
      else slot.set(key, bin);
      sumLon.push(0);
      sumLat.push(0);
      count.push(0);
      withQr.push(0);
    }
    sumLon[bin]! += x;
    sumLat[bin]! += y;
    count[bin]!++;
    if (hasQr[row] === 1) withQr[bin]!++;
    return true;
  });
  const n = count.length;
  return {
    length: n,
    lon: Float64Array.from(sumLon, (s, i) => s / (count[i] ?? 1)),
    lat: Float64Array.from(sumLat, (s, i) => s / (count[i] ?? 1)),
    count: Uint32Array.from(count),
    withQr: Uint32Array.from(withQr),
  };
}

/** Rows in view that pass the filter, in row order, up to `limit` (null when there are more: draw bins instead). */
export function rowsInView(table: MerchantTable, bounds: Bounds, accept: RowFilter, limit: number, index?: PointIndex): Uint32Array | null {
  const rows = new Uint32Array(Math.min(limit, table.count));
  let n = 0;
  let more = false;
  visitRowsInView(table, bounds, accept, index, (row) => {
    if (n === limit) {
      more = true;
      return false;
    }
    rows[n++] = row;
    return true;
  });
  return more ? null : rows.slice(0, n).sort();
}
