/**
 * Equal-interval breaks: breaks[i] = min + i * (max - min) / k, i = 0..k.
 * The last break is set to max exactly (no rounding drift).
 * Input: finite values sorted ascending (n >= 1), k >= 1.
 */
export function equalIntervalBreaks(sorted: readonly number[], k: number): number[] {
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  if (min === undefined || max === undefined) return [];
  if (min === max) return [min, max];
  const range = max - min;
  const breaks: number[] = [min];
  for (let i = 1; i < k; i++) breaks.push(min + (i * range) / k);
  breaks.push(max);
  return breaks;
}
