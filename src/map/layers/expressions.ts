import type { ExpressionSpecification } from 'maplibre-gl';

/**
 * `['match', input, 0, values[0], 1, values[1], …, fallback]`: picks a value by a 0-based index.
 * MapLibre's tuple type cannot spell a variable number of pairs, hence the one cast here.
 */
export function matchByIndex(input: ExpressionSpecification, values: readonly string[], fallback: string): ExpressionSpecification {
  if (values.length === 0) return ['to-color', fallback];
  const pairs = values.flatMap((value, index) => [index, value]);
  return ['match', input, ...pairs, fallback] as unknown as ExpressionSpecification;
}
