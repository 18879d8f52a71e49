import { describe, expect, it } from 'vitest';
import { buildAreaGrid, type AreaGridOptions } from '../../src/core/join/areaGrid.ts';
import { buildAreaLocator } from '../../src/core/join/areaLocator.ts';
import type { Area } from '../../src/core/geo/area.ts';
import { area, closed, extent, gridParts, probes, reference, S, scene, X, Y } from '../support/areaScene.ts';

function columns(points: readonly (readonly [number, number])[]): { xs: Float64Array; ys: Float64Array } {
  return { xs: Float64Array.from(points, (p) => p[0]), ys: Float64Array.from(points, (p) => p[1]) };
}

/** Points whose answer differs from the definition, as [x, y, got, want] (a few). */
function wrongAnswers(areas: readonly Area[], points: readonly (readonly [number, number])[], got: Int32Array): number[][] {
  const want = reference(areas);
  return points.flatMap(([x, y], i) => (got[i] === want(x, y) ? [] : [[x, y, got[i] ?? NaN, want(x, y)]])).slice(0, 5);
}

/** Options that split the top cells by the expected points, finely and coarsely, with finer grids below. */
const SPLIT_BY_POINTS: readonly AreaGridOptions[] = [
  {},
  { workPerCell: 1 },
  { workPerCell: 1, maxPointSplit: 3 },
  { workPerCell: 4, maxPointSplit: 7, refineAfter: 1 },
  { cellsPerPart: 1, workPerCell: 1, maxDepth: 1 },
  { cellsPerPart: 2, workPerCell: 1, maxPointSplit: 5, eagerDepth: 2, maxCellWork: 1 },
];

describe('area grid, many points at once: the same answer as the even-odd test over all parts', () => {
  for (const seed of [1, 2, 3]) {
    const areas = scene(20250710 + seed);
    const points = probes(areas, seed);
    const { xs, ys } = columns(points);

    for (const options of SPLIT_BY_POINTS) {
      it(`locateAll ${JSON.stringify(options)} agrees, with the grid split for these points (scene ${seed})`, () => {
        const grid = buildAreaGrid(gridParts(areas), options, { xs, ys });
        if (options.workPerCell === 1) expect(grid.stats.grids).toBeGreaterThan(20);
        const out = new Int32Array(points.length);
        // Twice: the second pass reads the leaves the first one wrote and the cells it split.
        for (let pass = 0; pass < 2; pass++) {
          out.fill(-7);
          grid.locateAll(xs, ys, out);
          expect(wrongAnswers(areas, points, out)).toEqual([]);
        }
        expect(points.every(([x, y], i) => grid.locate(x, y) === out[i])).toBe(true);
      });
    }
  }

  it('answers points on the far sides and corners of the extent, where the last column and row of the top grid are split', () => {
    const whole = scene(20250714);
    // The whole scene, and each ward of its jittered grid alone (its box is then the extent, and its corners are vertices).
    for (const areas of [whole, ...whole.slice(0, 64).map((a) => [{ ...a, featureIndex: 0 }])]) {
      const [minX, minY, maxX, maxY] = extent(areas);
      const border: [number, number][] = [[maxX, maxY], [minX, maxY], [maxX, minY], [minX, minY]];
      for (let k = 0; k <= 40; k++) {
        const t = k / 40;
        border.push([maxX, minY + t * (maxY - minY)], [minX + t * (maxX - minX), maxY], [maxX - 1e-12, minY + t * (maxY - minY)], [minX + t * (maxX - minX), maxY - 1e-12]);
      }
      // The vertices on the far sides, and points crowded near them so that the border cells are split.
      for (const [x, y] of probes(areas, 4)) if (x === maxX || y === maxY) border.push([x, y]);
      const crowd = [...border, ...border.map(([x, y]): [number, number] => [x - (maxX - minX) / 100, y - (maxY - minY) / 100])];
      const { xs, ys } = columns(crowd);
      for (const options of [{ workPerCell: 1 }, { workPerCell: 1, maxPointSplit: 3 }, { cellsPerPart: 1, workPerCell: 1 }]) {
        const grid = buildAreaGrid(gridParts(areas), options, { xs, ys });
        const out = new Int32Array(crowd.length);
        grid.locateAll(xs, ys, out);
        expect(wrongAnswers(areas, crowd, out)).toEqual([]);
        expect(crowd.every(([x, y], i) => grid.locate(x, y) === out[i])).toBe(true);
      }
    }
  });

  it('answers -1 for points without finite coordinates or outside every part', () => {
    const areas = scene(20250715);
    const [minX, minY, maxX, maxY] = extent(areas);
    const points: [number, number][] = [[NaN, Y], [X, NaN], [Infinity, Y], [X, -Infinity], [minX - S, minY], [maxX + S, maxY], [maxX, maxY + 1e-9], [X + S / 2, Y + S / 2]];
    const { xs, ys } = columns(points);
    const out = new Int32Array(points.length);
    buildAreaGrid(gridParts(areas), { workPerCell: 1 }, { xs, ys }).locateAll(xs, ys, out);
    expect(Array.from(out.subarray(0, 7))).toEqual([-1, -1, -1, -1, -1, -1, -1]);
    expect(out[7]).toBe(0);
  });

  it('writes a leaf when a point is first looked up in its cell, unless points were expected there', () => {
    const areas = scene(20250716);
    // A vertex shared by wards: its cell has entries, so it is answered by a leaf.
    const [x, y] = probes(areas, 6)[0] as [number, number];
    const lazy = buildAreaGrid(gridParts(areas));
    expect(lazy.stats.leaves).toBe(0);
    lazy.locate(x, y);
    expect(lazy.stats.leaves).toBe(1);
    lazy.locate(x, y);
    expect(lazy.stats.leaves).toBe(1);
    const { xs, ys } = columns(probes(areas, 6));
    expect(buildAreaGrid(gridParts(areas), {}, { xs, ys }).stats.leaves).toBeGreaterThan(10);
  });
});

describe('buildAreaLocator: locateAll', () => {
  const areas = [
    ...scene(20250717).slice(0, 6),
    area(6, { type: 'Polygon', coordinates: [closed([[X, Y], [X + 1e200, Y], [X, Y + 3 * S]])] }),
    area(7, { type: 'Polygon', coordinates: [closed([[X + S, Y + S], [NaN, Y], [X + 2 * S, Y + 2 * S]])] }),
  ];
  const points = probes(areas.slice(0, 6), 7);
  const { xs, ys } = columns([...points, [NaN, Y], [X + 10 * S, Y + S]]);

  it('gives what locate gives, for a few points (the plain test) and for many (the grid), parts with huge coordinates included', () => {
    const want = reference(areas);
    for (const count of [10, xs.length]) {
      const out = new Int32Array(count);
      buildAreaLocator(areas).locateAll(xs.subarray(0, count), ys.subarray(0, count), out);
      const wrong = Array.from(out).flatMap((got, i) => (got === want(xs[i] ?? NaN, ys[i] ?? NaN) ? [] : [[xs[i], ys[i], got]]));
      expect(wrong.slice(0, 5)).toEqual([]);
    }
    const out = new Int32Array(xs.length);
    buildAreaLocator(areas).locateAll(xs, ys, out);
    expect(out[xs.length - 2]).toBe(-1);
    expect(out[xs.length - 1]).toBe(6);
  });

  it('writes nothing past the shortest of its three arrays', () => {
    const out = new Int32Array(12).fill(-9);
    buildAreaLocator(areas).locateAll(xs.subarray(0, 10), ys, out);
    expect(Array.from(out.subarray(10))).toEqual([-9, -9]);
    const fourth = out[3];
    buildAreaLocator([]).locateAll(xs.subarray(0, 3), ys, out);
    expect(Array.from(out.subarray(0, 4))).toEqual([-1, -1, -1, fourth]);
  });
});
