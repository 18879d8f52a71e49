import type { StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import { labelFontFaces } from './fonts.ts';
import { backgroundLayer, landLayer, sovereigntyLabelLayer } from './layers/baseLayers.ts';
import { areaFillLayer, areaHighlightLayer, areaLabelLayer, areaOutlineLayer } from './layers/areaLayers.ts';
import { clusterCircleLayer, clusterCountLayer, merchantPointLayer } from './layers/merchantLayers.ts';
import { marketCircleLayer, marketLabelLayer, streetCasingLayer, streetLineLayer } from './layers/siteLayers.ts';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Where the archipelagos' names are placed (centres of Hoàng Sa and Trường Sa). */
export function sovereigntyLabels(hoangSa: string, truongSa: string): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { label: hoangSa }, geometry: { type: 'Point', coordinates: [112.0, 16.5] } },
      { type: 'Feature', properties: { label: truongSa }, geometry: { type: 'Point', coordinates: [114.3, 9.9] } },
    ],
  };
}

export interface StyleOptions {
  readonly baseUrl: string;
  readonly classColors: readonly string[];
  readonly categoryColors: readonly string[];
  readonly sovereignty: FeatureCollection<Point>;
  /** BCP 47 locale for numbers drawn on the map. */
  readonly locale: string;
}

/** The whole offline style: land, areas, streets, markets, merchants and labels, with bundled fonts. */
export function buildMapStyle(options: StyleOptions): StyleSpecification {
  return {
    version: 8,
    'font-faces': labelFontFaces(options.baseUrl),
    sources: {
      land: { type: 'geojson', data: EMPTY, attribution: 'Natural Earth' },
      sovereignty: { type: 'geojson', data: options.sovereignty },
      areas: { type: 'geojson', data: EMPTY },
      'area-labels': { type: 'geojson', data: EMPTY },
      streets: { type: 'geojson', data: EMPTY },
      markets: { type: 'geojson', data: EMPTY },
      merchants: { type: 'geojson', data: EMPTY },
    },
    layers: [
      backgroundLayer(),
      landLayer(),
      areaFillLayer(options.classColors),
      areaOutlineLayer(),
      streetCasingLayer(),
      streetLineLayer(),
      clusterCircleLayer(),
      clusterCountLayer(options.locale),
      merchantPointLayer(options.categoryColors),
      areaHighlightLayer(),
      marketCircleLayer(),
      areaLabelLayer(),
      marketLabelLayer(),
      sovereigntyLabelLayer(),
    ],
  };
}
