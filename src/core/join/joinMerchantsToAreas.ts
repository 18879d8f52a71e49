import type { AreaSet } from '../geo/area.ts';
import { areaCode } from '../ids.ts';
import { dictionaryValue } from '../merchants/columns.ts';
import type { MerchantTable } from '../merchants/merchantTable.ts';
import type { DataProblem } from '../report/problems.ts';
import type { AreaLocator } from './areaLocator.ts';

export interface MerchantJoin {
  /** Area index of each merchant row; -1 when it lies in no area. */
  readonly areaOf: Int32Array;
  readonly matchedByLocation: number;
  readonly matchedByCode: number;
  readonly unmatched: number;
  readonly problems: readonly DataProblem[];
}

/**
 * Assigns each merchant to an area: by point in polygon when the row has coordinates, by area
 * code otherwise. Rows matched neither way are reported with their line and kept out of every area.
 */
export function joinMerchantsToAreas(table: MerchantTable, areas: AreaSet, locator: AreaLocator): MerchantJoin {
  const areaOf = new Int32Array(table.count);
  const problems: DataProblem[] = [];
  let byLocation = 0;
  let byCode = 0;
  for (let row = 0; row < table.count; row++) {
    const lon = table.lon[row] ?? NaN;
    const lat = table.lat[row] ?? NaN;
    const line = table.line[row] ?? 0;
    const code = dictionaryValue(table.areaCode, row);
    const byCodeArea = code === '' ? -1 : (areas.indexByCode.get(areaCode(code)) ?? -1);
    if (Number.isFinite(lon) && Number.isFinite(lat)) {
      const area = locator.locate(lon, lat);
      if (area >= 0) {
        areaOf[row] = area;
        byLocation++;
      } else if (byCodeArea >= 0) {
        // Coordinates just off the boundaries (a GPS error, a point in the river) but a known code: keep the row by its code.
        areaOf[row] = byCodeArea;
        byCode++;
        problems.push({ file: 'merchants', code: 'merchant-outside-areas-by-code', severity: 'changed', line, detail: `${lat}, ${lon} → ${code}` });
      } else {
        areaOf[row] = -1;
        problems.push({ file: 'merchants', code: 'merchant-outside-areas', severity: 'rejected', line, detail: `${lat}, ${lon}` });
      }
      continue;
    }
    areaOf[row] = byCodeArea;
    if (byCodeArea >= 0) byCode++;
    else problems.push({ file: 'merchants', code: 'merchant-unknown-area-code', severity: 'rejected', line, detail: code });
  }
  return { areaOf, matchedByLocation: byLocation, matchedByCode: byCode, unmatched: table.count - byLocation - byCode, problems };
}
