import type { AdoptionView } from '../core/aggregate/adoptionView.ts';
import type { RankingSortKey } from './appStore.ts';

/**
 * Area indexes in ranking order: by rate or merchant count, ties by name; areas without data go
 * last in both directions, so sorting ascending shows the real laggards first.
 */
export function rankAreas(
  view: AdoptionView,
  sort: { readonly key: RankingSortKey; readonly descending: boolean },
  compareNames: (a: number, b: number) => number,
): number[] {
  const value = (index: number): number => {
    const area = view.areas[index];
    if (!area) return NaN;
    return sort.key === 'rate' ? area.rate : area.counts.merchants;
  };
  return view.areas
    .map((area) => area.index)
    .sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      const aMissing = !Number.isFinite(va);
      const bMissing = !Number.isFinite(vb);
      if (aMissing !== bMissing) return aMissing ? 1 : -1;
      const diff = aMissing ? 0 : sort.descending ? vb - va : va - vb;
      return diff !== 0 ? diff : compareNames(a, b);
    });
}
