import { ownProperty, type FeatureInput } from './featureInput.ts';

/** Which input a GeoJSON file is, by the geometry most of its features have. */
export type GeoJsonKind = 'areas' | 'markets' | 'streets';

const KIND_OF_TYPE: Readonly<Record<string, GeoJsonKind>> = {
  Polygon: 'areas', MultiPolygon: 'areas', Point: 'markets', MultiPoint: 'markets', LineString: 'streets', MultiLineString: 'streets',
};

/**
 * Areas (Polygon, MultiPolygon), markets (Point) or streets (LineString), by majority of the
 * features' geometry types (ties: areas, then markets); null when no feature has a known geometry.
 */
export function geoJsonKind(features: readonly FeatureInput[]): GeoJsonKind | null {
  const counts: Record<GeoJsonKind, number> = { areas: 0, markets: 0, streets: 0 };
  for (const feature of features) {
    const type = ownProperty(feature.geometry, 'type');
    const kind = typeof type === 'string' && Object.prototype.hasOwnProperty.call(KIND_OF_TYPE, type) ? KIND_OF_TYPE[type] : undefined;
    if (kind) counts[kind]++;
  }
  const best = (['areas', 'markets', 'streets'] as const).reduce((a, b) => (counts[b] > counts[a] ? b : a));
  return counts[best] > 0 ? best : null;
}
