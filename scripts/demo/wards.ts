/**
 * Ward polygons: Voronoi cells of seeds that are denser in the centre, kept inside an irregular
 * blob, with every shared edge made organic by the same seeded wiggle on both sides.
 */
import { area, featureCollection, intersect, kinks, point, union, voronoi } from '@turf/turf';
import type { Feature, Polygon, Position } from 'geojson';
import { toLonLat } from './geo.ts';
import { clamp, type Rng } from './random.ts';
import { COMMUNE_NAMES, WARD_NAMES } from './names.ts';

export type WardLevel = 'ward' | 'commune';

export interface WardProperties {
  ward_code: string;
  ward_name: string;
  level: WardLevel;
  parent_code: string;
  target_rate: number;
  registered_businesses: number;
}

export interface Ward {
  readonly feature: Feature<Polygon, WardProperties>;
  /** Seed position in metres from the centre. */
  readonly seed: readonly [number, number];
  /** Seed distance from the centre, 0 (centre) … ~1 (edge of the city). */
  readonly radial: number;
  /** Share of merchants with QR that the ward tends to reach (before category factors). */
  baseRate: number;
}

type XY = [number, number];

const HALF_W = 14_000;
const HALF_H = 13_000;
const BLOB_AX = 6_300;
const BLOB_AY = 5_500;
const MIN_WARDS = 30;
const MAX_WARDS = 36;

function key(p: XY): string {
  return `${p[0].toFixed(3)},${p[1].toFixed(3)}`;
}

function signedArea(ring: readonly XY[]): number {
  let s = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i] as XY;
    const b = ring[(i + 1) % ring.length] as XY;
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s / 2;
}

interface Layout {
  seeds: XY[];
  cells: XY[][];
  kept: number[];
}

function blobRadius(rng: Rng): (theta: number) => number {
  const p1 = rng.range(0, 2 * Math.PI);
  const p2 = rng.range(0, 2 * Math.PI);
  const p3 = rng.range(0, 2 * Math.PI);
  return (t) => 1 + 0.13 * Math.sin(2 * t + p1) + 0.09 * Math.sin(3 * t + p2) + 0.05 * Math.sin(5 * t + p3);
}

function tryLayout(rng: Rng): Layout {
  const spacing = (x: number, y: number): number => {
    const r = Math.hypot(x, (y * BLOB_AX) / BLOB_AY) / BLOB_AX;
    return 850 + 1_700 * Math.min(1.3, r) ** 1.5;
  };
  const seeds: XY[] = [];
  for (let attempt = 0; attempt < 8_000; attempt++) {
    const c: XY = [rng.range(-HALF_W, HALF_W), rng.range(-HALF_H, HALF_H)];
    const s = spacing(c[0], c[1]) * rng.range(0.85, 1.1);
    if (seeds.every((q) => Math.hypot(q[0] - c[0], q[1] - c[1]) >= s)) seeds.push(c);
  }
  const radius = blobRadius(rng);
  const inBlob = (p: XY): boolean => {
    const theta = Math.atan2(p[1] / BLOB_AY, p[0] / BLOB_AX);
    return Math.hypot(p[0] / BLOB_AX, p[1] / BLOB_AY) < radius(theta);
  };
  const diagram = voronoi(featureCollection(seeds.map((s) => point(s))), { bbox: [-HALF_W, -HALF_H, HALF_W, HALF_H] });
  const cells: XY[][] = diagram.features.map((f) => {
    const ring = (f.geometry.coordinates[0] ?? []).slice(0, -1).map((p): XY => [p[0] ?? 0, p[1] ?? 0]);
    return signedArea(ring) < 0 ? ring.reverse() : ring;
  });
  if (cells.length !== seeds.length) throw new Error('voronoi returned an unexpected number of cells');
  const keep = seeds.map(inBlob);
  // Fill holes: a dropped cell whose every neighbour is kept becomes part of the city.
  const edgeOwners = new Map<string, number[]>();
  cells.forEach((ring, i) => {
    ring.forEach((a, j) => {
      const b = ring[(j + 1) % ring.length] as XY;
      const k = [key(a), key(b)].sort().join('|');
      edgeOwners.set(k, [...(edgeOwners.get(k) ?? []), i]);
    });
  });
  cells.forEach((ring, i) => {
    if (keep[i]) return;
    const allKept = ring.every((a, j) => {
      const b = ring[(j + 1) % ring.length] as XY;
      const owners = edgeOwners.get([key(a), key(b)].sort().join('|')) ?? [];
      return owners.length === 2 && owners.every((o) => o === i || keep[o]);
    });
    if (allKept) keep[i] = true;
  });
  const kept = seeds.map((_, i) => i).filter((i) => keep[i]);
  return { seeds, cells, kept };
}

/** Polyline from a to b (exclusive of b) with 2–4 wiggle vertices displaced ≤ 8 % of the edge length. */
function wiggle(rng: Rng, a: XY, b: XY): XY[] {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy);
  if (len < 60) return [a];
  const n = rng.int(2, 4);
  const nx = -dy / len;
  const ny = dx / len;
  const out: XY[] = [a];
  for (let i = 1; i <= n; i++) {
    const t = clamp(i / (n + 1) + rng.range(-0.06, 0.06), 0.15, 0.85);
    const off = len * rng.range(-0.08, 0.08) * Math.sin(Math.PI * t);
    out.push([a[0] + dx * t + nx * off, a[1] + dy * t + ny * off]);
  }
  return out;
}

export function generateWards(rng: Rng): Ward[] {
  let layout: Layout | undefined;
  for (let i = 0; i < 50 && layout === undefined; i++) {
    const candidate = tryLayout(rng);
    if (candidate.kept.length >= MIN_WARDS && candidate.kept.length <= MAX_WARDS) layout = candidate;
  }
  if (layout === undefined) throw new Error('could not lay out 30–36 wards');
  const { seeds, cells, kept } = layout;

  // Order wards from the centre outwards; codes ascend in that order.
  const radialOf = (i: number): number => {
    const s = seeds[i] as XY;
    return Math.hypot(s[0] / BLOB_AX, s[1] / BLOB_AY);
  };
  const order = [...kept].sort((a, b) => radialOf(a) - radialOf(b));

  // Wiggle each unique edge once, in canonical direction; reuse it reversed for the neighbour.
  const edges = new Map<string, XY[]>();
  const rings: Position[][] = order.map((ci) => {
    const ring = cells[ci] as XY[];
    for (const p of ring) {
      if (Math.abs(p[0]) >= HALF_W - 1 || Math.abs(p[1]) >= HALF_H - 1) throw new Error('ward touches the Voronoi bbox');
    }
    const out: Position[] = [];
    ring.forEach((a, j) => {
      const b = ring[(j + 1) % ring.length] as XY;
      const ka = key(a);
      const kb = key(b);
      const forward = ka < kb;
      const k = forward ? `${ka}|${kb}` : `${kb}|${ka}`;
      let line = edges.get(k);
      if (line === undefined) {
        line = forward ? wiggle(rng, a, b) : wiggle(rng, b, a);
        edges.set(k, line);
      }
      // `line` runs from the canonical start and excludes the canonical end; emit a → b without b.
      const fromA: XY[] = forward ? line : [a, ...line.slice(1).reverse()];
      for (const p of fromA) out.push(toLonLat(p[0], p[1]));
    });
    // Remove consecutive duplicates introduced by rounding, then close the ring.
    const clean = out.filter((p, i) => {
      const q = out[(i + out.length - 1) % out.length] as Position;
      return p[0] !== q[0] || p[1] !== q[1];
    });
    const first = clean[0] as Position;
    clean.push([first[0] ?? 0, first[1] ?? 0]);
    return clean;
  });

  const phuongCount = Math.round(order.length * 0.56);
  const wardNames = rng.shuffle([...WARD_NAMES]);
  const communeNames = rng.shuffle([...COMMUNE_NAMES]);
  const wards: Ward[] = order.map((ci, i) => {
    const level: WardLevel = i < phuongCount ? 'ward' : 'commune';
    const name = level === 'ward' ? wardNames[i] : communeNames[i - phuongCount];
    if (name === undefined) throw new Error('not enough ward names');
    const radial = radialOf(ci);
    const seed = seeds[ci] as XY;
    return {
      seed: [seed[0], seed[1]],
      radial,
      baseRate: clamp(0.9 - 0.55 * radial + rng.normal(0, 0.07), 0.18, 0.92),
      feature: {
        type: 'Feature',
        properties: {
          ward_code: String(90101 + 3 * i),
          ward_name: (level === 'ward' ? `Phường ${name}` : `Xã ${name}`).normalize('NFC'),
          level,
          parent_code: '90',
          target_rate: level === 'ward' ? 0.7 : 0.5,
          registered_businesses: 0,
        },
        geometry: { type: 'Polygon', coordinates: [rings[i] as Position[]] },
      },
    };
  });

  // Not a pure radial gradient: two central laggards and one outer leader.
  const central = wards.filter((w) => w.feature.properties.level === 'ward' && w.radial > 0.15);
  const laggards = rng.shuffle([...central]).slice(0, 2);
  for (const w of laggards) w.baseRate = rng.range(0.28, 0.38);
  const outer = wards.filter((w) => w.feature.properties.level === 'commune');
  const leader = rng.pick(outer);
  leader.baseRate = rng.range(0.8, 0.88);

  validateTiling(wards.map((w) => w.feature));
  return wards;
}

function validateTiling(features: readonly Feature<Polygon, WardProperties>[]): void {
  for (const f of features) {
    const ring = f.geometry.coordinates[0] ?? [];
    const pts = ring.map((p): XY => [p[0] ?? 0, p[1] ?? 0]);
    if (signedArea(pts.slice(0, -1)) <= 0) throw new Error(`${f.properties.ward_code}: exterior ring is not counter-clockwise`);
    if (kinks(f).features.length > 0) throw new Error(`${f.properties.ward_code}: ring self-intersects`);
  }
  const total = features.reduce((s, f) => s + area(f), 0);
  const merged = union(featureCollection([...features]));
  if (merged === null) throw new Error('union of wards is empty');
  if (merged.geometry.type !== 'Polygon' || merged.geometry.coordinates.length !== 1) {
    throw new Error('wards do not form one polygon without holes');
  }
  const unionArea = area(merged);
  if (Math.abs(total - unionArea) / unionArea > 0.001) {
    throw new Error(`ward areas sum ${total.toFixed(0)} m² but their union is ${unionArea.toFixed(0)} m²`);
  }
  for (let i = 0; i < features.length; i++) {
    for (let j = i + 1; j < features.length; j++) {
      const a = features[i] as Feature<Polygon, WardProperties>;
      const b = features[j] as Feature<Polygon, WardProperties>;
      const overlap = intersect(featureCollection<Polygon>([a, b]));
      if (overlap === null) continue;
      const smaller = Math.min(area(a), area(b));
      if (area(overlap) >= 1e-6 * smaller) {
        throw new Error(`wards ${a.properties.ward_code} and ${b.properties.ward_code} overlap`);
      }
    }
  }
}
