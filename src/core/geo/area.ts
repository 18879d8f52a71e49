import type { MultiPolygon, Polygon } from 'geojson';
import type { AreaCode } from '../ids.ts';

export type BBox = readonly [minLon: number, minLat: number, maxLon: number, maxLat: number];

/** One administrative area (province, legacy district, ward or commune) with its boundary. */
export interface Area {
  readonly code: AreaCode;
  readonly name: string;
  readonly level?: string;
  readonly parentCode?: string;
  /** Target QR adoption rate in 0..1, when the file gives one. */
  readonly targetRate?: number;
  /** Registered businesses (the denominator officials report against), when given. */
  readonly registeredBusinesses?: number;
  readonly geometry: Polygon | MultiPolygon;
  readonly bbox: BBox;
  /** Index of the feature in its file, 0-based. */
  readonly featureIndex: number;
}

/** Areas in file order with a lookup by code. */
export interface AreaSet {
  readonly areas: readonly Area[];
  readonly indexByCode: ReadonlyMap<AreaCode, number>;
}

/** Polygons of a geometry as arrays of rings (first ring outer, the rest holes). */
export function polygonsOf(geometry: Polygon | MultiPolygon): readonly (readonly (readonly number[])[][])[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

export function bboxOfRings(polygons: readonly (readonly (readonly number[])[][])[]): BBox {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const rings of polygons) {
    for (const ring of rings) {
      for (const position of ring) {
        const lon = position[0] ?? NaN;
        const lat = position[1] ?? NaN;
        if (lon < minLon) minLon = lon;
        if (lon > maxLon) maxLon = lon;
        if (lat < minLat) minLat = lat;
        if (lat > maxLat) maxLat = lat;
      }
    }
  }
  return [minLon, minLat, maxLon, maxLat];
}
