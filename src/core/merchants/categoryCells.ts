import type { CategoryDefinition } from '../manifest/types.ts';
import type { DataProblem } from '../report/problems.ts';
import { ByteDictionary } from './byteDictionary.ts';
import { buildCategoryMatcher, foldText } from './categoryMatcher.ts';
import { MAX_DATA_CATEGORIES } from './categoriesFromData.ts';
import { mergeKnownCategories } from './knownCategories.ts';

/**
 * Where a merchant list's categories come from: a fixed list (a project's manifest), or the values
 * of the file's own category column, the known categories among them keeping their labels and colours.
 */
export type CategorySource = readonly CategoryDefinition[] | { readonly fromData: readonly CategoryDefinition[] };

/** A row's category before the list is known: the cell's value code, or this for an empty cell. */
const EMPTY_CELL = 0xffffffff;

/**
 * The category cells of a merchant list, read in the parsing pass. Each distinct cell (by its
 * bytes) is matched once. With a fixed list a row gets its category index at once (-1: unknown).
 * With categories from the data a row gets a provisional code, and `finish` makes the list (the
 * distinct values, spellings the matcher treats alike kept once as first written, sorted the
 * Vietnamese way) and turns the codes into indexes: no second pass over the file.
 */
export class CategoryCells {
  private readonly dictionary = new ByteDictionary(64);
  private readonly indexOf: number[] = [];
  private readonly fixed: readonly CategoryDefinition[] | null;
  private readonly known: readonly CategoryDefinition[];
  private readonly match: (text: string) => number;

  constructor(source: CategorySource) {
    this.fixed = 'fromData' in source ? null : (source as readonly CategoryDefinition[]);
    this.known = 'fromData' in source ? source.fromData : [];
    this.match = buildCategoryMatcher(this.fixed ?? []);
  }

  /** True when `rowValue` gives final indexes (a fixed list). */
  get final(): boolean {
    return this.fixed !== null;
  }

  /** The row's value: with a fixed list its category index, -1 when unknown; otherwise a provisional code. */
  rowValue(bytes: Uint8Array, start: number, end: number): number {
    if (start === end) return this.fixed ? this.match('') : EMPTY_CELL;
    const code = this.dictionary.code(bytes, start, end);
    if (!this.fixed) return code;
    return this.indexOf[code] ?? (this.indexOf[code] = this.match(this.dictionary.value(code)));
  }

  /** The text of the cell last given to `rowValue` with this value (for a problem's detail). */
  textOf(bytes: Uint8Array, start: number, end: number): string {
    return start === end ? '' : this.dictionary.value(this.dictionary.code(bytes, start, end));
  }

  /**
   * The category column of the rows given their `rowValue`s, and the list its indexes refer to
   * (fixed, or made from the values seen). With categories from the data, a row whose cell is
   * empty or beyond `MAX_DATA_CATEGORIES` values is "other" (index = the list's length) and
   * reported as changed; with a fixed list `rowValue`'s caller has done that already.
   */
  finish(values: Uint32Array, lines: Uint32Array): { readonly categories: readonly CategoryDefinition[]; readonly column: Uint16Array; readonly problems: readonly DataProblem[] } {
    if (this.fixed) return { categories: this.fixed, column: Uint16Array.from(values), problems: [] };
    const firstSpelling = new Map<string, string>();
    const texts = this.dictionary.values();
    for (const text of texts) {
      const folded = foldText(text);
      if (!firstSpelling.has(folded) && firstSpelling.size < MAX_DATA_CATEGORIES) firstSpelling.set(folded, text);
    }
    const collator = new Intl.Collator('vi', { numeric: true });
    const categories = mergeKnownCategories([...firstSpelling.values()].sort(collator.compare), this.known);
    const match = buildCategoryMatcher(categories);
    const indexes = texts.map((text) => (firstSpelling.has(foldText(text)) ? match(text) : -1));
    const column = new Uint16Array(values.length);
    const problems: DataProblem[] = [];
    for (let row = 0; row < values.length; row++) {
      const code = values[row] as number;
      const index = code === EMPTY_CELL ? -1 : (indexes[code] ?? -1);
      if (index >= 0) column[row] = index;
      else {
        column[row] = categories.length;
        problems.push({ file: 'merchants', code: 'merchant-unknown-category', severity: 'changed', line: lines[row] as number, detail: code === EMPTY_CELL ? '' : (texts[code] ?? '') });
      }
    }
    return { categories, column, problems };
  }
}
