import type { CircleLayerSpecification, LineLayerSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { LABEL_FONT } from '../fonts.ts';

/** Status colours of cashless markets and streets (colour-blind-safe: blue, orange, grey). */
export const STATUS_COLORS = { certified: '#0072B2', in_progress: '#E69F00', not_started: '#6b7280', unknown: '#6b7280' } as const;

export const STREET_NO_DATA_COLOR = '#cbd5e1';

export const streetCasingLayer = (): LineLayerSpecification => ({
  id: 'street-casing',
  type: 'line',
  source: 'streets',
  layout: { 'line-cap': 'round', 'line-join': 'round' },
  paint: { 'line-color': '#0f172a', 'line-width': ['interpolate', ['linear'], ['zoom'], 11, 5, 15, 11] },
});

/** Streets coloured by the QR adoption of their merchants under the current filter (feature state `rate`, 0..1). */
export const streetLineLayer = (): LineLayerSpecification => ({
  id: 'street-line',
  type: 'line',
  source: 'streets',
  layout: { 'line-cap': 'round', 'line-join': 'round' },
  paint: {
    'line-color': [
      'case',
      ['==', ['typeof', ['feature-state', 'rate']], 'number'],
      ['interpolate', ['linear'], ['feature-state', 'rate'], 0, '#fde0c5', 0.5, '#f59e0b', 1, '#7c2d12'],
      STREET_NO_DATA_COLOR,
    ],
    'line-width': ['interpolate', ['linear'], ['zoom'], 11, 3, 15, 7],
  },
});

export const marketCircleLayer = (): CircleLayerSpecification => ({
  id: 'market-circle',
  minzoom: 8,
  type: 'circle',
  source: 'markets',
  paint: {
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 6, 15, 11],
    'circle-color': '#ffffff',
    'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 10, 3, 15, 5],
    'circle-stroke-color': ['match', ['get', 'status'], 'certified', STATUS_COLORS.certified, 'in_progress', STATUS_COLORS.in_progress, STATUS_COLORS.not_started],
  },
});

export const marketLabelLayer = (): SymbolLayerSpecification => ({
  id: 'market-labels',
  type: 'symbol',
  source: 'markets',
  minzoom: 13,
  layout: {
    'text-field': ['get', 'name'],
    'text-font': [LABEL_FONT],
    'text-size': 12,
    'text-offset': [0, 1.3],
    'text-anchor': 'top',
    'text-optional': true,
  },
  paint: { 'text-color': '#0f172a', 'text-halo-color': '#ffffff', 'text-halo-width': 1.4 },
});
