import { describe, expect, it } from 'vitest';
import { complementary } from '../../src/core/join/entryPairs.ts';
import { BOX_TEST, GridEntries, PARITY } from '../../src/core/join/gridEntries.ts';
import { buildAreaGrid } from '../../src/core/join/areaGrid.ts';
import { extent, gridParts, N, reference, scene } from '../support/areaScene.ts';

/**
 * Three two-vertex rings, each followed by a copy of its first vertex as the grid keeps them. An
 * edge id is the index of its first vertex: edge 0 is (0,0)→(1,2), edge 3 its reverse
 * (1,2)→(0,0), edge 6 is (1,2)→(3,3).
 */
const COORDS = Float64Array.from([0, 0, 1, 2, 0, 0, /* */ 1, 2, 0, 0, 1, 2, /* */ 1, 2, 3, 3, 1, 2]);
const FORWARD = 0, REVERSED = 3, OTHER = 6;

interface EntrySpec {
  readonly flags: number;
  readonly breaks?: readonly number[];
  readonly edges: readonly number[];
}

/** Two entries of one cell, from their flags, breaks and edge ids. */
function pair(a: EntrySpec, b: EntrySpec): [GridEntries, number, number] {
  const entries = new GridEntries(4, 8);
  const add = ({ flags, breaks = [], edges }: EntrySpec, area: number) => {
    const at = entries.open(area, area, flags);
    for (const v of breaks) entries.breaks.push(v);
    for (const e of edges) entries.edges.push(e);
    entries.close(at);
    return at;
  };
  const first = add(a, 0);
  return [entries, first, add(b, 1)];
}

const splits = (a: EntrySpec, b: EntrySpec) => {
  const [entries, first, second] = pair(a, b);
  return complementary(entries, COORDS, first, second);
};

describe('two parts that split a cell between them', () => {
  it('are found when they share their crossing edges, run either way, and their breaks, with opposite parities', () => {
    expect(splits({ flags: PARITY, breaks: [0.5, 1.5], edges: [FORWARD, OTHER] }, { flags: 0, breaks: [1.5, 0.5], edges: [OTHER, REVERSED] })).toBe(true);
    expect(splits({ flags: 0, edges: [FORWARD] }, { flags: PARITY, edges: [FORWARD] })).toBe(true);
  });

  it('are not when their parities are the same: points outside both, or inside both', () => {
    expect(splits({ flags: 0, edges: [FORWARD] }, { flags: 0, edges: [REVERSED] })).toBe(false);
    expect(splits({ flags: PARITY, edges: [FORWARD] }, { flags: PARITY, edges: [REVERSED] })).toBe(false);
  });

  it('are not when either part must have its box tested', () => {
    expect(splits({ flags: PARITY | BOX_TEST, edges: [FORWARD] }, { flags: 0, edges: [REVERSED] })).toBe(false);
    expect(splits({ flags: PARITY, edges: [FORWARD] }, { flags: BOX_TEST, edges: [REVERSED] })).toBe(false);
  });

  it('are not when their breaks differ, as a multiset', () => {
    expect(splits({ flags: PARITY, breaks: [0.5], edges: [FORWARD] }, { flags: 0, breaks: [0.75], edges: [REVERSED] })).toBe(false);
    expect(splits({ flags: PARITY, breaks: [0.5, 0.5], edges: [FORWARD] }, { flags: 0, breaks: [0.5, 0.75], edges: [REVERSED] })).toBe(false);
    expect(splits({ flags: PARITY, breaks: [0.5], edges: [FORWARD] }, { flags: 0, edges: [REVERSED] })).toBe(false);
  });

  it('are not when their crossing edges differ, as a multiset', () => {
    expect(splits({ flags: PARITY, edges: [FORWARD] }, { flags: 0, edges: [OTHER] })).toBe(false);
    expect(splits({ flags: PARITY, edges: [FORWARD, FORWARD] }, { flags: 0, edges: [REVERSED, OTHER] })).toBe(false);
    expect(splits({ flags: PARITY, edges: [FORWARD, OTHER] }, { flags: 0, edges: [REVERSED] })).toBe(false);
  });

  it('are written as one entry in the leaves of wards that tile the ground, with the same answers', () => {
    const areas = scene(20250731).slice(0, N * N);
    const grid = buildAreaGrid(gridParts(areas), { cellsPerPart: 64, refineAfter: 1 << 30 });
    const want = reference(areas);
    const wrong = lattice(extent(areas), 200, 0).filter(([x, y]) => grid.locate(x, y) !== want(x, y));
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(grid.stats.pairs).toBeGreaterThan(grid.stats.leaves / 10);
  });

  it('are not taken for one another when two wards are the same polygon: the lower wins, and outside both is outside', () => {
    const areas = scene(20250732);
    const twice = [...areas, ...areas];
    const grid = buildAreaGrid(gridParts(twice), { cellsPerPart: 64 });
    const want = reference(twice);
    const points = lattice(extent(areas), 150, 0.001);
    expect(points.filter(([x, y]) => grid.locate(x, y) !== want(x, y)).slice(0, 5)).toEqual([]);
    expect(points.filter(([x, y]) => want(x, y) === -1).length).toBeGreaterThan(100);
  });
});

/** A (steps + 1) × (steps + 1) lattice of points over a box widened by `margin` on every side. */
function lattice([minX, minY, maxX, maxY]: readonly number[], steps: number, margin: number): [number, number][] {
  const x0 = (minX ?? NaN) - margin, y0 = (minY ?? NaN) - margin, w = (maxX ?? NaN) - (minX ?? NaN) + 2 * margin, h = (maxY ?? NaN) - (minY ?? NaN) + 2 * margin;
  const points: [number, number][] = [];
  for (let i = 0; i <= steps; i++) for (let j = 0; j <= steps; j++) points.push([x0 + (w * i) / steps, y0 + (h * j) / steps]);
  return points;
}
