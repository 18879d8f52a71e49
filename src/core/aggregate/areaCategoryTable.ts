/**
 * Counts per group (area, market or street) × category, stored flat at [group * categories + category].
 * A filter change re-aggregates from this table, never from the merchant rows.
 */
export interface GroupCategoryTable {
  readonly groups: number;
  readonly categories: number;
  readonly merchants: Uint32Array;
  readonly withQr: Uint32Array;
  /** Merchants with QR that recorded at least one QR transaction last month (a sticker is not usage). */
  readonly activeQr: Uint32Array;
}

/** A table from counts already aggregated elsewhere (cells for the same group and category add up). */
export function tableFromCells(
  cells: readonly { readonly area: number; readonly category: number; readonly merchants: number; readonly withQr: number; readonly activeQr: number }[],
  groups: number,
  categories: number,
): GroupCategoryTable {
  const size = groups * categories;
  const merchants = new Uint32Array(size);
  const withQr = new Uint32Array(size);
  const activeQr = new Uint32Array(size);
  for (const c of cells) {
    const cell = c.area * categories + c.category;
    merchants[cell]! += c.merchants;
    withQr[cell]! += c.withQr;
    activeQr[cell]! += c.activeQr;
  }
  return { groups, categories, merchants, withQr, activeQr };
}

/** One pass over the merchant columns; rows whose group is -1 are left out. */
export function aggregateByGroupCategory(
  groupOf: Int32Array,
  groups: number,
  category: Uint16Array,
  categories: number,
  hasQr: Uint8Array,
  txCountMonth: Uint32Array,
): GroupCategoryTable {
  const size = groups * categories;
  const merchants = new Uint32Array(size);
  const withQr = new Uint32Array(size);
  const activeQr = new Uint32Array(size);
  const n = groupOf.length;
  for (let row = 0; row < n; row++) {
    const group = groupOf[row] ?? -1;
    if (group < 0) continue;
    const cell = group * categories + (category[row] ?? 0);
    merchants[cell]!++;
    if (hasQr[row] === 1) {
      withQr[cell]!++;
      if ((txCountMonth[row] ?? 0) > 0) activeQr[cell]!++;
    }
  }
  return { groups, categories, merchants, withQr, activeQr };
}
