import type { CategoryDefinition } from '../manifest/types.ts';

/** Folds case, Unicode form and Vietnamese diacritics so "Thực phẩm", "thuc pham" and "THỰC PHẨM" match. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ\u00d0]/g, 'd')
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

/** Matches a category cell by id or by its Vietnamese or English label; -1 when unknown. */
export function buildCategoryMatcher(categories: readonly CategoryDefinition[]): (text: string) => number {
  const lookup = new Map<string, number>();
  categories.forEach((category, index) => {
    for (const key of [category.id, category.label.vi, category.label.en]) {
      const folded = foldText(key);
      if (!lookup.has(folded)) lookup.set(folded, index);
    }
  });
  const cache = new Map<string, number>();
  return (text) => {
    let index = cache.get(text);
    if (index === undefined) {
      index = lookup.get(foldText(text)) ?? -1;
      cache.set(text, index);
    }
    return index;
  };
}
