import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { buildAreaLocator } from '../../src/core/join/areaLocator.ts';
import { buildAreaGrid, type AreaGridOptions } from '../../src/core/join/areaGrid.ts';
import { polygonsOf } from '../../src/core/geo/area.ts';
import { area, closed, gridParts, N, probes, reference, S, scene, X, Y } from '../support/areaScene.ts';

const OPTIONS: readonly AreaGridOptions[] = [
  {},
  { refineAfter: 1 },
  { cellsPerPart: 1, maxDepth: 0 },
  { cellsPerPart: 1, eagerDepth: 4, maxDepth: 4, maxCellWork: 1, maxSplit: 3 },
  { cellsPerPart: 4096, maxCellWork: 2, refineAfter: 2 },
  { cellsPerPart: 64, eagerDepth: 1, maxDepth: 2, maxCellWork: 3, refineAfter: 3, maxSplit: 7 },
];

describe('area grid: the same answer as the even-odd test over all parts', () => {
  for (const seed of [1, 2, 3]) {
    const areas = scene(20250700 + seed);
    const points = probes(areas, seed);
    const expected = reference(areas);
    const want = points.map(([x, y]) => expected(x, y));

    it(`buildAreaLocator agrees on ${points.length} points, vertices and edges included (scene ${seed})`, () => {
      expect(points.length).toBeGreaterThanOrEqual(20_000);
      const locator = buildAreaLocator(areas);
      // Twice: the second pass runs on the cells the first one split.
      for (let pass = 0; pass < 2; pass++) {
        const wrong = points.filter(([x, y], i) => locator.locate(x, y) !== want[i]);
        expect(wrong.slice(0, 5)).toEqual([]);
      }
      // The scene exercises every case: inside, outside, holes, the island, the overlap.
      const found = new Set(want);
      for (const index of [-1, 0, N * N, N * N + 1, N * N + 2, N * N + 3]) expect(found.has(index)).toBe(true);
    });

    for (const options of OPTIONS) {
      it(`buildAreaGrid ${JSON.stringify(options)} agrees (scene ${seed})`, () => {
        const grid = buildAreaGrid(gridParts(areas), options);
        for (let pass = 0; pass < 2; pass++) {
          const wrong = points.filter(([x, y], i) => grid.locate(x, y) !== want[i]);
          expect(wrong.slice(0, 5)).toEqual([]);
        }
        expect(grid.stats.cells).toBeGreaterThan(0);
      });
    }
  }

  it('splits busy cells, eagerly or after enough lookups', () => {
    const areas = scene(20250701);
    const eager = buildAreaGrid(gridParts(areas), { cellsPerPart: 1, eagerDepth: 4, maxDepth: 4, maxCellWork: 1 });
    expect(eager.stats.grids).toBeGreaterThan(10);
    const lazy = buildAreaGrid(gridParts(areas), { cellsPerPart: 1, refineAfter: 1 });
    const before = lazy.stats.grids;
    for (const [x, y] of probes(areas, 9)) lazy.locate(x, y);
    expect(lazy.stats.grids).toBeGreaterThan(before);
  });

  it('counts a vertex shared by wards of the jittered grid, and points on their shared edges, in exactly one ward', () => {
    const areas = scene(20250702).slice(0, N * N);
    const alone = areas.map((a) => buildAreaLocator([a]));
    const wardsAt = new Map<string, number>();
    for (const a of areas) for (const [x, y] of new Set((polygonsOf(a.geometry)[0]?.[0] ?? []).map((p) => `${p[0]},${p[1]}`).map((k) => k.split(',').map(Number)))) wardsAt.set(`${x},${y}`, (wardsAt.get(`${x},${y}`) ?? 0) + 1);
    let checked = 0;
    for (const a of areas) {
      const ring = polygonsOf(a.geometry)[0]?.[0] ?? [];
      for (let k = 1; k < ring.length; k++) {
        const p = ring[k - 1] as Position, q = ring[k] as Position;
        const shared = (wardsAt.get(`${p[0]},${p[1]}`) ?? 0) >= 2 && (wardsAt.get(`${q[0]},${q[1]}`) ?? 0) >= 2;
        const onBorder = [p, q].some(([x = NaN, y = NaN]) => x === X || y === Y || x === X + N * S || y === Y + N * S);
        if (!shared || onBorder) continue;
        for (const t of [0, 0.5, 0.25]) {
          const x = (p[0] as number) + t * ((q[0] as number) - (p[0] as number)), y = (p[1] as number) + t * ((q[1] as number) - (p[1] as number));
          const holders = alone.filter((l) => l.locate(x, y) === 0).length;
          // A vertex (t = 0) is exact; an interpolated point may round off the edge, but never into two wards.
          if (t === 0) expect(holders).toBe(1);
          else expect(holders).toBeLessThanOrEqual(1);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('handles parts with non-finite or huge coordinates by the plain test', () => {
    const areas = [
      ...scene(20250703).slice(0, 4),
      area(4, { type: 'Polygon', coordinates: [closed([[X, Y], [X + 1e200, Y], [X, Y + 3 * S]])] }),
      area(5, { type: 'Polygon', coordinates: [closed([[X + S, Y + S], [NaN, Y], [X + 2 * S, Y + 2 * S]])] }),
    ];
    const locator = buildAreaLocator(areas);
    const expected = reference(areas);
    for (const [x, y] of probes(areas.slice(0, 4), 4).slice(0, 3000)) expect(locator.locate(x, y)).toBe(expected(x, y));
    expect(locator.locate(X + 10 * S, Y + S)).toBe(4);
  });
});
