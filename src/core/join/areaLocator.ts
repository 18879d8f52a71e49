import Flatbush from 'flatbush';
import { polygonsOf, type Area } from '../geo/area.ts';
import { buildAreaGrid } from './areaGrid.ts';

/** Finds the area that contains a point; -1 when none does. */
export interface AreaLocator {
  locate(lon: number, lat: number): number;
}

interface PolygonPart {
  readonly area: number;
  /** Ring coordinates as flat [lon, lat, lon, lat, …]; closed rings. */
  readonly rings: readonly Float64Array[];
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
 * the few edges that cross their cell. Both give the same answer as testing every part with
 * `insidePolygon`, for every point, on the boundaries too.
 */
export function buildAreaLocator(areas: readonly Area[]): AreaLocator {
  const parts: (PolygonPart & { readonly box: readonly [number, number, number, number]; readonly tame: boolean })[] = [];
  areas.forEach((area, index) => {
    for (const polygon of polygonsOf(area.geometry)) {
      const rings = polygon.map(flattenRing);
      const outer = rings[0] ?? new Float64Array();
      let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
      for (let i = 0; i < outer.length; i += 2) {
        const x = outer[i] ?? NaN, y = outer[i + 1] ?? NaN;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
      let tame = true;
      for (const ring of rings) for (let i = 0; i < ring.length; i++) if (!(Math.abs(ring[i] as number) <= GRID_COORDINATE_LIMIT)) tame = false;
      parts.push({ area: index, rings, box: [minX, minY, maxX, maxY], tame });
    }
  });
  if (parts.length === 0) return { locate: () => -1 };
  const tree = new Flatbush(parts.length);
  for (const { box } of parts) tree.add(box[0], box[1], box[2], box[3]);
  tree.finish();
  /** The plain way: every part whose box holds the point, lowest area first. */
  const plainLocate = (lon: number, lat: number): number => {
    let best = -1;
    for (const partIndex of tree.search(lon, lat, lon, lat)) {
      const part = parts[partIndex];
      if (part && (best === -1 || part.area < best) && insidePolygon(part.rings, lon, lat)) best = part.area;
    }
    return best;
  };
  /** The grid, built on first use; parts with non-finite or huge coordinates stay on the plain test. */
  const gridLocate = (): ((lon: number, lat: number) => number) => {
    const grid = buildAreaGrid(parts.filter((p) => p.tame).map(({ area, rings, box }) => ({ area, rings, minX: box[0], minY: box[1], maxX: box[2], maxY: box[3] })));
    const wild = parts.filter((p) => !p.tame);
    if (wild.length === 0) return grid.locate;
    return (lon, lat) => {
      let best = grid.locate(lon, lat);
      for (const part of wild) {
        const [minX, minY, maxX, maxY] = part.box;
        if ((best === -1 || part.area < best) && lon >= minX && lon <= maxX && lat >= minY && lat <= maxY && insidePolygon(part.rings, lon, lat)) best = part.area;
      }
      return best;
    };
  };
  let plainLeft = PLAIN_QUERIES_PER_PART * parts.length;
  let fast: ((lon: number, lat: number) => number) | null = null;
  return {
    locate(lon, lat) {
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) return -1;
      if (fast) return fast(lon, lat);
      if (plainLeft-- > 0) return plainLocate(lon, lat);
      fast = gridLocate();
      return fast(lon, lat);
    },
  };
}

function flattenRing(ring: readonly (readonly number[])[]): Float64Array {
  const flat = new Float64Array(ring.length * 2);
  ring.forEach((position, i) => {
    flat[i * 2] = position[0] ?? NaN;
    flat[i * 2 + 1] = position[1] ?? NaN;
  });
  return flat;
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
