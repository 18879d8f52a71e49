/**
 * Fisher–Jenks natural breaks (Jenks 1977; same semantics as simple-statistics
 * `jenks` / `ckmeans`): the partition of the sorted values into k contiguous
 * classes minimising the total within-class sum of squared deviations, found
 * exactly by dynamic programming in O(k · m²), m = number of distinct values.
 *
 * Boundaries are data values: breaks[0] = min, breaks[i] (1..k-1) = the
 * smallest value of class i, breaks[k] = max. If the max forms a class of its
 * own, breaks[k-1] = breaks[k] = max (a degenerate top class; classOf() puts
 * v = max into the last class).
 *
 * Ties: the DP runs on the distinct values weighted by their multiplicity, so
 * equal values are never split between two classes. This loses nothing: in an
 * optimal 1-D k-means partition each value belongs to its nearest class mean,
 * so equal values can always share a class without increasing the cost.
 *
 * Large inputs: above MAX_JENKS_VALUES values the DP runs on a deterministic
 * sample of the sorted values — every ⌈n / MAX_JENKS_VALUES⌉-th value, plus the
 * max — so the result is reproducible but only approximately optimal for the
 * full data. Areas (wards) are well below this limit; merchants are not, and
 * should not be classified directly.
 */
export const MAX_JENKS_VALUES = 5000;

/** Input: finite values sorted ascending (n >= 1), k >= 1. */
export function jenksBreaks(sorted: readonly number[], k: number): number[] {
  const sample = sampleSorted(sorted, MAX_JENKS_VALUES);
  const min = sample[0];
  const max = sample[sample.length - 1];
  if (min === undefined || max === undefined) return [];
  if (min === max) return [min, max];

  // Distinct values with multiplicities.
  const vals: number[] = [];
  const weights: number[] = [];
  for (const v of sample) {
    const last = vals.length - 1;
    if (last >= 0 && vals[last] === v) weights[last] = (weights[last] ?? 0) + 1;
    else {
      vals.push(v);
      weights.push(1);
    }
  }
  const m = vals.length;
  const classes = Math.max(1, Math.min(k, m));

  // Prefix sums over the first i distinct values, shifted by the weighted mean
  // for numerical stability (SSD is shift-invariant).
  let total = 0;
  let totalW = 0;
  for (let i = 0; i < m; i++) {
    total += (vals[i] ?? 0) * (weights[i] ?? 0);
    totalW += weights[i] ?? 0;
  }
  const shift = total / totalW;
  const W = new Float64Array(m + 1);
  const S1 = new Float64Array(m + 1);
  const S2 = new Float64Array(m + 1);
  for (let i = 0; i < m; i++) {
    const w = weights[i] ?? 0;
    const x = (vals[i] ?? 0) - shift;
    W[i + 1] = (W[i] ?? 0) + w;
    S1[i + 1] = (S1[i] ?? 0) + w * x;
    S2[i + 1] = (S2[i] ?? 0) + w * x * x;
  }
  /** Sum of squared deviations of distinct values a..b-1 (weighted). */
  const ssd = (a: number, b: number): number => {
    const w = (W[b] ?? 0) - (W[a] ?? 0);
    const s = (S1[b] ?? 0) - (S1[a] ?? 0);
    const c = (S2[b] ?? 0) - (S2[a] ?? 0) - (s * s) / w;
    return c > 0 ? c : 0;
  };

  // cost[c][i]: minimal SSD of the first i distinct values in c+1 classes.
  // back[c][i]: start index of the last class in that optimum.
  const cost: Float64Array[] = [];
  const back: Int32Array[] = [];
  const first = new Float64Array(m + 1);
  for (let i = 1; i <= m; i++) first[i] = ssd(0, i);
  cost.push(first);
  back.push(new Int32Array(m + 1));
  for (let c = 1; c < classes; c++) {
    const prev = cost[c - 1] ?? first;
    const cur = new Float64Array(m + 1).fill(Infinity);
    const bk = new Int32Array(m + 1);
    // c+1 classes need at least c+1 distinct values.
    for (let i = c + 1; i <= m; i++) {
      let best = Infinity;
      let bestJ = c;
      for (let j = c; j < i; j++) {
        const v = (prev[j] ?? Infinity) + ssd(j, i);
        if (v < best) {
          best = v;
          bestJ = j;
        }
      }
      cur[i] = best;
      bk[i] = bestJ;
    }
    cost.push(cur);
    back.push(bk);
  }

  // Walk back to the class start indices.
  const starts: number[] = [];
  let end = m;
  for (let c = classes - 1; c >= 1; c--) {
    const j = back[c]?.[end] ?? 0;
    starts.push(j);
    end = j;
  }
  starts.reverse();

  const breaks: number[] = [min];
  for (const s of starts) breaks.push(vals[s] ?? max);
  breaks.push(max);
  return breaks;
}

/** Every ⌈n / limit⌉-th value of a sorted array, always including the last. */
function sampleSorted(sorted: readonly number[], limit: number): readonly number[] {
  const n = sorted.length;
  if (n <= limit) return sorted;
  const step = Math.ceil(n / limit);
  const out: number[] = [];
  for (let i = 0; i < n; i += step) {
    const v = sorted[i];
    if (v !== undefined) out.push(v);
  }
  if ((n - 1) % step !== 0) {
    const last = sorted[n - 1];
    if (last !== undefined) out.push(last);
  }
  return out;
}
