import { describe, expect, it } from 'vitest';
import { readAreas } from '../../src/core/geo/readAreas.ts';
import { categoryId } from '../../src/core/ids.ts';
import { buildAreaLocator } from '../../src/core/join/areaLocator.ts';
import { normaliseAreaName } from '../../src/core/join/areaNames.ts';
import { joinMerchantsToAreas } from '../../src/core/join/joinMerchantsToAreas.ts';
import { readMerchantsCsv } from '../../src/core/merchants/readMerchantsCsv.ts';

describe('normaliseAreaName', () => {
  it('treats "P. Hải Châu", "Phường Hải Châu" and "phuong hai chau" as one name', () => {
    expect(normaliseAreaName('P. Hải Châu')).toBe('hai chau');
    expect(normaliseAreaName('Phường Hải Châu')).toBe('hai chau');
    expect(normaliseAreaName('phuong hai chau')).toBe('hai chau');
    expect(normaliseAreaName('P.Hải Châu')).toBe('hai chau');
  });

  it('folds Ð (U+00D0) and Đ (U+0110), NFD and NFC, and the numbers of numbered wards', () => {
    expect(normaliseAreaName('Xã \u00d0iện Bàn')).toBe(normaliseAreaName('Xã \u0110iện Bàn'));
    expect(normaliseAreaName('Phường Hòa Khánh'.normalize('NFD'))).toBe('hoa khanh');
    expect(normaliseAreaName('Phường 01')).toBe(normaliseAreaName('P. 1'));
    expect(normaliseAreaName('TP. Huế')).toBe('hue');
  });
});

const square = (west: number) => [[[west, 16], [west + 1, 16], [west + 1, 17], [west, 17], [west, 16]]];
const areas = readAreas(
  {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { code: '20242', name: 'Phường Hải Châu' }, geometry: { type: 'Polygon', coordinates: square(107) } },
      { type: 'Feature', properties: { code: '00123', name: 'Xã Hòa Phú' }, geometry: { type: 'Polygon', coordinates: square(108) } },
      { type: 'Feature', properties: { code: '20243', name: 'Phường Hòa Phú' }, geometry: { type: 'Polygon', coordinates: square(109) } },
    ],
  },
  { codeProperty: 'code', nameProperty: 'name' },
);
const categories = [{ id: categoryId('a'), label: { vi: 'A', en: 'A' }, color: '#000000' }];
const join = (rows: readonly string[]) => {
  const table = readMerchantsCsv(['id,name,category,lat,lon,mã phường,phường,has_qr', ...rows].join('\n'), {}, categories).table;
  return joinMerchantsToAreas(table, areas, buildAreaLocator(areas.areas));
};

describe('joinMerchantsToAreas without coordinates', () => {
  it('places a row by a code written without its leading zeros, and says so', () => {
    const result = join(['1,A,a,,,123,,1']);
    expect(Array.from(result.areaOf)).toEqual([1]);
    expect(result.matchedByCode).toBe(1);
    expect(result.problems).toEqual([{ file: 'merchants', code: 'merchant-matched-by-padded-code', severity: 'changed', line: 2, detail: '123 → 00123' }]);
  });

  it('places a row by its ward name once prefixes and accents are normalised', () => {
    const result = join(['1,A,a,,,,P. Hai Chau,1']);
    expect(Array.from(result.areaOf)).toEqual([0]);
    expect(result.matchedByName).toBe(1);
    expect(result.problems[0]).toMatchObject({ code: 'merchant-matched-by-name', severity: 'changed', line: 2, detail: 'P. Hai Chau → Phường Hải Châu' });
  });

  it('does not guess between two areas whose names normalise alike', () => {
    const result = join(['1,A,a,,,,Hòa Phú,1']);
    expect(Array.from(result.areaOf)).toEqual([-1]);
    expect(result.problems).toEqual([{ file: 'merchants', code: 'merchant-unknown-area-name', severity: 'rejected', line: 2, detail: 'Hòa Phú' }]);
  });

  it('explains codes of another system (3-digit legacy districts against 5-digit wards) once', () => {
    const result = join(['1,A,a,,,490,,1', '2,B,a,,,492,,0']);
    expect(result.unmatched).toBe(2);
    const notices = result.problems.filter((p) => p.severity === 'notice');
    expect(notices).toEqual([{ file: 'merchants', code: 'merchant-codes-other-system', severity: 'notice', detail: '490 (3) ≠ 5; 2' }]);
  });
});
