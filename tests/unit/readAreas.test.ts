import { describe, it, expect } from 'vitest';
import { readAreas } from '../../src/core/geo/readAreas.ts';
import { readMarkets, readStreets } from '../../src/core/geo/readSites.ts';
import { areaCode } from '../../src/core/ids.ts';

const SOURCE = { codeProperty: 'ward_code', nameProperty: 'ward_name' } as const;
const SITES = { url: 'x', idProperty: 'id', nameProperty: 'name' } as const;

const square = (x: number, y: number, s = 0.01): number[][] => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];

function ward(code: unknown, geometry: unknown = { type: 'Polygon', coordinates: [square(108, 16)] }, extra: Record<string, unknown> = {}): unknown {
  return { type: 'Feature', properties: { ward_code: code, ward_name: `Phường ${String(code)}`, ...extra }, geometry };
}
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

describe('readAreas: codes and names', () => {
  it('keeps codes as strings with leading zeros', () => {
    const result = readAreas(collection(ward('00123'), ward('0042', { type: 'Polygon', coordinates: [square(108.1, 16)] })), SOURCE);
    expect(result.areas.map((a) => a.code)).toEqual(['00123', '0042']);
    expect(result.indexByCode.get(areaCode('00123'))).toBe(0);
    expect(result.indexByCode.get(areaCode('0042'))).toBe(1);
    expect(result.indexByCode.has(areaCode('123'))).toBe(false);
  });

  it('converts number codes to text', () => {
    const result = readAreas(collection(ward(90101)), SOURCE);
    expect(result.areas[0]?.code).toBe('90101');
    expect(typeof result.areas[0]?.code).toBe('string');
    expect(result.indexByCode.get(areaCode('90101'))).toBe(0);
  });

  it('trims codes and normalises names to NFC', () => {
    const nfd = 'Phường Hải Châu'.normalize('NFD');
    const result = readAreas(collection(ward(' 00123 ', undefined, { ward_name: nfd })), SOURCE);
    expect(result.areas[0]?.code).toBe('00123');
    expect(result.areas[0]?.name).toBe('Phường Hải Châu'.normalize('NFC'));
    expect(result.areas[0]?.name).not.toBe(nfd);
  });

  it('uses the code as name when the name is missing', () => {
    const result = readAreas(collection(ward('7', undefined, { ward_name: '' })), SOURCE);
    expect(result.areas[0]?.name).toBe('7');
  });

  it('reads the optional level, parent, target rate and registered businesses', () => {
    const result = readAreas(collection(ward('1', undefined, { level: 'ward', parent_code: '048', target_rate: 0.7, registered_businesses: '212' })), SOURCE);
    expect(result.areas[0]).toMatchObject({ level: 'ward', parentCode: '048', targetRate: 0.7, registeredBusinesses: 212 });
  });

  it('computes the bounding box over all parts', () => {
    const result = readAreas(collection(ward('m', { type: 'MultiPolygon', coordinates: [[square(108, 16)], [square(108.5, 16.2, 0.1)]] })), SOURCE);
    expect(result.areas[0]?.bbox).toEqual([108, 16, 108.6, 16.3]);
    expect(result.areas[0]?.featureIndex).toBe(0);
  });
});

describe('readAreas: rejected features', () => {
  const cases: [string, unknown, string][] = [
    ['no geometry', null, 'feature-no-geometry'],
    ['a Point geometry', { type: 'Point', coordinates: [108, 16] }, 'feature-wrong-geometry'],
    ['a LineString geometry', { type: 'LineString', coordinates: [[108, 16], [108.1, 16]] }, 'feature-wrong-geometry'],
    ['an unclosed ring', { type: 'Polygon', coordinates: [[[108, 16], [108.1, 16], [108.1, 16.1], [108, 16.1]]] }, 'feature-ring-not-closed'],
    ['a ring of 3 positions', { type: 'Polygon', coordinates: [[[108, 16], [108.1, 16], [108, 16]]] }, 'feature-ring-too-short'],
    ['string coordinates', { type: 'Polygon', coordinates: [square(108, 16).map(([x, y]) => [String(x), String(y)])] }, 'feature-bad-coordinates'],
    ['a NaN coordinate', { type: 'Polygon', coordinates: [[[108, 16], [NaN, 16], [108.1, 16.1], [108, 16]]] }, 'feature-bad-coordinates'],
    ['no rings', { type: 'Polygon', coordinates: [] }, 'feature-no-coordinates'],
    ['a bad hole', { type: 'Polygon', coordinates: [square(108, 16), [[108.001, 16.001], [108.002, 16.001]]] }, 'feature-ring-too-short'],
    ['an empty MultiPolygon', { type: 'MultiPolygon', coordinates: [] }, 'feature-no-coordinates'],
    ['a MultiPolygon with one bad part', { type: 'MultiPolygon', coordinates: [[square(108, 16)], [[[1, 1], [2, 2]]]] }, 'feature-ring-too-short'],
  ];

  it.each(cases)('rejects a feature with %s, giving its index and reason', (_label, geometry, code) => {
    const result = readAreas(collection(ward('A'), ward('B', geometry), ward('C', { type: 'Polygon', coordinates: [square(108.2, 16)] })), SOURCE);
    expect(result.problems).toMatchObject([{ file: 'areas', code, severity: 'rejected', feature: 1 }]);
    expect(result.areas.map((a) => a.code)).toEqual(['A', 'C']);
    expect(result.areas.map((a) => a.featureIndex)).toEqual([0, 2]);
    expect(result.summary).toEqual({ file: 'areas', rows: 3, loaded: 2, rejected: 1 });
  });

  it('rejects a feature without a code', () => {
    const result = readAreas(collection(ward(''), ward(undefined), ward(null)), SOURCE);
    expect(result.problems.map((p) => [p.code, p.feature, p.detail])).toEqual([
      ['feature-missing-code', 0, 'ward_code'], ['feature-missing-code', 1, 'ward_code'], ['feature-missing-code', 2, 'ward_code'],
    ]);
    expect(result.summary).toEqual({ file: 'areas', rows: 3, loaded: 0, rejected: 3 });
  });

  it('rejects a duplicate code and keeps the first', () => {
    const result = readAreas(collection(ward('00123'), ward('00999'), ward('00123', { type: 'Polygon', coordinates: [square(109, 16)] })), SOURCE);
    expect(result.problems).toEqual([{ file: 'areas', code: 'feature-duplicate-code', severity: 'rejected', feature: 2, detail: '00123' }]);
    expect(result.areas[result.indexByCode.get(areaCode('00123')) ?? -1]?.bbox[0]).toBe(108);
    expect(result.summary).toEqual({ file: 'areas', rows: 3, loaded: 2, rejected: 1 });
  });

  it.each([
    ['null', null],
    ['a collection without features', { type: 'FeatureCollection' }],
    ['a collection whose features is not an array', { type: 'FeatureCollection', features: {} }],
  ])('reports %s instead of a FeatureCollection as geojson-invalid', (_label, json) => {
    const result = readAreas(json, SOURCE);
    expect(result.problems.map((p) => p.code)).toEqual(['geojson-invalid']);
    expect(result.areas).toEqual([]);
    expect(result.summary).toEqual({ file: 'areas', rows: 0, loaded: 0, rejected: 0 });
  });

  it('keeps rows = loaded + rejected over a mix of features', () => {
    const result = readAreas(collection(ward('1'), ward('2', null), ward('1'), ward(''), ward('5', { type: 'Point', coordinates: [1, 2] }), ward('6'), 'not a feature'), SOURCE);
    expect(result.summary.rows).toBe(7);
    expect(result.summary.loaded).toBe(2);
    expect(result.summary.rejected).toBe(5);
  });
});

describe('readAreas: untrusted properties', () => {
  it('is not polluted by __proto__ properties in parsed JSON', () => {
    const text = `{"type":"FeatureCollection","__proto__":{"polluted":1},"features":[
      {"type":"Feature","__proto__":{"polluted":1},"properties":{"ward_code":"00001","ward_name":"A","__proto__":{"polluted":1}},
       "geometry":{"type":"Polygon","__proto__":{"polluted":1},"coordinates":[[[108,16],[108.1,16],[108.1,16.1],[108,16.1],[108,16]]]}}]}`;
    const result = readAreas(JSON.parse(text), SOURCE);
    expect(result.areas.map((a) => a.code)).toEqual(['00001']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((result.areas[0] as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not read a code inherited through a __proto__ key', () => {
    const json = JSON.parse('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"__proto__":{"ward_code":"X"}},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}');
    const result = readAreas(json, SOURCE);
    expect(result.problems.map((p) => p.code)).toEqual(['feature-missing-code']);
  });

  it('reads a code property named like an Object method only when the feature has it', () => {
    const result = readAreas(collection(ward('1')), { codeProperty: 'toString', nameProperty: 'constructor' });
    expect(result.problems.map((p) => p.code)).toEqual(['feature-missing-code']);
  });
});

function market(id: unknown, coordinates: unknown, properties: Record<string, unknown> = {}): unknown {
  return { type: 'Feature', properties: { id, name: `Chợ ${String(id)}`, ...properties }, geometry: { type: 'Point', coordinates } };
}
function street(id: unknown, coordinates: unknown, properties: Record<string, unknown> = {}): unknown {
  return { type: 'Feature', properties: { id, name: `Phố ${String(id)}`, ...properties }, geometry: { type: 'LineString', coordinates } };
}

describe('readMarkets', () => {
  it('reads markets with their status and stalls', () => {
    const result = readMarkets(collection(
      market('CHO01', [108.1, 16.1], { status: 'certified', grade: 1, stalls_total: 781, stalls_qr: '323' }),
      market('CHO02', [108.2, 16.2], { status: 'in_progress' }),
      market('CHO03', [108.3, 16.3], { status: 'Certified!' }),
    ), SITES);
    expect(result.problems).toEqual([]);
    expect(result.items[0]).toEqual({ id: 'CHO01', name: 'Chợ CHO01', lon: 108.1, lat: 16.1, status: 'certified', grade: 1, stallsTotal: 781, stallsQr: 323, featureIndex: 0 });
    expect(result.items[1]?.status).toBe('in_progress');
    expect(result.items[1]?.stallsTotal).toBeUndefined();
    expect(result.items[2]?.status).toBe('unknown');
    expect(result.summary).toEqual({ file: 'markets', rows: 3, loaded: 3, rejected: 0 });
  });

  it('leaves out a negative or non-numeric stall count', () => {
    const result = readMarkets(collection(market('A', [108, 16], { stalls_total: -5, stalls_qr: 'many' })), SITES);
    expect(result.items[0]?.stallsTotal).toBeUndefined();
    expect(result.items[0]?.stallsQr).toBeUndefined();
  });

  it('leaves out an empty stall count instead of reading it as 0', () => {
    const result = readMarkets(collection(market('A', [108, 16], { stalls_total: '', stalls_qr: '  ' })), SITES);
    expect(result.items[0]?.stallsTotal).toBeUndefined();
    expect(result.items[0]?.stallsQr).toBeUndefined();
  });

  it('rejects markets with bad geometry, missing or duplicate id, with feature index', () => {
    const result = readMarkets(collection(
      market('A', [108, 16]),
      market('B', [200, 16]),
      market('C', ['108', '16']),
      { type: 'Feature', properties: { id: 'D' }, geometry: null },
      street('E', [[108, 16], [108.1, 16]]),
      market('', [108, 16]),
      market('A', [108.5, 16]),
    ), SITES);
    expect(result.problems.map((p) => [p.feature, p.code])).toEqual([
      [1, 'feature-bad-coordinates'], [2, 'feature-bad-coordinates'], [3, 'feature-no-geometry'],
      [4, 'feature-wrong-geometry'], [5, 'feature-missing-code'], [6, 'feature-duplicate-code'],
    ]);
    expect(result.items.map((m) => m.id)).toEqual(['A']);
    expect(result.summary).toEqual({ file: 'markets', rows: 7, loaded: 1, rejected: 6 });
  });

  it('reports a non-collection as geojson-invalid', () => {
    expect(readMarkets({ type: 'Topology' }, SITES).problems.map((p) => p.code)).toEqual(['geojson-invalid']);
  });
});

describe('readStreets', () => {
  it('reads streets with their status and length', () => {
    const result = readStreets(collection(
      street('TP01', [[108.1, 16.1], [108.11, 16.11], [108.12, 16.12]], { status: 'not_started', length_m: 1129 }),
      street(7, [[108, 16], [108.01, 16]]),
    ), SITES);
    expect(result.problems).toEqual([]);
    expect(result.items[0]).toEqual({
      id: 'TP01', name: 'Phố TP01', status: 'not_started', lengthM: 1129, featureIndex: 0,
      geometry: { type: 'LineString', coordinates: [[108.1, 16.1], [108.11, 16.11], [108.12, 16.12]] },
    });
    expect(result.items[1]?.id).toBe('7');
    expect(result.items[1]?.status).toBe('unknown');
    expect(result.items[1]?.lengthM).toBeUndefined();
  });

  it('rejects a street with one position', () => {
    const result = readStreets(collection(street('S1', [[108, 16]]), street('S2', [[108, 16], [108.1, 16]])), SITES);
    expect(result.problems).toEqual([{ file: 'streets', code: 'feature-line-too-short', severity: 'rejected', feature: 0, detail: 'S1: 1 position' }]);
    expect(result.summary).toEqual({ file: 'streets', rows: 2, loaded: 1, rejected: 1 });
  });

  it('rejects a street with a bad position or a Polygon geometry', () => {
    const result = readStreets(collection(
      street('S1', [[108, 16], [108.1, 'x']]),
      { type: 'Feature', properties: { id: 'S2' }, geometry: { type: 'Polygon', coordinates: [square(108, 16)] } },
    ), SITES);
    expect(result.problems.map((p) => [p.feature, p.code])).toEqual([[0, 'feature-bad-coordinates'], [1, 'feature-wrong-geometry']]);
    expect(result.summary).toEqual({ file: 'streets', rows: 2, loaded: 0, rejected: 2 });
  });
});

describe('readAreas: targets', () => {
  const withTarget = (target: unknown) => ({
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { code: '001', name: 'A', target_rate: target }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } }],
  });
  const read = (target: unknown) => readAreas(withTarget(target), { codeProperty: 'code', nameProperty: 'name' });

  it('keeps a target written as a share in 0..1', () => {
    const result = read(0.7);
    expect(result.areas[0]?.targetRate).toBe(0.7);
    expect(result.problems).toEqual([]);
  });

  it('reads a target written as a percentage and reports the change', () => {
    const result = read('80');
    expect(result.areas[0]?.targetRate).toBe(0.8);
    expect(result.problems).toEqual([{ file: 'areas', code: 'feature-target-percent', severity: 'changed', feature: 0, detail: '80' }]);
  });

  it('drops a target that is neither a share nor a percentage', () => {
    const result = read(250);
    expect(result.areas[0]?.targetRate).toBeUndefined();
    expect(result.problems.map((p) => p.code)).toEqual(['feature-target-percent']);
  });
});
