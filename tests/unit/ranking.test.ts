import { describe, expect, it } from 'vitest';
import type { AdoptionView, AreaStat } from '../../src/core/aggregate/adoptionView.ts';
import { rankAreas } from '../../src/store/ranking.ts';

function view(areas: readonly [merchants: number, withQr: number][]): AdoptionView {
  const stats: AreaStat[] = areas.map(([merchants, withQr], index) => ({
    index,
    counts: { merchants, withQr, activeQr: 0 },
    rate: merchants > 0 ? withQr / merchants : NaN,
    classIndex: 0,
  }));
  return { areas: stats, breaks: [], classCounts: [], noData: 0, totals: { merchants: 0, withQr: 0, activeQr: 0 }, streets: [] };
}

const byIndex = (a: number, b: number) => a - b;

describe('rankAreas', () => {
  // Rates: 0 → 0.5, 1 → none, 2 → 0.25, 3 → 0.5, 4 → 1.
  const areas = view([[4, 2], [0, 0], [4, 1], [2, 1], [1, 1]]);

  it('ranks by rate, highest first, ties by name and areas without data last', () => {
    expect(rankAreas(areas, { key: 'rate', descending: true }, byIndex)).toEqual([4, 0, 3, 2, 1]);
  });

  it('keeps areas without data last when sorting the lowest rate first', () => {
    expect(rankAreas(areas, { key: 'rate', descending: false }, byIndex)).toEqual([2, 0, 3, 4, 1]);
  });

  it('ranks by number of merchants', () => {
    expect(rankAreas(areas, { key: 'merchants', descending: true }, byIndex)).toEqual([0, 2, 3, 4, 1]);
  });
});
