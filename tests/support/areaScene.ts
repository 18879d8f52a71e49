/** A scene of wards for the join tests: a jittered grid, holes, islands and overlaps, with the points that test them. */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { insidePolygon } from '../../src/core/join/areaLocator.ts';
import type { GridPart } from '../../src/core/join/areaGrid.ts';
import { bboxOfRings, polygonsOf, type Area } from '../../src/core/geo/area.ts';
import { areaCode } from '../../src/core/ids.ts';
import { seededRandom } from './random.ts';

type Ring = Position[];

export const X = 108.2;
export const Y = 16.05;
export const S = 0.01;
export const N = 8;

export function area(index: number, geometry: Polygon | MultiPolygon): Area {
  return { code: areaCode(String(index).padStart(5, '0')), name: `Phường ${index}`, geometry, bbox: bboxOfRings(polygonsOf(geometry)), featureIndex: index };
}
export const closed = (points: readonly Position[]): Ring => [...points, points[0] as Position];
export const rect = (x0: number, y0: number, x1: number, y1: number): Ring => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
const flat = (ring: readonly (readonly number[])[]) => Float64Array.from(ring.flatMap((p) => [p[0] ?? NaN, p[1] ?? NaN]));

/**
 * The definition the grid must reproduce: the lowest area index among the polygon parts whose
 * outer-ring bounding box holds the point and whose rings hold it by the even-odd rule.
 */
export function reference(areas: readonly Area[]): (x: number, y: number) => number {
  const parts = areas.flatMap((a, index) =>
    polygonsOf(a.geometry).map((polygon) => {
      const outer = polygon[0] ?? [];
      const xs = outer.map((p) => p[0] ?? NaN), ys = outer.map((p) => p[1] ?? NaN);
      return { index, rings: polygon.map(flat), box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] as const };
    }),
  );
  return (x, y) => {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return -1;
    let best = -1;
    for (const { index, rings, box } of parts) {
      if ((best === -1 || index < best) && x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3] && insidePolygon(rings, x, y)) best = index;
    }
    return best;
  };
}

/** The extent of the areas' boxes (where a grid's far column and row are): west, south, east, north. */
export function extent(areas: readonly Area[]): [number, number, number, number] {
  return areas.reduce<[number, number, number, number]>(([a, b, c, d], x) => [Math.min(a, x.bbox[0]), Math.min(b, x.bbox[1]), Math.max(c, x.bbox[2]), Math.max(d, x.bbox[3])], [Infinity, Infinity, -Infinity, -Infinity]);
}

export function gridParts(areas: readonly Area[]): GridPart[] {
  return areas.flatMap((a, index) =>
    polygonsOf(a.geometry).map((polygon) => {
      const outer = polygon[0] ?? [];
      const xs = outer.map((p) => p[0] ?? NaN), ys = outer.map((p) => p[1] ?? NaN);
      return { area: index, rings: polygon.map(flat), minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) };
    }),
  );
}

/**
 * A jittered N × N grid of wards sharing their corners and wiggly edges (so every shared point is
 * the same double on both sides), then: a MultiPolygon with a hole and an island in it, a ward with
 * a hole filled exactly by another ward, and a ward overlapping others (the lowest index wins).
 */
export function scene(seed: number): Area[] {
  const random = seededRandom(seed);
  const jitter = () => (random() - 0.5) * 0.4 * S;
  const corner: Position[][] = [];
  for (let i = 0; i <= N; i++) {
    corner.push([]);
    for (let j = 0; j <= N; j++) {
      const inner = i > 0 && i < N && j > 0 && j < N;
      corner[i]?.push([X + i * S + (inner ? jitter() : 0), Y + j * S + (inner ? jitter() : 0)]);
    }
  }
  const at = (i: number, j: number) => corner[i]?.[j] as Position;
  /** Inner points of the shared edge a → b (both ends excluded), wiggled, listed from a to b. */
  const wiggle = new Map<string, Position[]>();
  const inner = (a: Position, b: Position, key: string): Position[] => {
    const known = wiggle.get(key);
    if (known) return known;
    const points: Position[] = [];
    const k = 1 + Math.floor(random() * 4);
    for (let s = 1; s <= k; s++) {
      const t = s / (k + 1);
      // Every other point snapped to a round latitude or longitude, so rows of points share y or x.
      const px = (a[0] as number) + t * ((b[0] as number) - (a[0] as number)) + (s % 2 === 0 ? 0 : jitter() * 0.3);
      const py = (a[1] as number) + t * ((b[1] as number) - (a[1] as number)) + (s % 2 === 0 ? jitter() * 0.3 : 0);
      points.push([px, s === 2 ? Math.round(py * 1e3) / 1e3 : py]);
    }
    wiggle.set(key, points);
    return points;
  };
  const areas: Area[] = [];
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      const bottom = inner(at(i, j), at(i + 1, j), `h${i},${j}`);
      const right = inner(at(i + 1, j), at(i + 1, j + 1), `v${i + 1},${j}`);
      const top = inner(at(i, j + 1), at(i + 1, j + 1), `h${i},${j + 1}`);
      const left = inner(at(i, j), at(i, j + 1), `v${i},${j}`);
      const ring = closed([at(i, j), ...bottom, at(i + 1, j), ...right, at(i + 1, j + 1), ...[...top].reverse(), at(i, j + 1), ...[...left].reverse()]);
      areas.push(area(areas.length, { type: 'Polygon', coordinates: [random() < 0.5 ? ring : [...ring].reverse()] }));
    }
  }
  const east = X + (N + 1) * S;
  // MultiPolygon: a square with a hole, an island inside the hole, and a far islet.
  areas.push(area(areas.length, {
    type: 'MultiPolygon',
    coordinates: [
      [rect(east, Y, east + 3 * S, Y + 3 * S), [...rect(east + S, Y + S, east + 2 * S, Y + 2 * S)].reverse()],
      [rect(east + 1.25 * S, Y + 1.25 * S, east + 1.75 * S, Y + 1.75 * S)],
      [rect(east + 4 * S, Y + 4 * S, east + 4.5 * S, Y + 4.5 * S)],
    ],
  }));
  // A ward with a slanted hole, and the ward that fills the hole exactly.
  const hole = closed([[east + 1.1 * S, Y + 5.2 * S], [east + 2.3 * S, Y + 5.05 * S], [east + 2.7 * S, Y + 6.4 * S], [east + 1.6 * S, Y + 6.9 * S]]);
  areas.push(area(areas.length, { type: 'Polygon', coordinates: [rect(east, Y + 4.8 * S, east + 3.5 * S, Y + 7.5 * S), [...hole].reverse()] }));
  areas.push(area(areas.length, { type: 'Polygon', coordinates: [hole] }));
  // An overlapping triangle from inside the grid to below it (not a tiling: the lowest index wins).
  areas.push(area(areas.length, { type: 'Polygon', coordinates: [closed([[X + 2.5 * S, Y + 2.5 * S], [X + 4.1 * S, Y - 1.7 * S], [X + 6.3 * S, Y + 3.1 * S]])] }));
  return areas;
}

/** ~20,000 points: uniform ones, every vertex, points on and along every edge, rows and columns through vertices. */
export function probes(areas: readonly Area[], seed: number): [number, number][] {
  const random = seededRandom(seed);
  const points: [number, number][] = [];
  const [minX, minY, maxX, maxY] = areas.reduce(([a, b, c, d], x) => [Math.min(a, x.bbox[0]), Math.min(b, x.bbox[1]), Math.max(c, x.bbox[2]), Math.max(d, x.bbox[3])], [Infinity, Infinity, -Infinity, -Infinity]);
  const vertices: Position[] = [];
  for (const a of areas) {
    for (const polygon of polygonsOf(a.geometry)) {
      for (const ring of polygon) {
        for (let k = 1; k < ring.length; k++) {
          const p = ring[k - 1] as Position, q = ring[k] as Position;
          const px = p[0] as number, py = p[1] as number, qx = q[0] as number, qy = q[1] as number;
          vertices.push(p);
          points.push([px, py]);
          for (const t of [0.5, 1 / 3, 0.1, 0.999]) points.push([px + t * (qx - px), py + t * (qy - py)]);
          points.push([(px + qx) / 2, py]);
          points.push([px, (py + qy) / 2]);
        }
      }
    }
  }
  while (points.length < 14_000) {
    const v = vertices[Math.floor(random() * vertices.length)] as Position;
    const x = minX - S + random() * (maxX - minX + 2 * S), y = minY - S + random() * (maxY - minY + 2 * S);
    points.push(random() < 0.5 ? [x, v[1] as number] : [v[0] as number, y]);
  }
  while (points.length < 20_000) points.push([minX - S + random() * (maxX - minX + 2 * S), minY - S + random() * (maxY - minY + 2 * S)]);
  // Grid lines of the index itself can fall anywhere: exact multiples of round steps too.
  for (let k = 0; k <= 200; k++) points.push([X + (k * S) / 20, Y + (k * S) / 25], [minX, minY + k * S / 10], [maxX, minY + k * S / 10]);
  return points;
}
