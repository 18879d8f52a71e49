import Flatbush from 'flatbush';
import { polygonsOf, type Area } from '../geo/area.ts';

/** Finds the area that contains a point; -1 when none does. */
export interface AreaLocator {
  locate(lon: number, lat: number): number;
}

interface PolygonPart {
  readonly area: number;
  /** Ring coordinates as flat [lon, lat, lon, lat, …]; closed rings. */
  readonly rings: readonly Float64Array[];
}

/**
 * Builds a point-in-polygon locator over the areas' polygons (holes and MultiPolygon islands
 * included) behind a packed R-tree of polygon bounding boxes.
 *
 * Boundary rule: a point exactly on an edge shared by two areas belongs to exactly one of them
 * (half-open crossing test with each edge taken bottom-to-top, so both neighbours compute the
 * same sign for the same edge).
 */
export function buildAreaLocator(areas: readonly Area[]): AreaLocator {
  const parts: PolygonPart[] = [];
  areas.forEach((area, index) => {
    for (const polygon of polygonsOf(area.geometry)) {
      parts.push({ area: index, rings: polygon.map(flattenRing) });
    }
  });
  if (parts.length === 0) return { locate: () => -1 };
  const tree = new Flatbush(parts.length);
  for (const part of parts) {
    const outer = part.rings[0] ?? new Float64Array();
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let i = 0; i < outer.length; i += 2) {
      const x = outer[i] ?? NaN, y = outer[i + 1] ?? NaN;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    tree.add(minX, minY, maxX, maxY);
  }
  tree.finish();
  return {
    locate(lon, lat) {
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) return -1;
      const found = tree.search(lon, lat, lon, lat);
      let best = -1;
      for (const partIndex of found) {
        const part = parts[partIndex];
        if (part && (best === -1 || part.area < best) && insidePolygon(part.rings, lon, lat)) best = part.area;
      }
      return best;
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
