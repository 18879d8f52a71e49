import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { LoadedProject } from '../core/project/buildProject.ts';
import { binPoints, rowsInView, type Bounds, type RowFilter } from '../core/aggregate/pointBins.ts';

/** Areas with their index as feature id, so class, hover and selection live in feature state. */
export function areasCollection(project: LoadedProject): FeatureCollection<Polygon | MultiPolygon> {
  return {
    type: 'FeatureCollection',
    features: project.areas.areas.map((area, index) => ({
      type: 'Feature',
      id: index,
      properties: { code: area.code, name: area.name },
      geometry: area.geometry,
    })),
  };
}

/** One label point per area, at the position computed when the project was built. */
export function areaLabelPoints(project: LoadedProject): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: project.areas.areas.map((area, index): Feature<Point> => ({
      type: 'Feature',
      id: index,
      properties: { name: area.name },
      geometry: { type: 'Point', coordinates: [project.areaLabels[index * 2] ?? NaN, project.areaLabels[index * 2 + 1] ?? NaN] },
    })),
  };
}

export function marketsCollection(project: LoadedProject): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: project.markets.map((market, index) => ({
      type: 'Feature',
      id: index,
      properties: { name: market.name, status: market.status },
      geometry: { type: 'Point', coordinates: [market.lon, market.lat] },
    })),
  };
}

export function streetsCollection(project: LoadedProject): FeatureCollection<LineString> {
  return {
    type: 'FeatureCollection',
    features: project.streets.map((street, index) => ({
      type: 'Feature',
      id: index,
      properties: { name: street.name, status: street.status },
      geometry: street.geometry,
    })),
  };
}

/** From this zoom on, merchants are drawn one by one when few enough are in view. */
export const POINT_ZOOM = 13;
/** Most single points drawn at once; more than this in view draws bins instead. */
export const POINT_LIMIT = 20_000;
/** Width of a bin on screen, in pixels. */
const BIN_PIXELS = 80;

/**
 * What the merchant layer shows for a view: single points (category `c`, QR flag `q`) when zoomed
 * in and few enough are in view, otherwise bins (`count`, `qr`) on a grid about BIN_PIXELS wide.
 * Built from the typed columns for the view only, never one feature per merchant of the file.
 */
export function merchantFeatures(project: LoadedProject, bounds: Bounds, zoom: number, accept: RowFilter): FeatureCollection<Point> {
  const table = project.merchants;
  if (zoom >= POINT_ZOOM) {
    const rows = rowsInView(table, bounds, accept, POINT_LIMIT, project.pointIndex);
    if (rows) {
      const features: Feature<Point>[] = [];
      for (const row of rows) {
        features.push({
          type: 'Feature',
          properties: { c: table.category[row] ?? 0, q: table.hasQr[row] ?? 0 },
          geometry: { type: 'Point', coordinates: [table.lon[row] ?? NaN, table.lat[row] ?? NaN] },
        });
      }
      return { type: 'FeatureCollection', features };
    }
  }
  const cellDegrees = (BIN_PIXELS * 360) / (512 * 2 ** zoom);
  const bins = binPoints(table, bounds, cellDegrees, accept, project.pointIndex);
  const features: Feature<Point>[] = [];
  for (let i = 0; i < bins.length; i++) {
    features.push({
      type: 'Feature',
      properties: { count: bins.count[i] ?? 0, qr: bins.withQr[i] ?? 0 },
      geometry: { type: 'Point', coordinates: [bins.lon[i] ?? NaN, bins.lat[i] ?? NaN] },
    });
  }
  return { type: 'FeatureCollection', features };
}
