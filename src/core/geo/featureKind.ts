import { ownProperty, type FeatureInput } from './featureInput.ts';
import { GeometryFault, leafGeometries } from './geometryInput.ts';

/** Which input a GeoJSON file is, by the geometry most of its features have. */
export type GeoJsonKind = 'areas' | 'markets' | 'streets';

const KIND_OF_TYPE: Readonly<Record<string, GeoJsonKind>> = {
  Polygon: 'areas', MultiPolygon: 'areas', Point: 'markets', MultiPoint: 'markets', LineString: 'streets', MultiLineString: 'streets',
};
const KINDS = ['areas', 'markets', 'streets'] as const;

const kindOfType = (type: unknown): GeoJsonKind | undefined =>
  typeof type === 'string' && Object.prototype.hasOwnProperty.call(KIND_OF_TYPE, type) ? KIND_OF_TYPE[type] : undefined;

/** The kind most counted (ties: areas, then markets), or null when nothing was counted. */
function majority(counts: Readonly<Record<GeoJsonKind, number>>): GeoJsonKind | null {
  const best = KINDS.reduce((a, b) => (counts[b] > counts[a] ? b : a));
  return counts[best] > 0 ? best : null;
}

/** The kind of one geometry; a GeometryCollection counts as the kind most of its members have. */
function kindOfGeometry(geometry: unknown): GeoJsonKind | undefined {
  if (ownProperty(geometry, 'type') !== 'GeometryCollection') return kindOfType(ownProperty(geometry, 'type'));
  const leaves = leafGeometries(geometry);
  if (leaves instanceof GeometryFault) return undefined;
  const counts: Record<GeoJsonKind, number> = { areas: 0, markets: 0, streets: 0 };
  for (const leaf of leaves) {
    const kind = kindOfType(leaf.type);
    if (kind) counts[kind]++;
  }
  return majority(counts) ?? undefined;
}

/**
 * Areas (Polygon, MultiPolygon), markets (Point, MultiPoint) or streets (LineString,
 * MultiLineString), by majority of the features' geometry types (ties: areas, then markets); a
 * GeometryCollection counts once, as the kind most of its members have. Null when no feature has a
 * known geometry.
 */
export function geoJsonKind(features: readonly FeatureInput[]): GeoJsonKind | null {
  const counts: Record<GeoJsonKind, number> = { areas: 0, markets: 0, streets: 0 };
  for (const feature of features) {
    const kind = kindOfGeometry(feature.geometry);
    if (kind) counts[kind]++;
  }
  return majority(counts);
}
