import type { BackgroundLayerSpecification, FillLayerSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { ITALIC_FONT } from '../fonts.ts';

export const SEA_COLOR = '#dbe7ee';
/** A warm grey, darker than the palest class (#ffffcc) so light wards stand out from the land around them. */
export const LAND_COLOR = '#e7e5df';
export const SOVEREIGNTY_LABEL_COLOR = '#35627a';

export const backgroundLayer = (): BackgroundLayerSpecification => ({
  id: 'background',
  type: 'background',
  paint: { 'background-color': SEA_COLOR },
});

export const landLayer = (): FillLayerSpecification => ({
  id: 'land',
  type: 'fill',
  source: 'land',
  paint: { 'fill-color': LAND_COLOR },
});

/** The archipelagos' names, always shown: every map used in Viet Nam must show them as Vietnamese. */
export const sovereigntyLabelLayer = (): SymbolLayerSpecification => ({
  id: 'sovereignty-labels',
  type: 'symbol',
  source: 'sovereignty',
  layout: {
    'text-field': ['get', 'label'],
    'text-font': [ITALIC_FONT],
    'text-size': 13,
    'text-max-width': 9,
    'text-allow-overlap': true,
    'text-ignore-placement': true,
  },
  paint: { 'text-color': SOVEREIGNTY_LABEL_COLOR, 'text-halo-color': SEA_COLOR, 'text-halo-width': 1.5 },
});
