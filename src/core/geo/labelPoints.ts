import type { Area } from './area.ts';

/**
 * Where each area's name goes, as [lon, lat] pairs: the mean position of its merchants when that
 * point lies inside the area (names sit where the activity is), otherwise the centre of its
 * bounding box.
 */
export function areaLabelPositions(
  areas: readonly Area[],
  areaOf: Int32Array,
  lon: Float64Array,
  lat: Float64Array,
  locate: (lon: number, lat: number) => number,
): Float64Array {
  const n = areas.length;
  const sumLon = new Float64Array(n);
  const sumLat = new Float64Array(n);
  const count = new Uint32Array(n);
  for (let row = 0; row < areaOf.length; row++) {
    const area = areaOf[row] ?? -1;
    const x = lon[row] ?? NaN;
    const y = lat[row] ?? NaN;
    if (area < 0 || !Number.isFinite(x) || !Number.isFinite(y)) continue;
    sumLon[area]! += x;
    sumLat[area]! += y;
    count[area]!++;
  }
  const positions = new Float64Array(n * 2);
  areas.forEach((area, index) => {
    const [minLon, minLat, maxLon, maxLat] = area.bbox;
    let x = (minLon + maxLon) / 2;
    let y = (minLat + maxLat) / 2;
    const c = count[index] ?? 0;
    if (c > 0) {
      const meanLon = (sumLon[index] ?? 0) / c;
      const meanLat = (sumLat[index] ?? 0) / c;
      if (locate(meanLon, meanLat) === index) {
        x = meanLon;
        y = meanLat;
      }
    }
    positions[index * 2] = x;
    positions[index * 2 + 1] = y;
  });
  return positions;
}
