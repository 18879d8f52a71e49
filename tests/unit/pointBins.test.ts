import { describe, expect, it } from 'vitest';
import { binPoints, rowFilter, rowsInView } from '../../src/core/aggregate/pointBins.ts';
import { categoryId } from '../../src/core/ids.ts';
import { readMerchantsCsv } from '../../src/core/merchants/readMerchantsCsv.ts';

const categories = [
  { id: categoryId('a'), label: { vi: 'A', en: 'A' }, color: '#000000' },
  { id: categoryId('b'), label: { vi: 'B', en: 'B' }, color: '#111111' },
];
// Four merchants in cell (0,0) of a 1° grid from (100, 10), one in cell (1,0), one outside the view.
const table = readMerchantsCsv(
  [
    'id,name,category,lat,lon,has_qr',
    '1,A,a,10.2,100.2,1',
    '2,B,a,10.4,100.4,0',
    '3,C,b,10.6,100.6,1',
    '4,D,a,10.8,100.8,1',
    '5,E,a,10.5,101.5,0',
    '6,F,a,30.0,130.0,1',
  ].join('\n'),
  {},
  categories,
).table;
const everywhere = new Int32Array(table.count); // every row placed in area 0
const bounds = [100, 10, 102, 11] as const;

describe('binPoints', () => {
  it('counts the merchants in view per cell, at the mean position of each cell\'s members', () => {
    const bins = binPoints(table, bounds, 1, rowFilter(table, everywhere, new Set([0, 1]), 'all'));
    expect(bins.length).toBe(2);
    expect(Array.from(bins.count)).toEqual([4, 1]);
    expect(Array.from(bins.withQr)).toEqual([3, 0]);
    expect(bins.lon[0]).toBeCloseTo(100.5, 10);
    expect(bins.lat[0]).toBeCloseTo(10.5, 10);
  });

  it('follows the category and QR filters, and leaves out rows in no area', () => {
    const placed = Int32Array.from([0, -1, 0, 0, 0, 0]);
    const bins = binPoints(table, bounds, 1, rowFilter(table, placed, new Set([0]), 'with'));
    // Rows 1 and 4 (category a, with QR); row 2 is in no area, row 3 is category b.
    expect(Array.from(bins.count)).toEqual([2]);
  });
});

describe('rowsInView', () => {
  it('lists the rows in view, or gives up (null) past the limit so bins are drawn instead', () => {
    const accept = rowFilter(table, everywhere, new Set([0, 1]), 'all');
    expect(Array.from(rowsInView(table, bounds, accept, 10) ?? [])).toEqual([0, 1, 2, 3, 4]);
    expect(rowsInView(table, bounds, accept, 4)).toBeNull();
  });
});
