/**
 * The yardsticks, run in the same process on the same data: Papa Parse for the CSV, a plain
 * flatbush + turf point-in-polygon join, and supercluster for the merchant points.
 */
import Flatbush from 'flatbush';
import Papa from 'papaparse';
import Supercluster from 'supercluster';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, GeoJsonProperties, Point, Polygon } from 'geojson';

/** Papa Parse as the app's tests use it; returns the data rows parsed (all chunks). */
export function papaParse(chunks: readonly string[]): number {
  let rows = 0;
  for (const text of chunks) {
    const result = Papa.parse<Record<string, unknown>>(text, { header: true, dynamicTyping: true, skipEmptyLines: true });
    rows += result.data.length;
  }
  return rows;
}

/**
 * The straightforward join: an R-tree over each polygon's bounding box, then turf's
 * booleanPointInPolygon on each candidate, first hit wins. Area index per point, -1 for none.
 */
export function turfJoin(areas: FeatureCollection<Polygon>, lon: Float64Array, lat: Float64Array): Int32Array {
  const features = areas.features;
  const tree = new Flatbush(features.length);
  for (const feature of features) {
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const [x = NaN, y = NaN] of feature.geometry.coordinates[0] ?? []) {
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    tree.add(minX, minY, maxX, maxY);
  }
  tree.finish();
  const areaOf = new Int32Array(lon.length).fill(-1);
  for (let row = 0; row < lon.length; row++) {
    const x = lon[row] ?? NaN, y = lat[row] ?? NaN;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    for (const candidate of tree.search(x, y, x, y)) {
      const feature = features[candidate];
      if (feature && booleanPointInPolygon([x, y], feature)) {
        areaOf[row] = candidate;
        break;
      }
    }
  }
  return areaOf;
}

/** Polygons whose bounding box holds the point, averaged over at most `sample` rows (untimed; explains the join cost). */
export function candidatesPerPoint(areas: FeatureCollection<Polygon>, lon: Float64Array, lat: Float64Array, sample = 200_000): number {
  const tree = new Flatbush(areas.features.length);
  for (const feature of areas.features) {
    const xs = (feature.geometry.coordinates[0] ?? []).map((p) => p[0] ?? NaN), ys = (feature.geometry.coordinates[0] ?? []).map((p) => p[1] ?? NaN);
    tree.add(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys));
  }
  tree.finish();
  const n = Math.min(sample, lon.length);
  let total = 0;
  for (let row = 0; row < n; row++) total += tree.search(lon[row] ?? NaN, lat[row] ?? NaN, lon[row] ?? NaN, lat[row] ?? NaN).length;
  return n > 0 ? total / n : NaN;
}

export interface Agreement {
  /** Share of merchants with the same area in both joins, boundary points left out. */
  readonly agreement: number;
  /** Rows whose areas differ although the point is farther than the tolerance from both boundaries. */
  readonly disagreements: number;
  /** Rows whose areas differ with the point within the tolerance of a boundary (left out). */
  readonly onBoundary: number;
  /** A few disagreeing rows, for the report. */
  readonly examples: readonly string[];
}

/** Compares two joins; distances to the boundaries are computed for the rows that differ only. */
export function compareJoins(ours: Int32Array, turf: Int32Array, areas: FeatureCollection<Polygon>, lon: Float64Array, lat: Float64Array, tolerance = 1e-9): Agreement {
  let differ = 0, onBoundary = 0;
  const examples: string[] = [];
  for (let row = 0; row < ours.length; row++) {
    const a = ours[row] ?? -1, b = turf[row] ?? -1;
    if (a === b) continue;
    differ++;
    const x = lon[row] ?? NaN, y = lat[row] ?? NaN;
    const distance = Math.min(boundaryDistance(areas.features[a], x, y), boundaryDistance(areas.features[b], x, y));
    if (distance < tolerance) onBoundary++;
    else if (examples.length < 5) examples.push(`row ${row}: ${y}, ${x} ours=${a} turf=${b} distance=${distance.toExponential(2)}°`);
  }
  const counted = ours.length - onBoundary;
  return { agreement: counted > 0 ? (counted - (differ - onBoundary)) / counted : 1, disagreements: differ - onBoundary, onBoundary, examples };
}

/** Planar distance in degrees from a point to the nearest edge of a polygon; Infinity without one. */
function boundaryDistance(feature: Feature<Polygon> | undefined, x: number, y: number): number {
  let best = Infinity;
  for (const ring of feature?.geometry.coordinates ?? []) {
    for (let i = 1; i < ring.length; i++) {
      const [ax = NaN, ay = NaN] = ring[i - 1] ?? [], [bx = NaN, by = NaN] = ring[i] ?? [];
      const dx = bx - ax, dy = by - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2)) : 0;
      best = Math.min(best, Math.hypot(x - (ax + t * dx), y - (ay + t * dy)));
    }
  }
  return best;
}

/** The clustering MapLibre runs on the merchant source (clusterRadius 50, clusterMaxZoom 14). */
export function superclusterLoad(features: Feature<Point, GeoJsonProperties>[]): Supercluster<GeoJsonProperties> {
  return new Supercluster<GeoJsonProperties>({ radius: 50, maxZoom: 14 }).load(features);
}
