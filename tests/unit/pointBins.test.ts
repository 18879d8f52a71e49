import { describe, expect, it } from 'vitest';
import { binPoints, rowFilter, rowsInView } from '../../src/core/aggregate/pointBins.ts';
import { categoryId } from '../../src/core/ids.ts';
import { readMerchantsCsv } from '../../src/core/merchants/readMerchantsCsv.ts';
import { buildPointIndex } from '../../src/core/aggregate/pointIndex.ts';
import { seededRandom } from '../support/random.ts';

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

  it('counts a point on the view\'s east or north side in the last cell of its row or column', () => {
    const edge = readMerchantsCsv('id,name,category,lat,lon,has_qr\n1,A,a,10.5,101.5,1\n2,B,a,10.5,102,1\n3,C,a,11,100.5,0', {}, categories).table;
    const bins = binPoints(edge, bounds, 1, rowFilter(edge, new Int32Array(edge.count), new Set([0]), 'all'));
    // Row 2 lies on the east side: with row 1 in cell (1,0). Row 3 lies on the north side: alone in cell (0,0).
    expect(Array.from(bins.count)).toEqual([2, 1]);
    expect(bins.lon[0]).toBeCloseTo(101.75, 10);
  });

  it('finds the bins through a map when a grid of the view\'s cells would be too big', () => {
    // 20,000 × 10,000 cells of 0.0001°: two merchants share one, a third is alone.
    const fine = readMerchantsCsv('id,name,category,lat,lon,has_qr\n1,A,a,10.5,101.5,1\n2,B,a,10.5,100.2,0\n3,C,a,10.5,101.5,0', {}, categories).table;
    const bins = binPoints(fine, bounds, 0.0001, rowFilter(fine, new Int32Array(fine.count), new Set([0]), 'all'));
    expect(Array.from(bins.count)).toEqual([2, 1]);
    expect(Array.from(bins.withQr)).toEqual([1, 0]);
    expect(Array.from(bins.lon)).toEqual([101.5, 100.2]);
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

describe('the point index', () => {
  /** A table of clustered random points (some without coordinates), as the reader makes it. */
  function randomTable(seed: number, rows: number) {
    const random = seededRandom(seed);
    const lines = ['id,name,category,lat,lon,has_qr,ward_code'];
    for (let row = 0; row < rows; row++) {
      const city = random() < 0.7;
      const lat = city ? 16.05 + (random() - 0.5) * 0.05 : 8.5 + random() * 15;
      const lon = city ? 108.2 + (random() - 0.5) * 0.05 : 102 + random() * 7.5;
      const located = random() < 0.97;
      lines.push(`${row},N,${random() < 0.5 ? 'a' : 'b'},${located ? lat.toFixed(6) : ''},${located ? lon.toFixed(6) : ''},${random() < 0.6 ? 1 : 0},00001`);
    }
    return readMerchantsCsv(lines.join('\n'), {}, categories).table;
  }

  it('gives the bins and rows the full scan gives, for views inside, across and outside the points', () => {
    for (const seed of [1, 2, 3]) {
      const t = randomTable(seed, 3000);
      const index = buildPointIndex(t.lon, t.lat, t.count);
      expect(index.order.length).toBe(Array.from(t.lon).filter(Number.isFinite).length);
      const random = seededRandom(seed + 100);
      const views: [number, number, number, number][] = [[108.17, 16.02, 108.23, 16.08], [100, 5, 112, 25], [107, 15, 120, 30], [90, 0, 95, 3], [108.2, 16.05, 108.2, 16.05]];
      for (let k = 0; k < 30; k++) {
        const w = 102 + random() * 7, s = 8.5 + random() * 14;
        views.push([w, s, w + random() * 2, s + random() * 2]);
      }
      const accept = rowFilter(t, new Int32Array(t.count), new Set([0, 1]), 'with');
      for (const view of views) {
        const sortBins = (b: ReturnType<typeof binPoints>) =>
          Array.from({ length: b.length }, (_, i) => [b.count[i], b.withQr[i], Math.round((b.lon[i] ?? 0) * 1e6), Math.round((b.lat[i] ?? 0) * 1e6)].join()).sort();
        expect(sortBins(binPoints(t, view, 0.1, accept, index)), view.join()).toEqual(sortBins(binPoints(t, view, 0.1, accept)));
        expect(rowsInView(t, view, accept, 100_000, index), view.join()).toEqual(rowsInView(t, view, accept, 100_000));
        expect(rowsInView(t, view, accept, 5, index) === null, view.join()).toBe(rowsInView(t, view, accept, 5) === null);
      }
    }
  });
});
