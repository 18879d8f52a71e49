import { detectDelimiter, stripBom, tokenizeCsv } from '../csv/tokenizeCsv.ts';
import { categoryId } from '../ids.ts';
import type { CategoryDefinition, MerchantColumns } from '../manifest/types.ts';
import { foldText } from './categoryMatcher.ts';
import { resolveColumns } from './resolveColumns.ts';

/** Colour-blind-safe colours (Okabe–Ito, then Paul Tol's muted scheme), repeated when there are more categories. */
export const CATEGORY_PALETTE: readonly string[] = [
  '#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7',
  '#332288', '#88CCEE', '#44AA99', '#117733', '#999933', '#DDCC77', '#CC6677', '#882255', '#AA4499',
];

/** More distinct values than this is not a category column; the rest are counted as "other". */
export const MAX_DATA_CATEGORIES = 1000;

/**
 * The distinct values of a CSV's category column (a pre-aggregated table's), in one tokenizer pass: trimmed, in
 * NFC, empty cells left out, and spellings that the category matcher treats as the same value
 * ("Thực phẩm", "thuc pham", "THỰC PHẨM") kept once, as first written. Sorted the Vietnamese
 * way (`Intl.Collator('vi')`), so the order does not depend on the order of the rows. Empty when
 * the file has no category column.
 */
export function collectCategoryValues(text: string, mapping: Partial<MerchantColumns>): string[] {
  const source = stripBom(text);
  const seen = new Map<string, string>();
  // Raw cell text → already seen, so a table of a dozen categories costs a dozen foldings.
  const raw = new Set<string>();
  let column: number | undefined;
  let header = true;
  tokenizeCsv(
    source,
    detectDelimiter(source),
    ({ fields }) => {
      if (header) {
        header = false;
        column = resolveColumns(fields.map((name) => name.trim().normalize('NFC')), mapping).indexes.category;
        return;
      }
      if (column === undefined || column >= fields.length || seen.size >= MAX_DATA_CATEGORIES) return;
      const text = fields[column] ?? '';
      if (raw.has(text)) return;
      raw.add(text);
      const value = text.trim().normalize('NFC');
      if (value === '') return;
      const folded = foldText(value);
      if (!seen.has(folded)) seen.set(folded, value);
    },
    () => {},
  );
  const collator = new Intl.Collator('vi', { numeric: true });
  return [...seen.values()].sort(collator.compare);
}

/**
 * Categories for data that comes without a project manifest: one per value (id and both labels
 * are the value as written), coloured from `CATEGORY_PALETTE` in order.
 */
export function categoriesFromValues(values: readonly string[]): CategoryDefinition[] {
  return values.map((value, index) => ({
    id: categoryId(value),
    label: { vi: value, en: value },
    color: CATEGORY_PALETTE[index % CATEGORY_PALETTE.length] ?? '#8c8c8c',
  }));
}
