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

/** One label point per area, at the merchant-weighted centre when it lies inside, else the bbox centre. */
export function areaLabelPoints(project: LoadedProject, locate: (lon: number, lat: number) => number): FeatureCollection<Point> {
  const n = project.areas.areas.length;
  const sumLon = new Float64Array(n), sumLat = new Float64Array(n), count = new Uint32Array(n);
  const { lon, lat } = project.merchants;
  for (let row = 0; row < project.merchants.count; row++) {
    const area = project.areaOf[row] ?? -1;
    const x = lon[row] ?? NaN, y = lat[row] ?? NaN;
    if (area < 0 || !Number.isFinite(x)) continue;
    sumLon[area]! += x;
    sumLat[area]! += y;
    count[area]!++;
  }
  const features = project.areas.areas.map((area, index): Feature<Point> => {
    const [minLon, minLat, maxLon, maxLat] = area.bbox;
    let at: [number, number] = [(minLon + maxLon) / 2, (minLat + maxLat) / 2];
    const c = count[index] ?? 0;
    if (c > 0) {
      const weighted: [number, number] = [(sumLon[index] ?? 0) / c, (sumLat[index] ?? 0) / c];
      if (locate(weighted[0], weighted[1]) === index) at = weighted;
    }
    return { type: 'Feature', id: index, properties: { name: area.name }, geometry: { type: 'Point', coordinates: at } };
  });
  return { type: 'FeatureCollection', features };
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
