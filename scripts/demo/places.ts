/** Markets (chợ) and certified street segments (tuyến phố). */
import { length } from '@turf/turf';
import type { Feature, LineString, Point } from 'geojson';
import { toLonLat } from './geo.ts';
import { STREET_NAMES } from './names.ts';
import { clamp, type Rng } from './random.ts';
import { locate, samplePoint, shortName, type City, type XY } from './city.ts';
import type { Ward } from './wards.ts';

export type PlaceStatus = 'certified' | 'in_progress' | 'not_started';

export interface MarketProperties {
  market_id: string;
  name: string;
  ward_code: string;
  grade: 1 | 2 | 3;
  stalls_total: number;
  stalls_qr: number;
  status: PlaceStatus;
}

export interface Market {
  readonly feature: Feature<Point, MarketProperties>;
  readonly xy: XY;
  readonly ward: Ward;
}

export interface StreetProperties {
  street_id: string;
  name: string;
  ward_code: string;
  status: 'certified' | 'in_progress';
  length_m: number;
}

export interface Street {
  readonly feature: Feature<LineString, StreetProperties>;
  readonly xy: readonly XY[];
}

const MARKET_PREFIXES: readonly string[] = ['', 'Bắc ', 'Nam ', 'Đông ', 'Tây ', 'Mới '];

export function generateMarkets(rng: Rng, city: City): Market[] {
  const count = rng.int(12, 16);
  const placed: { xy: XY; ward: Ward }[] = [];
  for (let attempt = 0; placed.length < count; attempt++) {
    if (attempt > 20_000) throw new Error('could not place markets');
    const xy = samplePoint(rng, city, 0.12);
    if (placed.some((m) => Math.hypot(m.xy[0] - xy[0], m.xy[1] - xy[1]) < 700)) continue;
    const here = locate(city, xy);
    if (here === undefined) continue;
    // Keep the whole ~90 m market neighbourhood inside one ward.
    const ring = Array.from({ length: 8 }, (_, k): XY => [xy[0] + 95 * Math.cos((k * Math.PI) / 4), xy[1] + 95 * Math.sin((k * Math.PI) / 4)]);
    if (!ring.every((p) => locate(city, p)?.ward === here.ward)) continue;
    placed.push({ xy, ward: here.ward });
  }
  placed.sort((a, b) => Math.hypot(...a.xy) - Math.hypot(...b.xy));
  const usedNames = new Set<string>();
  const markets = placed.map(({ xy, ward }, i): Market => {
    const grade: 1 | 2 | 3 = i < 2 ? 1 : rng.chance(i < 8 ? 0.55 : 0.2) ? 2 : 3;
    const stallsTotal = grade === 1 ? rng.int(500, 900) : grade === 2 ? rng.int(150, 450) : rng.int(40, 150);
    const ratio = clamp(ward.baseRate + rng.normal(0, 0.12) + (grade === 1 ? 0.08 : 0), 0.03, 0.97);
    let name = '';
    for (const prefix of MARKET_PREFIXES) {
      name = `Chợ ${prefix}${shortName(ward)}`;
      if (!usedNames.has(name)) break;
    }
    usedNames.add(name);
    return {
      xy,
      ward,
      feature: {
        type: 'Feature',
        properties: {
          market_id: `CHO${String(i + 1).padStart(2, '0')}`,
          name: name.normalize('NFC'),
          ward_code: ward.feature.properties.ward_code,
          grade,
          stalls_total: stallsTotal,
          stalls_qr: Math.round(stallsTotal * ratio),
          status: 'not_started',
        },
        geometry: { type: 'Point', coordinates: toLonLat(xy[0], xy[1]) },
      },
    };
  });
  // At least three certified markets: lift the best ones over the 80 % line.
  const ranked = [...markets].sort((a, b) => ratioOf(b) - ratioOf(a));
  for (const m of ranked.slice(0, 3)) {
    const p = m.feature.properties;
    if (ratioOf(m) < 0.8) p.stalls_qr = Math.ceil(p.stalls_total * rng.range(0.82, 0.93));
  }
  for (const m of markets) {
    const p = m.feature.properties;
    const r = ratioOf(m);
    p.status = r >= 0.8 ? (rng.chance(0.85) ? 'certified' : 'in_progress') : r >= 0.25 ? 'in_progress' : 'not_started';
  }
  for (const m of ranked.slice(0, 3)) m.feature.properties.status = 'certified';
  return markets;
}

export function ratioOf(m: Market): number {
  return m.feature.properties.stalls_qr / m.feature.properties.stalls_total;
}

export function generateStreets(rng: Rng, city: City, markets: readonly Market[]): Street[] {
  const count = rng.int(6, 8);
  const names = rng.shuffle([...STREET_NAMES]);
  const lines: XY[][] = [];
  for (let attempt = 0; lines.length < count; attempt++) {
    if (attempt > 20_000) throw new Error('could not place streets');
    const total = rng.range(420, 1_450);
    const n = rng.int(4, 8);
    const step = total / (n - 1);
    let heading = rng.range(0, 2 * Math.PI);
    const start = samplePoint(rng, city, 0);
    const pts: XY[] = [start];
    for (let k = 1; k < n; k++) {
      heading += rng.normal(0, 0.16);
      const prev = pts[k - 1] as XY;
      pts.push([prev[0] + step * Math.cos(heading), prev[1] + step * Math.sin(heading)]);
    }
    const mid = pointAlong(pts, total / 2).p;
    if (lines.some((l) => dist(pointAlong(l, lineLength(l) / 2).p, mid) < 1_200)) continue;
    if (markets.some((m) => pts.some((p) => dist(p, m.xy) < 250))) continue;
    // The street and its 30 m frontage must lie inside the city.
    let inside = true;
    for (let d = 0; d <= total && inside; d += 50) {
      const { p, nx, ny } = pointAlong(pts, d);
      for (const s of [-30, 0, 30]) if (locate(city, [p[0] + nx * s, p[1] + ny * s]) === undefined) inside = false;
    }
    if (inside) lines.push(pts);
  }
  const statuses = rng.shuffle(lines.map((_, i): 'certified' | 'in_progress' => (i % 2 === 0 ? 'certified' : 'in_progress')));
  return lines.map((pts, i): Street => {
    const coordinates = pts.map((p) => toLonLat(p[0], p[1]));
    const geometry: LineString = { type: 'LineString', coordinates };
    const here = locate(city, pointAlong(pts, lineLength(pts) / 2).p);
    if (here === undefined) throw new Error('street midpoint outside the city');
    const name = names[i];
    if (name === undefined) throw new Error('not enough street names');
    return {
      xy: pts,
      feature: {
        type: 'Feature',
        properties: {
          street_id: `TP${String(i + 1).padStart(2, '0')}`,
          name: name.normalize('NFC'),
          ward_code: here.ward.feature.properties.ward_code,
          status: statuses[i] ?? 'in_progress',
          length_m: Math.round(length({ type: 'Feature', properties: {}, geometry }, { units: 'kilometers' }) * 1000),
        },
        geometry,
      },
    };
  });
}

function dist(a: XY, b: XY): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

export function lineLength(pts: readonly XY[]): number {
  let s = 0;
  for (let i = 1; i < pts.length; i++) s += dist(pts[i - 1] as XY, pts[i] as XY);
  return s;
}

/** Point at distance d along a metric polyline, with the unit normal of that segment. */
export function pointAlong(pts: readonly XY[], d: number): { p: XY; nx: number; ny: number } {
  let rest = d;
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1] as XY;
    const b = pts[i] as XY;
    const len = dist(a, b);
    if (rest <= len || i === pts.length - 1) {
      const t = len === 0 ? 0 : Math.min(1, rest / len);
      return { p: [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t], nx: -(b[1] - a[1]) / len, ny: (b[0] - a[0]) / len };
    }
    rest -= len;
  }
  throw new Error('pointAlong on an empty line');
}
