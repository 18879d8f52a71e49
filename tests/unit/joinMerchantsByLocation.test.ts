import { describe, expect, it } from 'vitest';
import { readAreas } from '../../src/core/geo/readAreas.ts';
import { buildAreaLocator } from '../../src/core/join/areaLocator.ts';
import { joinMerchantsToAreas } from '../../src/core/join/joinMerchantsToAreas.ts';
import { emptyMerchantTable, type MerchantTable } from '../../src/core/merchants/merchantTable.ts';

const square = (west: number) => [[[west, 16], [west + 1, 16], [west + 1, 17], [west, 17], [west, 16]]];
const areas = readAreas(
  {
    type: 'FeatureCollection',
    features: [107, 108, 109].map((west, i) => ({ type: 'Feature', properties: { code: `0000${i}`, name: `Phường ${i}` }, geometry: { type: 'Polygon', coordinates: square(west) } })),
  },
  { codeProperty: 'code', nameProperty: 'name' },
);

/** A table of merchants at the given positions (NaN: no coordinates), on lines 2, 3, … */
function merchants(positions: readonly (readonly [number, number])[]): MerchantTable {
  const count = positions.length;
  return {
    ...emptyMerchantTable(),
    count,
    lon: Float64Array.from(positions, (p) => p[0]),
    lat: Float64Array.from(positions, (p) => p[1]),
    category: new Uint16Array(count),
    hasQr: new Uint8Array(count),
    txCountMonth: new Uint32Array(count),
    line: Uint32Array.from(positions, (_, row) => row + 2),
  };
}

describe('joinMerchantsToAreas by location', () => {
  // Rows off the map or without coordinates around every multiple of 8 (the rows are scanned eight at a time).
  const off = new Set([0, 7, 8, 9, 15, 16, 23, 31, 37, 38, 39, 40, 42]);
  const positions = Array.from({ length: 43 }, (_, row): [number, number] => (off.has(row) ? (row % 2 === 0 ? [NaN, NaN] : [120, 16.5]) : [107.5 + (row % 3), 16.5]));
  const join = joinMerchantsToAreas(merchants(positions), areas, buildAreaLocator(areas.areas));

  it('places every row with coordinates inside an area in that area', () => {
    positions.forEach(([lon], row) => {
      if (!off.has(row)) expect(join.areaOf[row]).toBe(Math.floor(lon - 107));
    });
    expect(join.matchedByLocation).toBe(43 - off.size);
  });

  it('rejects each row off the map or without coordinates, with its line, wherever it falls in the table', () => {
    expect(join.unmatched).toBe(off.size);
    expect(join.problems.map((p) => p.line).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([...off].map((row) => row + 2));
    for (const row of off) expect(join.areaOf[row]).toBe(-1);
    expect(join.problems.filter((p) => p.code === 'merchant-outside-areas').map((p) => p.line)).toEqual([...off].filter((row) => row % 2 === 1).map((row) => row + 2));
  });
});
