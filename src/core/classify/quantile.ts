/**
 * Quantile breaks.
 *
 * Input: finite values sorted ascending (n >= 1) and a class count k >= 1.
 * Boundary i (1..k-1) is the data value at sorted position floor(i * n / k)
 * (0-based), so every boundary is an actual data value and class i starts at
 * the value ranked floor(i * n / k). breaks[0] = min, breaks[k] = max.
 *
 * Equal boundaries are then deduplicated, so ties in the data give fewer
 * classes. One exception: an interior boundary equal to the max is kept, which
 * leaves a top class holding only the values equal to the max (e.g. the many
 * areas at a 100 % share). classOf() puts v = max into the last class, so that
 * class is well defined. This is the same shape Jenks produces when the max is
 * a class of its own.
 */
export function quantileBreaks(sorted: readonly number[], k: number): number[] {
  const n = sorted.length;
  const min = sorted[0];
  const max = sorted[n - 1];
  if (min === undefined || max === undefined) return [];
  if (min === max) return [min, max];

  const raw: number[] = [min];
  for (let i = 1; i < k; i++) {
    const v = sorted[Math.floor((i * n) / k)];
    if (v !== undefined) raw.push(v);
  }

  // Deduplicate equal boundaries (they come in ascending order).
  const breaks: number[] = [];
  for (const v of raw) {
    const last = breaks[breaks.length - 1];
    if (last === undefined || v > last) breaks.push(v);
  }
  // max closes the last class; if the last boundary already equals max it is
  // kept as a degenerate top class [max, max].
  breaks.push(max);
  return breaks;
}
