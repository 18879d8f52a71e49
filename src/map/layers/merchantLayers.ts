import type { CircleLayerSpecification, ExpressionSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { LABEL_FONT } from '../fonts.ts';
import { matchByIndex } from './expressions.ts';

/** Point colour by category index (property `c`), the same colour as the category's swatch. */
export function categoryColorExpression(colors: readonly string[]): ExpressionSpecification {
  return matchByIndex(['get', 'c'], colors, '#8c8c8c');
}

export const clusterCircleLayer = (): CircleLayerSpecification => ({
  id: 'merchant-clusters',
  minzoom: 8,
  type: 'circle',
  source: 'merchants',
  filter: ['has', 'count'],
  paint: {
    'circle-color': 'rgba(255, 255, 255, 0.88)',
    'circle-stroke-color': '#334155',
    'circle-stroke-width': 1.2,
    'circle-radius': ['step', ['get', 'count'], 10, 50, 13, 200, 17, 800, 21, 5000, 26],
  },
});

/** Bin sizes written the way the interface language writes numbers (1.134 in Vietnamese). */
export const clusterCountLayer = (locale: string): SymbolLayerSpecification => ({
  id: 'merchant-cluster-count',
  minzoom: 8,
  type: 'symbol',
  source: 'merchants',
  filter: ['has', 'count'],
  layout: {
    'text-field': ['number-format', ['get', 'count'], { locale }],
    'text-font': [LABEL_FONT],
    'text-size': 11,
    'text-allow-overlap': true,
  },
  paint: { 'text-color': '#0f172a' },
});

/** Single merchants: filled with the category colour when they have QR, hollow when they do not. */
export const merchantPointLayer = (colors: readonly string[]): CircleLayerSpecification => ({
  id: 'merchant-points',
  minzoom: 8,
  type: 'circle',
  source: 'merchants',
  filter: ['!', ['has', 'count']],
  paint: {
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, 3.5, 16, 6],
    'circle-color': ['case', ['==', ['get', 'q'], 1], categoryColorExpression(colors), '#ffffff'],
    'circle-stroke-color': ['case', ['==', ['get', 'q'], 1], '#ffffff', categoryColorExpression(colors)],
    'circle-stroke-width': ['case', ['==', ['get', 'q'], 1], 0.8, 1.8],
  },
});
