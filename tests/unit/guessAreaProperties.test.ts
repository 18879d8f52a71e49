import { describe, expect, it } from 'vitest';
import type { FeatureInput } from '../../src/core/geo/featureInput.ts';
import { guessAreaProperties } from '../../src/core/geo/guessAreaProperties.ts';

const square = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
const features = (...properties: Record<string, unknown>[]): FeatureInput[] => properties.map((p) => ({ geometry: square, properties: p }));

describe('guessAreaProperties', () => {
  it('picks ward_code and ward_name over a shared province code and a numeric area', () => {
    const guess = guessAreaProperties(features(
      { ward_code: '00101', ward_name: 'Phường Hải Châu', province_code: '48', province_name: 'Thành phố Đà Nẵng', area_km2: 4.21 },
      { ward_code: '00102', ward_name: 'Phường Thanh Khê', province_code: '48', province_name: 'Thành phố Đà Nẵng', area_km2: 9.5 },
      { ward_code: '00103', ward_name: 'Xã Hòa Vang', province_code: '48', province_name: 'Thành phố Đà Nẵng', area_km2: 120 },
    ));
    expect(guess).toEqual({ codeProperty: 'ward_code', nameProperty: 'ward_name' });
  });

  it('reads CamelCase and Vietnamese names: MaXa (numbers) and Ten_Xa, not OBJECTID', () => {
    const guess = guessAreaProperties(features(
      { OBJECTID: 1, MaXa: 20242, Ten_Xa: 'Phường Hải Châu', Dien_tich: 3.2 },
      { OBJECTID: 2, MaXa: 20245, Ten_Xa: 'Phường Hòa Cường', Dien_tich: 7.1 },
      { OBJECTID: 3, MaXa: 20248, Ten_Xa: 'Xã Bà Nà', Dien_tich: 51.8 },
    ));
    expect(guess).toEqual({ codeProperty: 'MaXa', nameProperty: 'Ten_Xa' });
  });

  it('accepts names that repeat (the same commune name in two provinces) but not a code that repeats', () => {
    const rows = Array.from({ length: 10 }, (_, i) => ({ ma: `0${100 + i}`, ten: i === 9 ? 'Xã Tân Lập' : `Xã Số ${i}`, ma_tinh: i < 5 ? '01' : '02' }));
    rows[8] = { ma: '0108', ten: 'Xã Tân Lập', ma_tinh: '02' };
    expect(guessAreaProperties(features(...rows))).toEqual({ codeProperty: 'ma', nameProperty: 'ten' });
  });

  it('pairs a province code with the province name rather than a short name', () => {
    const guess = guessAreaProperties(features(
      { province_code: '01', province_name: 'Thành phố Hà Nội', name: 'Hà Nội' },
      { province_code: '48', province_name: 'Thành phố Đà Nẵng', name: 'Đà Nẵng' },
      { province_code: '79', province_name: 'Thành phố Hồ Chí Minh', name: 'Hồ Chí Minh' },
    ));
    expect(guess).toEqual({ codeProperty: 'province_code', nameProperty: 'province_name' });
  });

  it('returns null where nothing fits, and never reads inherited properties', () => {
    expect(guessAreaProperties([])).toEqual({ codeProperty: null, nameProperty: null });
    expect(guessAreaProperties(features({ name: 'Phường A', note: 'x' }, { name: 'Phường B', note: 'x' }))).toEqual({ codeProperty: null, nameProperty: 'name' });
    expect(guessAreaProperties(features({ code: 'A1', kind: 'ward' }, { code: 'A1', kind: 'ward' }))).toEqual({ codeProperty: null, nameProperty: null });
    const hostile = JSON.parse('[{"geometry":null,"properties":{"__proto__":{"polluted":1},"code":"001"}}]') as FeatureInput[];
    expect(guessAreaProperties(hostile).codeProperty).toBe('code');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
