/** Local metric projection around the city centre, rounding, land check and ward lookup. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** City centre: inland of Đà Nẵng's coast (checked against world-atlas land below). */
export const CENTER = { lat: 16.025, lon: 108.11 } as const;

const M_PER_DEG_LAT = 110_574;
const M_PER_DEG_LON = 111_320 * Math.cos((CENTER.lat * Math.PI) / 180);

/** Metres east/north of the centre → [lon, lat], rounded to 6 decimals. */
export function toLonLat(x: number, y: number): Position {
  return [round6(CENTER.lon + x / M_PER_DEG_LON), round6(CENTER.lat + y / M_PER_DEG_LAT)];
}

export function toXY(p: Position): [number, number] {
  const [lon = 0, lat = 0] = p;
  return [(lon - CENTER.lon) * M_PER_DEG_LON, (lat - CENTER.lat) * M_PER_DEG_LAT];
}

export function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

type BBox4 = [number, number, number, number];

function bboxOf(rings: readonly (readonly Position[])[]): BBox4 {
  const b: BBox4 = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) {
    for (const [x = 0, y = 0] of ring) {
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    }
  }
  return b;
}

function inBBox(b: BBox4, p: Position): boolean {
  const [x = 0, y = 0] = p;
  return x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];
}

/** Throws unless every position lies on land according to world-atlas land-10m. */
export function assertOnLand(points: readonly Position[], what: string): void {
  const require = createRequire(import.meta.url);
  const path = require.resolve('world-atlas/land-10m.json');
  const topology = JSON.parse(readFileSync(path, 'utf8')) as Topology<{ land: GeometryCollection }>;
  const land = feature(topology, topology.objects.land);
  const target = bboxOf([points]);
  const parts: Feature<Polygon>[] = [];
  const features: Feature[] = 'features' in land ? land.features : [land];
  for (const f of features) {
    const g = f.geometry;
    const polys: Position[][][] =
      g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    for (const coords of polys) {
      const b = bboxOf(coords);
      if (b[0] <= target[2] && b[2] >= target[0] && b[1] <= target[3] && b[3] >= target[1]) {
        parts.push({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: coords } });
      }
    }
  }
  for (const p of points) {
    if (!parts.some((part) => booleanPointInPolygon(p, part))) {
      throw new Error(`${what}: point ${JSON.stringify(p)} is not on land; move the centre inland`);
    }
  }
}

/** Finds the ward containing a point (bbox prefilter + turf point-in-polygon). */
export class WardIndex<P> {
  private readonly items: { bbox: BBox4; feature: Feature<Polygon | MultiPolygon, P> }[];

  constructor(features: readonly Feature<Polygon | MultiPolygon, P>[]) {
    this.items = features.map((feature) => ({
      bbox: bboxOf(
        feature.geometry.type === 'Polygon' ? feature.geometry.coordinates : feature.geometry.coordinates.flat(),
      ),
      feature,
    }));
  }

  /** All wards containing the point (boundary included); exactly one for a well-placed point. */
  containing(p: Position): Feature<Polygon | MultiPolygon, P>[] {
    return this.items.filter((it) => inBBox(it.bbox, p) && booleanPointInPolygon(p, it.feature.geometry)).map((it) => it.feature);
  }

  /** The ward strictly containing the point, or undefined when outside or on a boundary. */
  find(p: Position): Feature<Polygon | MultiPolygon, P> | undefined {
    const hits = this.containing(p);
    return hits.length === 1 ? hits[0] : undefined;
  }
}
