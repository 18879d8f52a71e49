import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { LoadedProject } from '../core/project/buildProject.ts';
import type { QrStatusFilter } from '../store/appStore.ts';

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

/** Merchant points that pass the filters, with category index `c` and QR flag `q`. */
export function merchantPoints(
  project: LoadedProject,
  selected: ReadonlySet<number>,
  qrStatus: QrStatusFilter,
): FeatureCollection<Point> {
  const { lon, lat, category, hasQr, count } = project.merchants;
  const features: Feature<Point>[] = [];
  for (let row = 0; row < count; row++) {
    const x = lon[row] ?? NaN, y = lat[row] ?? NaN;
    if (!Number.isFinite(x) || (project.areaOf[row] ?? -1) < 0) continue;
    const c = category[row] ?? 0;
    const q = hasQr[row] ?? 0;
    if (!selected.has(c)) continue;
    if ((qrStatus === 'with' && q !== 1) || (qrStatus === 'without' && q === 1)) continue;
    features.push({ type: 'Feature', properties: { c, q }, geometry: { type: 'Point', coordinates: [x, y] } });
  }
  return { type: 'FeatureCollection', features };
}
