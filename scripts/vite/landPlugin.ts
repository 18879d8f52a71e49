import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { bboxClip } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Plugin } from 'vite';

const MODULE_ID = 'virtual:land';
const RESOLVED_ID = '\0' + MODULE_ID;
/** Viet Nam, its seas and the Hoàng Sa and Trường Sa archipelagos, with a wide margin beyond the map's bounds. */
const REGION: [number, number, number, number] = [84, -6, 136, 36];

/** Rounds to 0.001° (about 100 m, finer than 1:10m data) and drops the repeated positions that leaves. */
function round(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const [x = 0, y = 0] of ring) {
    const position = [Math.round(x * 1e3) / 1e3, Math.round(y * 1e3) / 1e3];
    const last = out[out.length - 1];
    if (!last || last[0] !== position[0] || last[1] !== position[1]) out.push(position);
  }
  return out;
}

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
        const kept = part.map(round).filter((ring) => ring.length >= 4);
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
