import { describe, it, expect } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { buildAreaLocator } from '../../src/core/join/areaLocator.ts';
import { joinMerchantsToAreas } from '../../src/core/join/joinMerchantsToAreas.ts';
import { readAreas, type AreasResult } from '../../src/core/geo/readAreas.ts';
import { readMerchantsCsv } from '../../src/core/merchants/readMerchantsCsv.ts';
import type { Area } from '../../src/core/geo/area.ts';
import { categoryId } from '../../src/core/ids.ts';
import { seededRandom } from '../support/random.ts';

type Ring = Position[];

/** Closed counter-clockwise ring of an axis-aligned rectangle. */
function rect(x0: number, y0: number, x1: number, y1: number): Ring {
  return [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
}
const square = (x0: number, y0: number, size: number): Ring => rect(x0, y0, x0 + size, y0 + size);
const closed = (points: readonly Position[]): Ring => [...points, points[0] as Position];

function polygon(code: string, ...rings: Ring[]): Feature<Polygon> {
  return { type: 'Feature', properties: { code, name: `Phường ${code}` }, geometry: { type: 'Polygon', coordinates: rings } };
}
function multiPolygon(code: string, ...polygons: Ring[][]): Feature<MultiPolygon> {
  return { type: 'Feature', properties: { code, name: `Phường ${code}` }, geometry: { type: 'MultiPolygon', coordinates: polygons } };
}

function areasOf(...features: Feature[]): AreasResult {
  const result = readAreas({ type: 'FeatureCollection', features }, { codeProperty: 'code', nameProperty: 'name' });
  expect(result.problems).toEqual([]);
  return result;
}

/** How many of the areas, each located on its own, contain the point. */
function containingCount(areas: readonly Area[], lon: number, lat: number): number {
  return areas.filter((area) => buildAreaLocator([area]).locate(lon, lat) === 0).length;
}

const X = 108.2;
const Y = 16.05;
const S = 0.01;

describe('buildAreaLocator: inside and outside', () => {
  const { areas } = areasOf(polygon('001', square(X, Y, S)), polygon('002', square(X + 0.05, Y, S)));
  const locator = buildAreaLocator(areas);

  it('finds the area that contains a point', () => {
    expect(locator.locate(X + 0.005, Y + 0.005)).toBe(0);
    expect(locator.locate(X + 0.055, Y + 0.002)).toBe(1);
  });

  it('returns -1 for a point in no area, including one in the gap between two bounding boxes', () => {
    expect(locator.locate(X + 0.03, Y + 0.005)).toBe(-1);
    expect(locator.locate(X + 0.005, Y + 0.5)).toBe(-1);
  });

  it('returns -1 for NaN coordinates', () => {
    expect(locator.locate(NaN, Y)).toBe(-1);
    expect(locator.locate(X, NaN)).toBe(-1);
  });

  it('returns -1 when there are no areas', () => {
    expect(buildAreaLocator([]).locate(X, Y)).toBe(-1);
  });

  it('works with a clockwise ring as well', () => {
    const clockwise = [...square(X, Y, S)].reverse();
    const { areas: cw } = areasOf(polygon('cw', clockwise));
    expect(buildAreaLocator(cw).locate(X + 0.005, Y + 0.005)).toBe(0);
    expect(buildAreaLocator(cw).locate(X + 0.015, Y + 0.005)).toBe(-1);
  });

  it('finds a point in a concave notch as outside', () => {
    // A "U": the notch between the arms is outside.
    const u = closed([[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3]].map(([x, y]) => [X + (x ?? 0) * S, Y + (y ?? 0) * S]));
    const locator = buildAreaLocator(areasOf(polygon('U', u)).areas);
    expect(locator.locate(X + 1.5 * S, Y + 2 * S)).toBe(-1);
    expect(locator.locate(X + 0.5 * S, Y + 2 * S)).toBe(0);
    expect(locator.locate(X + 2.5 * S, Y + 2 * S)).toBe(0);
    expect(locator.locate(X + 1.5 * S, Y + 0.5 * S)).toBe(0);
  });
});

describe('buildAreaLocator: holes and islands', () => {
  const outer = square(X, Y, 3 * S);
  const hole = [...square(X + S, Y + S, S)].reverse();
  const { areas } = areasOf(polygon('ring', outer, hole), polygon('island', square(X + S, Y + S, S)));
  const locator = buildAreaLocator(areas);

  it('treats a point in a hole as outside the area with the hole', () => {
    expect(buildAreaLocator([areas[0] as Area]).locate(X + 1.5 * S, Y + 1.5 * S)).toBe(-1);
    expect(buildAreaLocator([areas[0] as Area]).locate(X + 0.5 * S, Y + 1.5 * S)).toBe(0);
  });

  it('finds a point in the hole inside the island area placed in it', () => {
    expect(locator.locate(X + 1.5 * S, Y + 1.5 * S)).toBe(1);
  });

  it('finds a point between the hole and the outer ring in the area with the hole', () => {
    expect(locator.locate(X + 2.5 * S, Y + 2.5 * S)).toBe(0);
    expect(locator.locate(X + 1.5 * S, Y + 0.5 * S)).toBe(0);
  });

  it('finds both islands of a MultiPolygon', () => {
    const { areas: multi } = areasOf(
      polygon('between', square(X + 2 * S, Y, S)),
      multiPolygon('islands', [square(X, Y, S)], [square(X + 4 * S, Y + 4 * S, S)]),
    );
    const l = buildAreaLocator(multi);
    expect(l.locate(X + 0.5 * S, Y + 0.5 * S)).toBe(1);
    expect(l.locate(X + 4.5 * S, Y + 4.5 * S)).toBe(1);
    expect(l.locate(X + 2.5 * S, Y + 0.5 * S)).toBe(0);
    expect(l.locate(X + 2.5 * S, Y + 2.5 * S)).toBe(-1);
  });

  it('honours a hole in one part of a MultiPolygon', () => {
    const { areas: multi } = areasOf(multiPolygon('m', [square(X, Y, 3 * S), [...square(X + S, Y + S, S)].reverse()], [square(X + 5 * S, Y, S)]));
    const l = buildAreaLocator(multi);
    expect(l.locate(X + 1.5 * S, Y + 1.5 * S)).toBe(-1);
    expect(l.locate(X + 0.5 * S, Y + 0.5 * S)).toBe(0);
    expect(l.locate(X + 5.5 * S, Y + 0.5 * S)).toBe(0);
  });
});

describe('buildAreaLocator: shared boundaries', () => {
  /** 2 × 2 grid of squares: index = row * 2 + column, row 0 at the bottom. */
  const grid = areasOf(
    polygon('00', square(X, Y, S)),
    polygon('01', square(X + S, Y, S)),
    polygon('10', square(X, Y + S, S)),
    polygon('11', square(X + S, Y + S, S)),
  ).areas;

  it('counts a point on a shared vertical edge in exactly one area', () => {
    for (const t of [0.1, 0.25, 0.5, 0.9]) expect(containingCount(grid.slice(0, 2), X + S, Y + t * S)).toBe(1);
    expect(buildAreaLocator(grid).locate(X + S, Y + 0.5 * S)).not.toBe(-1);
  });

  it('counts a point on a shared horizontal edge in exactly one area', () => {
    const column = [grid[0] as Area, grid[2] as Area];
    for (const t of [0.1, 0.5, 0.9]) expect(containingCount(column, X + t * S, Y + S)).toBe(1);
  });

  it('counts a vertex shared by four squares in exactly one of them', () => {
    expect(containingCount(grid, X + S, Y + S)).toBe(1);
  });

  it('counts a vertex shared by two side-by-side squares on their common bottom in exactly one', () => {
    expect(containingCount(grid.slice(0, 2), X + S, Y)).toBe(1);
  });

  it('counts the touching corner of two diagonal squares in exactly one', () => {
    expect(containingCount([grid[0] as Area, grid[3] as Area], X + S, Y + S)).toBe(1);
  });

  it('never counts the touching corner of two anti-diagonal squares twice', () => {
    expect(containingCount([grid[1] as Area, grid[2] as Area], X + S, Y + S)).toBeLessThanOrEqual(1);
  });

  it('counts every point of a slanted shared edge with non-round coordinates in exactly one polygon', () => {
    const p: Position = [108.123456, 16.054321];
    const q: Position = [108.134567, 16.067891];
    const left = polygon('L', closed([[108.101234, 16.050001], p, q, [108.109876, 16.071113]]));
    const right = polygon('R', closed([p, [108.151515, 16.049999], [108.149393, 16.072727], q]));
    const { areas } = areasOf(left, right);
    let onEdge = 0;
    for (let k = 1; k < 200; k++) {
      const t = k / 200;
      const lon = (p[0] as number) + t * ((q[0] as number) - (p[0] as number));
      const lat = (p[1] as number) + t * ((q[1] as number) - (p[1] as number));
      expect(containingCount(areas, lon, lat)).toBe(1);
      onEdge++;
    }
    // The two sides of the edge go to their own polygon.
    const locator = buildAreaLocator(areas);
    expect(locator.locate(108.125, 16.0605)).toBe(0);
    expect(locator.locate(108.14, 16.0605)).toBe(1);
    expect(onEdge).toBe(199);
  });

  it('counts a point on the shared edge in one area whichever way each ring runs', () => {
    const a = polygon('a', square(X, Y, S));
    const b = polygon('b', [...square(X + S, Y, S)].reverse());
    expect(containingCount(areasOf(a, b).areas, X + S, Y + 0.3 * S)).toBe(1);
  });
});

function distanceToSegment(px: number, py: number, a: Position, b: Position): number {
  const ax = a[0] as number, ay = a[1] as number, bx = b[0] as number, by = b[1] as number;
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

describe('buildAreaLocator: agrees with turf', () => {
  const N = 4;
  const random = seededRandom(20250611);
  const jitter = () => (random() - 0.5) * 0.4 * S;
  // Corners of a 4 × 4 grid with jittered, shared positions.
  const corner: Position[][] = [];
  for (let i = 0; i <= N; i++) {
    corner.push([]);
    for (let j = 0; j <= N; j++) corner[i]?.push([X + i * S + jitter(), Y + j * S + jitter()]);
  }
  const at = (i: number, j: number) => corner[i]?.[j] as Position;
  const mid = (a: Position, b: Position, offset: Position): Position => [((a[0] as number) + (b[0] as number)) / 2 + (offset[0] as number), ((a[1] as number) + (b[1] as number)) / 2 + (offset[1] as number)];
  // A jittered midpoint on every edge, shared by both cells on either side.
  const horizontalMid = new Map<string, Position>();
  const verticalMid = new Map<string, Position>();
  for (let i = 0; i < N; i++) for (let j = 0; j <= N; j++) horizontalMid.set(`${i},${j}`, mid(at(i, j), at(i + 1, j), [0, jitter()]));
  for (let i = 0; i <= N; i++) for (let j = 0; j < N; j++) verticalMid.set(`${i},${j}`, mid(at(i, j), at(i, j + 1), [jitter(), 0]));
  const features: Feature<Polygon>[] = [];
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      const ring = closed([
        at(i, j), horizontalMid.get(`${i},${j}`) as Position,
        at(i + 1, j), verticalMid.get(`${i + 1},${j}`) as Position,
        at(i + 1, j + 1), horizontalMid.get(`${i},${j + 1}`) as Position,
        at(i, j + 1), verticalMid.get(`${i},${j}`) as Position,
      ]);
      features.push(polygon(`W${i}${j}`, ring));
    }
  }
  const { areas } = areasOf(...features);
  const locator = buildAreaLocator(areas);

  it('finds the same area as turf for 2,000 random points away from edges', () => {
    let compared = 0, inside = 0, outside = 0;
    for (let k = 0; k < 2000; k++) {
      const lon = X - 0.2 * S + random() * (N + 0.4) * S;
      const lat = Y - 0.2 * S + random() * (N + 0.4) * S;
      const nearEdge = features.some((f) => {
        const ring = f.geometry.coordinates[0] as Ring;
        return ring.some((a, e) => e > 0 && distanceToSegment(lon, lat, ring[e - 1] as Position, a) < 1e-9);
      });
      if (nearEdge) continue;
      const turfHits = features.flatMap((f, index) => (booleanPointInPolygon([lon, lat], f) ? [index] : []));
      expect(turfHits.length).toBeLessThanOrEqual(1);
      expect(locator.locate(lon, lat)).toBe(turfHits[0] ?? -1);
      compared++;
      if (turfHits.length === 1) inside++;
      else outside++;
    }
    expect(compared).toBeGreaterThan(1990);
    expect(inside).toBeGreaterThan(1500);
    expect(outside).toBeGreaterThan(20);
  });

  it('counts every shared jittered vertex and edge midpoint in exactly one cell', () => {
    for (let i = 1; i < N; i++) for (let j = 1; j < N; j++) expect(containingCount(areas, ...(at(i, j) as [number, number]))).toBe(1);
    for (let i = 0; i < N; i++) for (let j = 1; j < N; j++) expect(containingCount(areas, ...(horizontalMid.get(`${i},${j}`) as [number, number]))).toBe(1);
  });
});

describe('joinMerchantsToAreas', () => {
  const categories = [{ id: categoryId('a'), label: { vi: 'A', en: 'A' }, color: '#000000' }];
  const areasResult = areasOf(polygon('00123', square(X, Y, S)), polygon('00456', square(X + S, Y, S)));
  const locator = buildAreaLocator(areasResult.areas);
  const text = [
    'id,name,category,lat,lon,ward_code,has_qr',
    `M1,In first,a,${Y + 0.005},${X + 0.005},,1`,
    `M2,In second,a,${Y + 0.005},${X + 0.015},,0`,
    `M3,Outside,a,${Y + 0.5},${X},,1`,
    'M4,By code,a,,,00456,1',
    'M5,Unknown code,a,,,99999,1',
    `M6,On shared edge,a,${Y + 0.005},${X + S},,1`,
    `M7,Off the map with a code,a,${Y - 0.5},${X},00123,1`,
  ].join('\n');
  const table = readMerchantsCsv(text, {}, categories).table;
  const join = joinMerchantsToAreas(table, areasResult, locator);

  it('assigns merchants with coordinates by location and without by code', () => {
    expect(Array.from(join.areaOf.slice(0, 2))).toEqual([0, 1]);
    expect(join.areaOf[3]).toBe(1);
  });

  it('rejects a merchant outside every area that has no area code, with its line', () => {
    expect(join.areaOf[2]).toBe(-1);
    expect(join.problems).toContainEqual(expect.objectContaining({ code: 'merchant-outside-areas', severity: 'rejected', line: 4 }));
  });

  it('keeps a merchant outside every area by its known area code, reported as changed', () => {
    expect(join.areaOf[6]).toBe(0);
    expect(join.problems).toContainEqual(expect.objectContaining({ code: 'merchant-outside-areas-by-code', severity: 'changed', line: 8 }));
  });

  it('reports an unknown area code with its line', () => {
    expect(join.areaOf[4]).toBe(-1);
    expect(join.problems).toContainEqual({ file: 'merchants', code: 'merchant-unknown-area-code', severity: 'rejected', line: 6, detail: '99999' });
  });

  it('puts a merchant on a shared edge in one of the two areas', () => {
    expect([0, 1]).toContain(join.areaOf[5]);
  });

  it('counts the join: by location, by code, unmatched', () => {
    expect(join.matchedByLocation).toBe(3);
    expect(join.matchedByCode).toBe(2);
    expect(join.unmatched).toBe(2);
    expect(join.problems).toHaveLength(3);
  });
});
