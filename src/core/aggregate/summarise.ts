import type { GroupCategoryTable } from './areaCategoryTable.ts';

/** Counts for one group under the current category selection. */
export interface QrCounts {
  readonly merchants: number;
  readonly withQr: number;
  readonly activeQr: number;
}

/** Share of merchants with QR in 0..1; NaN when there are no merchants. */
export function qrAdoptionRate(counts: QrCounts): number {
  return counts.merchants > 0 ? counts.withQr / counts.merchants : NaN;
}

/** Sums the selected categories of each group: O(groups × categories), independent of merchant rows. */
export function countsPerGroup(table: GroupCategoryTable, selected: ReadonlySet<number>): QrCounts[] {
  const result: QrCounts[] = [];
  const { categories } = table;
  for (let group = 0; group < table.groups; group++) {
    let merchants = 0, withQr = 0, activeQr = 0;
    for (const category of selected) {
      if (category < 0 || category >= categories) continue;
      const cell = group * categories + category;
      merchants += table.merchants[cell] ?? 0;
      withQr += table.withQr[cell] ?? 0;
      activeQr += table.activeQr[cell] ?? 0;
    }
    result.push({ merchants, withQr, activeQr });
  }
  return result;
}

/** Counts of one group per category index. */
export function countsPerCategory(table: GroupCategoryTable, group: number): QrCounts[] {
  const result: QrCounts[] = [];
  for (let category = 0; category < table.categories; category++) {
    const cell = group * table.categories + category;
    result.push({
      merchants: table.merchants[cell] ?? 0,
      withQr: table.withQr[cell] ?? 0,
      activeQr: table.activeQr[cell] ?? 0,
    });
  }
  return result;
}

export function sumCounts(counts: readonly QrCounts[]): QrCounts {
  let merchants = 0, withQr = 0, activeQr = 0;
  for (const c of counts) {
    merchants += c.merchants;
    withQr += c.withQr;
    activeQr += c.activeQr;
  }
  return { merchants, withQr, activeQr };
}
