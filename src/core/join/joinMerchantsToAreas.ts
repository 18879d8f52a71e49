import type { AreaSet } from '../geo/area.ts';
import { GrowableInt32 } from '../typed/growable.ts';
import { dictionaryValue } from '../merchants/columns.ts';
import type { MerchantTable } from '../merchants/merchantTable.ts';
import type { DataProblem } from '../report/problems.ts';
import type { AreaLocator } from './areaLocator.ts';
import { areaCodeLengths, buildAreaKeyIndex } from './areaKeys.ts';

export interface MerchantJoin {
  /** Area index of each merchant row; -1 when it lies in no area. */
  readonly areaOf: Int32Array;
  readonly matchedByLocation: number;
  /** Rows placed by their area code (exactly, or once leading zeros are ignored). */
  readonly matchedByCode: number;
  /** Rows placed by their area name, after normalising it. */
  readonly matchedByName: number;
  readonly unmatched: number;
  readonly problems: readonly DataProblem[];
}

/**
 * Assigns each merchant to an area: by point in polygon when the row has coordinates; otherwise by
 * area code, by the code with leading zeros ignored, then by normalised area name. Rows placed any
 * way but exactly are reported as changed; rows placed no way are rejected with their line.
 */
export function joinMerchantsToAreas(table: MerchantTable, areas: AreaSet, locator: AreaLocator): MerchantJoin {
  const areaOf = new Int32Array(table.count);
  const problems: DataProblem[] = [];
  // Built at the first row placed by its keys: most lists place every row by its coordinates.
  let findArea: ReturnType<typeof buildAreaKeyIndex> | null = null;
  let codeLengths: ReadonlySet<number> | null = null;
  let byCode = 0;
  let byNameCount = 0;
  let otherSystemCodes = 0;
  let firstOtherSystemCode = '';

  /** Area of a row by its code or name, reporting inexact matches; -1 when none. */
  const placeByKeys = (row: number, line: number, reason: 'no-coordinates' | 'outside'): number => {
    const code = dictionaryValue(table.areaCode, row);
    const name = dictionaryValue(table.areaName, row);
    findArea ??= buildAreaKeyIndex(areas);
    codeLengths ??= areaCodeLengths(areas);
    const match = findArea(code, name);
    if (match?.how === 'code') {
      if (reason === 'outside') problems.push({ file: 'merchants', code: 'merchant-outside-areas-by-code', severity: 'changed', line, detail: code });
      byCode++;
      return match.index;
    }
    if (match?.how === 'padded-code') {
      problems.push({ file: 'merchants', code: 'merchant-matched-by-padded-code', severity: 'changed', line, detail: `${code} → ${areas.areas[match.index]?.code ?? ''}` });
      byCode++;
      return match.index;
    }
    if (match?.how === 'name') {
      problems.push({ file: 'merchants', code: 'merchant-matched-by-name', severity: 'changed', line, detail: `${name} → ${areas.areas[match.index]?.name ?? ''}` });
      byNameCount++;
      return match.index;
    }
    if (code !== '' && !codeLengths.has(code.length)) {
      otherSystemCodes++;
      firstOtherSystemCode ||= code;
    }
    return -1;
  };

  // All coordinates in one pass (rows without them come back as -1); then each row not found by location.
  locator.locateAll(table.lon.subarray(0, table.count), table.lat.subarray(0, table.count), areaOf);
  const unlocated = negativeAt(areaOf);
  const byLocation = table.count - unlocated.length;
  for (let k = 0; k < unlocated.length; k++) {
    const row = unlocated.data[k] as number;
    const line = table.line[row] ?? 0;
    const lon = table.lon[row] ?? NaN;
    const lat = table.lat[row] ?? NaN;
    if (Number.isFinite(lon) && Number.isFinite(lat)) {
      // Coordinates just off the boundaries (a GPS error, a point in the river): keep the row by its code or name if it has one.
      const placed = placeByKeys(row, line, 'outside');
      areaOf[row] = placed;
      if (placed < 0) problems.push({ file: 'merchants', code: 'merchant-outside-areas', severity: 'rejected', line, detail: `${lat}, ${lon}` });
      continue;
    }
    const placed = placeByKeys(row, line, 'no-coordinates');
    areaOf[row] = placed;
    if (placed < 0) {
      const code = dictionaryValue(table.areaCode, row);
      const detail = code || dictionaryValue(table.areaName, row);
      problems.push({ file: 'merchants', code: code ? 'merchant-unknown-area-code' : 'merchant-unknown-area-name', severity: 'rejected', line, detail });
    }
  }
  if (otherSystemCodes > 0) {
    // Codes of another length than the boundaries' (3-digit legacy districts against 5-digit wards, say): say so once.
    const lengths = [...(codeLengths ?? [])].sort().join('/');
    problems.push({ file: 'merchants', code: 'merchant-codes-other-system', severity: 'notice', detail: `${firstOtherSystemCode} (${firstOtherSystemCode.length}) ≠ ${lengths}; ${otherSystemCodes}` });
  }
  const matched = byLocation + byCode + byNameCount;
  return { areaOf, matchedByLocation: byLocation, matchedByCode: byCode, matchedByName: byNameCount, unmatched: table.count - matched, problems };
}

/** Indexes of the negative values, in order. They are few: eight values at a time are skipped when none is (their OR is not negative). */
function negativeAt(values: Int32Array): GrowableInt32 {
  const at = new GrowableInt32(1024), n = values.length, whole = n - (n % 8);
  for (let i = 0; i < whole; i += 8) {
    const any = (values[i] as number) | (values[i + 1] as number) | (values[i + 2] as number) | (values[i + 3] as number) | (values[i + 4] as number) | (values[i + 5] as number) | (values[i + 6] as number) | (values[i + 7] as number);
    if (any < 0) for (let k = i; k < i + 8; k++) if ((values[k] as number) < 0) at.push(k);
  }
  for (let k = whole; k < n; k++) if ((values[k] as number) < 0) at.push(k);
  return at;
}
