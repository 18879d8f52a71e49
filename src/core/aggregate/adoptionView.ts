import { classOf, computeBreaks, countPerClass, type Breaks } from '../classify/classify.ts';
import type { LoadedProject } from '../project/buildProject.ts';
import { countsPerGroup, qrAdoptionRate, sumCounts, type QrCounts } from './summarise.ts';

/** One area under the current filter. */
export interface AreaStat {
  readonly index: number;
  readonly counts: QrCounts;
  /** Share of merchants with QR in 0..1; NaN without merchants. */
  readonly rate: number;
  /** Class on the map, -1 for no data. */
  readonly classIndex: number;
}

/** Everything the map and panels show for one category selection. */
export interface AdoptionView {
  readonly areas: readonly AreaStat[];
  readonly breaks: Breaks;
  /** Areas per class, then the number without data. */
  readonly classCounts: readonly number[];
  readonly noData: number;
  readonly totals: QrCounts;
  /** Merchants with QR per street under the same selection (index = street). */
  readonly streets: readonly QrCounts[];
}

/** Re-aggregates from the area × category table: cost depends on areas × categories, not on merchants. */
export function deriveAdoptionView(project: LoadedProject, selected: ReadonlySet<number>): AdoptionView {
  const { method, classes } = project.manifest.classification;
  const counts = countsPerGroup(project.areaTable, selected);
  const rates = counts.map(qrAdoptionRate);
  const breaks = computeBreaks(rates, method, classes);
  const areas = counts.map((c, index) => ({ index, counts: c, rate: rates[index] ?? NaN, classIndex: classOf(rates[index] ?? NaN, breaks) }));
  return {
    areas,
    breaks,
    classCounts: countPerClass(rates, breaks),
    noData: rates.filter((r) => !Number.isFinite(r)).length,
    totals: sumCounts(counts),
    streets: countsPerGroup(project.streetTable, selected),
  };
}
