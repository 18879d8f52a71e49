import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { bboxClip } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Plugin } from 'vite';

const MODULE_ID = 'virtual:land';
const RESOLVED_ID = '\0' + MODULE_ID;
/** Viet Nam, its seas and the Hoàng Sa and Trường Sa archipelagos, with a margin. */
const REGION: [number, number, number, number] = [96, 3, 124, 27];

const round = (ring: Position[]) => ring.map(([x = 0, y = 0]) => [Math.round(x * 1e4) / 1e4, Math.round(y * 1e4) / 1e4]);

/**
 * Natural Earth land (1:10m, from world-atlas) clipped to the region, as a build-time module:
 * a neutral land layer with no country polygons or names, and no tile server at run time.
 */
export function buildRegionLand(): FeatureCollection<Polygon | MultiPolygon> {
  const require = createRequire(import.meta.url);
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/land-10m.json'), 'utf8')) as Topology<{ land: GeometryCollection }>;
  const land = feature(topology, topology.objects.land) as FeatureCollection<Polygon | MultiPolygon>;
  const features: Feature<Polygon | MultiPolygon>[] = [];
  for (const item of land.features) {
    const polygons = item.geometry.type === 'Polygon' ? [item.geometry.coordinates] : item.geometry.coordinates;
    for (const rings of polygons) {
      const clipped = bboxClip({ type: 'Polygon', coordinates: rings }, REGION).geometry;
      const parts: Position[][][] = clipped.type === 'Polygon' ? [clipped.coordinates] : clipped.type === 'MultiPolygon' ? clipped.coordinates : [];
      for (const part of parts) {
        const kept = part.filter((ring) => ring.length >= 4).map(round);
        if (kept.length > 0) features.push({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: kept } });
      }
    }
  }
  return { type: 'FeatureCollection', features };
}

export function landPlugin(): Plugin {
  let cached: string | undefined;
  return {
    name: 'qr-map-land',
    resolveId: (id) => (id === MODULE_ID ? RESOLVED_ID : undefined),
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      cached ??= `export default JSON.parse(${JSON.stringify(JSON.stringify(buildRegionLand()))});`;
      return cached;
    },
  };
}
