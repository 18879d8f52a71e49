import type { ClassificationMethod } from '../manifest/types.ts';
import { equalIntervalBreaks } from './equalInterval.ts';
import { jenksBreaks } from './jenks.ts';
import { quantileBreaks } from './quantile.ts';

/**
 * Class boundaries, ascending: breaks[0] = min, breaks[k] = max; class i holds
 * breaks[i] <= v < breaks[i+1], the last class also holds v = max.
 *
 * Breaks are strictly ascending, with two exceptions:
 * - all values equal: breaks = [v, v] (one class);
 * - quantile / jenks may end with breaks[k-1] = breaks[k] = max: the top class
 *   then holds only the values equal to the max.
 * Number of classes k = breaks.length - 1 (0 for an empty array).
 */
export type Breaks = readonly number[];

/**
 * Breaks for the given values (NaN and non-finite values ignored). Fewer
 * classes than asked when there are fewer distinct values
 * (k = min(classes, distinct values)); quantile can give fewer still because
 * equal boundaries are merged. Empty array for no values. `classes` is floored
 * and treated as at least 1.
 */
export function computeBreaks(
  values: ArrayLike<number>,
  method: ClassificationMethod,
  classes: number,
): Breaks {
  const sorted = finiteSorted(values);
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  if (min === undefined || max === undefined) return [];
  if (min === max) return [min, max];

  let distinct = 1;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
  const requested = Number.isFinite(classes) ? Math.floor(classes) : 1;
  const k = Math.max(1, Math.min(requested, distinct));

  switch (method) {
    case 'quantile':
      return quantileBreaks(sorted, k);
    case 'equal-interval':
      return equalIntervalBreaks(sorted, k);
    case 'jenks':
      return jenksBreaks(sorted, k);
  }
}

/**
 * Class index 0..k-1 of a value, or -1 when value is not finite or breaks is
 * empty. Values below min go to class 0, above max to the last class.
 */
export function classOf(value: number, breaks: Breaks): number {
  if (!Number.isFinite(value) || breaks.length === 0) return -1;
  const k = Math.max(1, breaks.length - 1);
  // Largest i in [0, k-1] with breaks[i] <= value (0 if none).
  let lo = 0;
  let hi = k - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((breaks[mid] ?? Infinity) <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Number of values per class (same rules as classOf). */
export function countPerClass(values: ArrayLike<number>, breaks: Breaks): number[] {
  const counts: number[] = new Array<number>(breaks.length === 0 ? 0 : Math.max(1, breaks.length - 1)).fill(0);
  for (let i = 0; i < values.length; i++) {
    const c = classOf(values[i] ?? NaN, breaks);
    if (c >= 0) counts[c] = (counts[c] ?? 0) + 1;
  }
  return counts;
}

function finiteSorted(values: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== undefined && Number.isFinite(v)) out.push(v);
  }
  return out.sort((a, b) => a - b);
}
