import type { CategoryDefinition } from '../manifest/types.ts';
import { buildCategoryMatcher } from './categoryMatcher.ts';
import { CATEGORY_PALETTE, categoriesFromValues } from './categoriesFromData.ts';

/**
 * Categories for a file's category values: the known categories it uses keep their labels and
 * colours; each value no known category matches becomes a category of its own, coloured with the
 * palette colours the known ones leave free.
 */
export function mergeKnownCategories(values: readonly string[], known: readonly CategoryDefinition[]): CategoryDefinition[] {
  const match = buildCategoryMatcher(known);
  const used = new Set<number>();
  const unknown: string[] = [];
  for (const value of values) {
    const index = match(value);
    if (index >= 0) used.add(index);
    else unknown.push(value);
  }
  const kept = known.filter((_, index) => used.has(index));
  const taken = new Set(kept.map((c) => c.color.toUpperCase()));
  const free = CATEGORY_PALETTE.filter((color) => !taken.has(color.toUpperCase()));
  const added = categoriesFromValues(unknown).map((category, i) => ({ ...category, color: free[i % Math.max(free.length, 1)] ?? category.color }));
  return [...kept, ...added];
}

/** Categories met so far (`knownCategories`) and a manifest's own, each id once, the first kept. */
export function knownCategoriesOf(project: { readonly manifest: { readonly categories: readonly CategoryDefinition[] }; readonly knownCategories?: readonly CategoryDefinition[] } | null): readonly CategoryDefinition[] {
  const all = [...(project?.knownCategories ?? []), ...(project?.manifest.categories ?? [])];
  return all.filter((category, index) => all.findIndex((c) => c.id === category.id) === index);
}
