/// <reference types="vite/client" />

declare module 'virtual:land' {
  import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
  const land: FeatureCollection<Polygon | MultiPolygon>;
  export default land;
}
