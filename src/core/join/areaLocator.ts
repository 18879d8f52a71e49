import Flatbush from 'flatbush';
import { polygonsOf, type Area } from '../geo/area.ts';
import { buildAreaGrid, type AreaGrid, type ExpectedPoints, type GridPart } from './areaGrid.ts';

/** Finds the area that contains a point; -1 when none does. */
export interface AreaLocator {
  locate(lon: number, lat: number): number;
  /** out[i] = locate(lon[i], lat[i]) for every i below the three lengths, in one pass (the index is built for these points). */
  locateAll(lon: Float64Array, lat: Float64Array, out: Int32Array): void;
}

/** A polygon part as the grid takes it, and whether its coordinates are fit for the grid. */
interface LocatorPart extends GridPart {
  readonly tame: boolean;
}

/** Coordinates beyond this (or not finite) go to the plain test: the grid's products must not overflow. */
const GRID_COORDINATE_LIMIT = 1e100;
/**
 * Points located with the R-tree (per polygon part) before the grid is built. Building the grid
 * costs about as much as testing ~50 points per part the plain way; few points (a handful of
 * markets, 100,000 merchants over 10,000 wards) never pay for it.
 */
const PLAIN_QUERIES_PER_PART = 16;

/**
 * Builds a point-in-polygon locator over the areas' polygons (holes and MultiPolygon islands
 * included): the lowest area index among the polygon parts whose outer-ring bounding box holds the
 * point and whose rings cross a rightward ray from it an odd number of times.
 *
 * Boundary rule: a point exactly on an edge shared by two areas belongs to exactly one of them
 * (half-open crossing test with each edge taken bottom-to-top, so both neighbours compute the
 * same sign for the same edge).
 *
 * Index: first a packed R-tree of the parts' bounding boxes with the full crossing test (cheap to
 * build); once enough points have been asked for (`PLAIN_QUERIES_PER_PART` per part), an exact
 * grid (see `areaGrid.ts`) where most points are answered by their cell alone and the others test
 * the few edges that cross their cell. `locateAll` with that many points builds the grid at once,
 * finer where they are dense. Both give the same answer as testing every part with
 * `insidePolygon`, for every point, on the boundaries too.
 */
export function buildAreaLocator(areas: readonly Area[]): AreaLocator {
  // All rings in one array, laid out as the grid keeps them, so that the grid need not copy them.
  let vertices = 0;
  for (const area of areas) for (const polygon of polygonsOf(area.geometry)) for (const ring of polygon) if (ring.length > 0) vertices += ring.length + 1;
  const laidOut = new Float64Array(vertices * 2);
  const parts: LocatorPart[] = [];
  let at = 0;
  for (let index = 0; index < areas.length; index++) {
    for (const polygon of polygonsOf((areas[index] as Area).geometry)) {
      const part = locatorPart(index, polygon, laidOut, at);
      for (const ring of part.rings) at += ring.length + 2;
      parts.push(part);
    }
  }
  if (parts.length === 0) return { locate: () => -1, locateAll: (lon, lat, out) => void out.fill(-1, 0, Math.min(lon.length, lat.length, out.length)) };
  let tree: Flatbush | null = null;
  /** The plain way: every part whose box holds the point, lowest area first. */
  const plainLocate = (lon: number, lat: number): number => {
    if (!tree) {
      tree = new Flatbush(parts.length);
      for (const { minX, minY, maxX, maxY } of parts) tree.add(minX, minY, maxX, maxY);
      tree.finish();
    }
    let best = -1;
    for (const partIndex of tree.search(lon, lat, lon, lat)) {
      const part = parts[partIndex];
      if (part && (best === -1 || part.area < best) && insidePolygon(part.rings, lon, lat)) best = part.area;
    }
    return best;
  };
  const wild = parts.filter((p) => !p.tame);
  /** The lowest of `best` and the areas of the parts left out of the grid that hold the point. */
  const wildLocate = (lon: number, lat: number, best: number): number => {
    for (const { area, rings, minX, minY, maxX, maxY } of wild) {
      if ((best === -1 || area < best) && lon >= minX && lon <= maxX && lat >= minY && lat <= maxY && insidePolygon(rings, lon, lat)) best = area;
    }
    return best;
  };
  /** The grid (parts with non-finite or huge coordinates stay on the plain test), finer where `expected` points are dense. */
  let grid: AreaGrid | null = null;
  const gridOf = (expected?: ExpectedPoints): AreaGrid => {
    grid ??= wild.length === 0 ? buildAreaGrid(parts, {}, expected, laidOut) : buildAreaGrid(parts.filter((p) => p.tame), {}, expected);
    return grid;
  };
  let plainLeft = PLAIN_QUERIES_PER_PART * parts.length;
  const locate = (lon: number, lat: number): number => {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return -1;
    if (!grid && plainLeft-- > 0) return plainLocate(lon, lat);
    const best = gridOf().locate(lon, lat);
    return wild.length === 0 ? best : wildLocate(lon, lat, best);
  };
  return {
    locate,
    locateAll(lon, lat, out) {
      const n = Math.min(lon.length, lat.length, out.length);
      if (!grid && n <= plainLeft) {
        for (let i = 0; i < n; i++) out[i] = locate(lon[i] as number, lat[i] as number);
        return;
      }
      gridOf({ xs: lon.subarray(0, n), ys: lat.subarray(0, n) }).locateAll(lon.subarray(0, n), lat.subarray(0, n), out);
      if (wild.length === 0) return;
      for (let i = 0; i < n; i++) {
        const x = lon[i] as number, y = lat[i] as number;
        if (Number.isFinite(x) && Number.isFinite(y)) out[i] = wildLocate(x, y, out[i] as number);
      }
    },
  };
}

/**
 * A polygon's rings as flat coordinates, written into `into` from `at` on (each ring followed by a
 * copy of its first vertex; the part keeps views of them), the box of its outer ring, and whether
 * all its coordinates are within the grid's limit.
 */
function locatorPart(area: number, polygon: readonly (readonly (readonly number[])[])[], into: Float64Array, at: number): LocatorPart {
  const rings: Float64Array[] = [];
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  let tame = true;
  for (let r = 0; r < polygon.length; r++) {
    const ring = polygon[r] as readonly (readonly number[])[];
    if (ring.length === 0) continue;
    for (let i = 0; i < ring.length; i++) {
      const position = ring[i] as readonly number[];
      const x = position[0] ?? NaN, y = position[1] ?? NaN;
      into[at + i * 2] = x;
      into[at + i * 2 + 1] = y;
      if (!(Math.abs(x) <= GRID_COORDINATE_LIMIT && Math.abs(y) <= GRID_COORDINATE_LIMIT)) tame = false;
      if (r > 0) continue;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    const end = at + ring.length * 2;
    into[end] = into[at] as number;
    into[end + 1] = into[at + 1] as number;
    rings.push(into.subarray(at, end));
    at = end + 2;
  }
  return { area, rings, minX, minY, maxX, maxY, tame };
}

/** Even-odd rule over all rings, so holes are outside. */
export function insidePolygon(rings: readonly Float64Array[], x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings) {
    const n = ring.length;
    for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
      let ax = ring[j] as number, ay = ring[j + 1] as number;
      let bx = ring[i] as number, by = ring[i + 1] as number;
      if (ay > by) {
        const tx = ax, ty = ay;
        ax = bx; ay = by; bx = tx; by = ty;
      }
      // Half-open in y: the edge counts when ay <= y < by (horizontal edges never count).
      if (ay <= y && y < by) {
        const cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
        if (cross > 0) inside = !inside;
      }
    }
  }
  return inside;
}
