import type { ExpressionSpecification, FillLayerSpecification, LineLayerSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { NO_DATA_COLOR } from '../../core/classify/palette.ts';
import { LABEL_FONT } from '../fonts.ts';
import { matchByIndex } from './expressions.ts';

/** Fill colour from the class in feature state: class i takes colors[i], no class the no-data grey. */
export function classColorExpression(colors: readonly string[]): ExpressionSpecification {
  return matchByIndex(['coalesce', ['feature-state', 'cls'], -1], colors, NO_DATA_COLOR);
}

export const areaFillLayer = (colors: readonly string[]): FillLayerSpecification => ({
  id: 'area-fill',
  type: 'fill',
  source: 'areas',
  paint: {
    'fill-color': classColorExpression(colors),
    'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 0.95, 0.85],
  },
});

export const areaOutlineLayer = (): LineLayerSpecification => ({
  id: 'area-outline',
  type: 'line',
  source: 'areas',
  paint: { 'line-color': '#ffffff', 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.6, 14, 1.6] },
});

/** Hovered and selected areas: a dark ring drawn above the fills. */
export const areaHighlightLayer = (): LineLayerSpecification => ({
  id: 'area-highlight',
  type: 'line',
  source: 'areas',
  paint: {
    'line-color': '#0f172a',
    'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3, ['boolean', ['feature-state', 'hover'], false], 2, 0],
  },
});

export const areaLabelLayer = (): SymbolLayerSpecification => ({
  id: 'area-labels',
  minzoom: 8,
  type: 'symbol',
  source: 'area-labels',
  layout: {
    'text-field': ['get', 'name'],
    'text-font': [LABEL_FONT],
    'text-size': ['interpolate', ['linear'], ['zoom'], 10, 10, 14, 14],
    'text-max-width': 7,
    'text-padding': 2,
  },
  paint: { 'text-color': '#0f172a', 'text-halo-color': 'rgba(255,255,255,0.9)', 'text-halo-width': 1.4 },
});
