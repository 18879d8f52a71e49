/** Shared helpers for placing things in the generated city. */
import type { Position } from 'geojson';
import { toLonLat, type WardIndex } from './geo.ts';
import type { Rng } from './random.ts';
import type { Ward, WardProperties } from './wards.ts';

export type XY = [number, number];

export interface City {
  readonly wards: readonly Ward[];
  readonly index: WardIndex<WardProperties>;
  readonly byCode: ReadonlyMap<string, Ward>;
  /** Sub-centres of activity in metres (besides the main centre at 0,0). */
  readonly subCentres: readonly XY[];
}

export function createSubCentres(rng: Rng): XY[] {
  const n = rng.int(2, 3);
  const start = rng.range(0, 2 * Math.PI);
  return Array.from({ length: n }, (_, i): XY => {
    const a = start + (i * 2 * Math.PI) / n + rng.range(-0.4, 0.4);
    const r = rng.range(3_300, 4_800);
    return [r * Math.cos(a), r * 0.85 * Math.sin(a)];
  });
}

/**
 * A point from the activity mixture: main centre, sub-centres and a sparse background.
 * `background` is the weight of the uniform component.
 */
export function samplePoint(rng: Rng, city: City, background: number): XY {
  const weights: [number, number][] = [[-1, 0.55], ...city.subCentres.map((_, i): [number, number] => [i, 0.3 / city.subCentres.length])];
  if (background > 0) weights.push([-2, background]);
  const which = rng.weighted(weights);
  if (which === -2) return [rng.range(-9_500, 9_500), rng.range(-8_500, 8_500)];
  if (which === -1) return [rng.normal(0, 1_900), rng.normal(0, 1_700)];
  const c = city.subCentres[which] as XY;
  return [c[0] + rng.normal(0, 1_000), c[1] + rng.normal(0, 1_000)];
}

/** The ward strictly containing the metric point, with its rounded position. */
export function locate(city: City, p: XY): { ward: Ward; position: Position } | undefined {
  const position = toLonLat(p[0], p[1]);
  const f = city.index.find(position);
  if (f === undefined) return undefined;
  const ward = city.byCode.get(f.properties.ward_code);
  return ward === undefined ? undefined : { ward, position };
}

export function shortName(ward: Ward): string {
  return ward.feature.properties.ward_name.replace(/^(Phường|Xã) /u, '');
}
