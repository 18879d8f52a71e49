import { describe, expect, it } from 'vitest';
import { featuresOf } from '../../src/core/geo/featureInput.ts';
import { geoJsonKind } from '../../src/core/geo/featureKind.ts';
import { readAreas, type AreasResult } from '../../src/core/geo/readAreas.ts';
import { readMarkets, readStreets } from '../../src/core/geo/readSites.ts';
import { assembleImport, roleOf } from '../../src/core/project/assembleImport.ts';
import { buildProject } from '../../src/core/project/buildProject.ts';
import { parseProjectTexts } from '../../src/core/project/parseProjectTexts.ts';
import type { DataProblem, FileSummary } from '../../src/core/report/problems.ts';
import { seededRandom } from '../support/random.ts';

const AREAS = { codeProperty: 'code', nameProperty: 'name' } as const;
const SITES = { url: 'x', idProperty: 'id', nameProperty: 'name' } as const;

type Ring = number[][];
const square = (x: number, y: number, s = 0.01): Ring => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
const polygon = (...rings: unknown[]) => ({ type: 'Polygon', coordinates: rings });
const ward = (code: string, geometry: unknown) => ({ type: 'Feature', properties: { code, name: `Phường ${code}` }, geometry });
const site = (id: string, geometry: unknown) => ({ type: 'Feature', properties: { id, name: `Chợ ${id}` }, geometry });
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

/** Problems as `code#feature(detail)` for short assertions. */
const codes = (problems: readonly DataProblem[]) => problems.map((p) => `${p.severity === 'rejected' ? '' : '~'}${p.code}${p.feature !== undefined ? `#${p.feature}` : ''}`);

function balanced(summary: FileSummary, problems: readonly DataProblem[]): void {
  expect(summary.rows).toBe(summary.loaded + summary.rejected);
  expect(problems.filter((p) => p.severity === 'rejected' && p.feature !== undefined)).toHaveLength(summary.rejected);
}

function areasOf(json: unknown): AreasResult {
  const result = readAreas(json, AREAS);
  balanced(result.summary, result.problems);
  return result;
}

/** Reads one area feature with `geometry` and returns its problems. */
const areaProblems = (geometry: unknown) => codes(areasOf(collection(ward('A', geometry))).problems);

describe('top level: a FeatureCollection, or something wrapped into one', () => {
  it('reads a FeatureCollection without any file-level problem', () => {
    const result = areasOf(collection(ward('A', polygon(square(108, 16)))));
    expect(result.problems).toEqual([]);
    expect(result.summary).toEqual({ file: 'areas', rows: 1, loaded: 1, rejected: 0 });
  });

  it.each([
    ['a bare Feature', ward('A', polygon(square(108, 16))), 'Feature'],
    ['an array of features', [ward('A', polygon(square(108, 16)))], 'array'],
  ])('wraps %s and says so', (_label, json, detail) => {
    const result = areasOf(json);
    expect(result.problems).toEqual([{ file: 'areas', code: 'geojson-wrapped', severity: 'changed', detail }]);
    expect(result.areas.map((a) => a.code)).toEqual(['A']);
    expect(result.summary).toEqual({ file: 'areas', rows: 1, loaded: 1, rejected: 0 });
  });

  it('wraps a bare geometry as one row; it has no properties, so no code', () => {
    const result = areasOf(polygon(square(108, 16)));
    expect(result.problems).toEqual([
      { file: 'areas', code: 'geojson-wrapped', severity: 'changed', detail: 'Geometry' },
      { file: 'areas', code: 'feature-missing-code', severity: 'rejected', feature: 0, detail: 'code' },
    ]);
    expect(result.summary).toEqual({ file: 'areas', rows: 1, loaded: 0, rejected: 1 });
    const market = readMarkets({ type: 'Point', coordinates: [108, 16] }, SITES);
    expect(codes(market.problems)).toEqual(['~geojson-wrapped', 'feature-missing-code#0']);
  });

  it('counts a wrapped array entry by entry', () => {
    const result = areasOf([ward('A', polygon(square(108, 16))), null, ward('B', null)]);
    expect(codes(result.problems)).toEqual(['~geojson-wrapped', 'feature-not-object#1', 'feature-no-geometry#2']);
    expect(result.summary).toEqual({ file: 'areas', rows: 3, loaded: 1, rejected: 2 });
  });

  it.each([
    ['null', null, 'null'],
    ['a number', 42, 'number'],
    ['text', 'x', 'text'],
    ['an object without type', {}, 'an object without "type"'],
    ['an unknown type', { type: 'Topology' }, '"type": "Topology"'],
    ['a lower-case type', { type: 'featurecollection', features: [] }, '"type": "featurecollection"'],
    ['a collection without features', { type: 'FeatureCollection' }, 'FeatureCollection without a "features" list'],
    ['a collection whose features is an object', { type: 'FeatureCollection', features: {} }, 'FeatureCollection without a "features" list'],
  ])('reports %s as geojson-invalid with what was found', (_label, json, detail) => {
    for (const result of [readAreas(json, AREAS), readMarkets(json, SITES), readStreets(json, SITES)]) {
      expect(result.problems).toMatchObject([{ code: 'geojson-invalid', severity: 'rejected', detail }]);
      expect(result.summary.rows).toBe(0);
    }
  });
});

describe('entries that are not proper features', () => {
  it('rejects an entry that is not an object, and reads a mistyped or bare-geometry entry', () => {
    const result = areasOf(collection(
      null,
      'feature',
      { type: 'Featre', properties: { code: 'B' }, geometry: polygon(square(108.1, 16)) },
      { properties: { code: 'C' }, geometry: polygon(square(108.2, 16)) },
      polygon(square(108.3, 16)),
    ));
    expect(codes(result.problems)).toEqual([
      'feature-not-object#0', 'feature-not-object#1', '~feature-wrong-type#2', '~feature-wrong-type#3', '~feature-wrong-type#4', 'feature-missing-code#4',
    ]);
    expect(result.areas.map((a) => a.code)).toEqual(['B', 'C']);
    expect(result.problems[2]?.detail).toBe('"Featre"');
  });

  it('ignores bad ids, bad properties, bad bboxes and members of other types, and reports each', () => {
    const result = areasOf({
      type: 'FeatureCollection',
      bbox: [1, 2, 3],
      coordinates: [],
      features: [
        { type: 'Feature', id: {}, properties: { code: 'A' }, geometry: polygon(square(108, 16)) },
        { type: 'Feature', properties: ['A'], geometry: polygon(square(108, 16)) },
        { type: 'Feature', bbox: 'all', features: [], properties: { code: 'C' }, geometry: { ...polygon(square(108.2, 16)), properties: {} } },
      ],
    });
    expect(result.problems.map((p) => [p.code, p.feature, p.detail])).toEqual([
      ['geojson-ignored-members', undefined, 'coordinates'],
      ['geojson-bad-bbox', undefined, '[1, 2, 3]'],
      ['feature-bad-id', 0, '{}'],
      ['feature-bad-properties', 1, '["A"]'],
      ['feature-missing-code', 1, 'code'],
      ['geojson-ignored-members', 2, 'features'],
      ['geojson-bad-bbox', 2, '"all"'],
      ['geojson-ignored-members', 2, 'geometry: properties'],
    ]);
    expect(result.areas.map((a) => a.code)).toEqual(['A', 'C']);
  });

  it('accepts a valid bbox, a string or number id and extension members silently', () => {
    const result = areasOf({
      type: 'FeatureCollection',
      bbox: [108, 16, 108.01, 16.01],
      custom: true,
      features: [{ type: 'Feature', id: 7, bbox: [108, 16, 0, 108.01, 16.01, 0], custom: 1, properties: { code: 'A' }, geometry: polygon(square(108, 16)) }],
    });
    expect(result.problems).toEqual([]);
  });
});

describe('features without geometry', () => {
  it('rejects areas, markets and streets without geometry with feature-no-geometry', () => {
    expect(areaProblems(null)).toEqual(['feature-no-geometry#0']);
    expect(areaProblems(undefined)).toEqual(['feature-no-geometry#0']);
    const markets = readMarkets(collection(site('M1', null), site('M2', { type: 'Point', coordinates: [108, 16] })), SITES);
    expect(codes(markets.problems)).toEqual(['feature-no-geometry#0']);
    expect(markets.items.map((m) => m.id)).toEqual(['M2']);
    balanced(markets.summary, markets.problems);
    const streets = readStreets(collection(site('S1', null)), SITES);
    expect(codes(streets.problems)).toEqual(['feature-no-geometry#0']);
  });
});

describe('geometry validation, one precise reason per feature', () => {
  it.each([
    ['an unclosed ring', polygon([[108, 16], [108.1, 16], [108.1, 16.1], [108, 16.1]]), 'feature-ring-not-closed', 'ring 1: [108, 16] ≠ [108, 16.1]'],
    ['an unclosed hole', polygon(square(108, 16, 1), [[108.1, 16.1], [108.2, 16.1], [108.2, 16.2], [108.1, 16.2]]), 'feature-ring-not-closed', 'ring 2: [108.1, 16.1] ≠ [108.1, 16.2]'],
    ['a ring of 3 positions', polygon([[108, 16], [108.1, 16], [108, 16]]), 'feature-ring-too-short', 'ring 1: 3 positions'],
    ['an empty ring', polygon([]), 'feature-ring-too-short', 'ring 1: 0 positions'],
    ['a bad part of a MultiPolygon', { type: 'MultiPolygon', coordinates: [[square(108, 16)], [[[1, 1], [2, 2], [1, 1]]]] }, 'feature-ring-too-short', 'polygon 2, ring 1: 3 positions'],
    ['string coordinates', polygon(square(108, 16).map(([x, y]) => [String(x), String(y)])), 'feature-bad-coordinates', '["108", "16"]'],
    ['a NaN coordinate', polygon([[108, 16], [NaN, 16], [108.1, 16.1], [108, 16]]), 'feature-bad-coordinates', '[NaN, 16]'],
    ['an infinite coordinate', polygon([[108, 16], [Infinity, 16], [108.1, 16.1], [108, 16]]), 'feature-bad-coordinates', '[Infinity, 16]'],
    ['a null coordinate', polygon([[108, 16], [null, 16], [108.1, 16.1], [108, 16]]), 'feature-bad-coordinates', '[null, 16]'],
    ['a position of one number', polygon([[108, 16], [108.1], [108.1, 16.1], [108, 16]]), 'feature-bad-coordinates', '[108.1]'],
    ['a string third value', polygon([[108, 16, 'z'], [108.1, 16], [108.1, 16.1], [108, 16]]), 'feature-bad-coordinates', '[108, 16, "z"]'],
    ['a latitude beyond 90', polygon([[108, 16], [108.1, 16], [108.1, 96], [108, 16]]), 'feature-bad-coordinates', 'outside −180…180, −90…90: [108.1, 96]'],
    ['positions nested one level too deep', polygon(square(108, 16).map((p) => [p])), 'feature-coordinates-too-deep', '[[108, 16]]'],
    ['a Polygon written as a MultiPolygon', polygon([square(108, 16)]), 'feature-coordinates-too-deep', '[[108, 16], [108.01, 16], [108.01, 16.01], [108, 16.01], …]'],
    ['a Polygon without its list of rings', { type: 'Polygon', coordinates: square(108, 16) }, 'feature-coordinates-too-shallow', '108'],
    ['a MultiPolygon written as a Polygon', { type: 'MultiPolygon', coordinates: [square(108, 16)] }, 'feature-coordinates-too-shallow', '108'],
    ['no coordinates', { type: 'Polygon' }, 'feature-no-coordinates', 'Polygon'],
    ['null coordinates', { type: 'MultiPolygon', coordinates: null }, 'feature-no-coordinates', 'MultiPolygon'],
    ['empty coordinates', { type: 'Polygon', coordinates: [] }, 'feature-no-coordinates', 'Polygon: empty'],
    ['coordinates that are text', { type: 'Polygon', coordinates: '108 16' }, 'feature-bad-coordinates', '"108 16"'],
    ['a lower-case type', { type: 'polygon', coordinates: [square(108, 16)] }, 'feature-unknown-geometry-type', '"polygon"'],
    ['a geometry without type', { coordinates: [square(108, 16)] }, 'feature-unknown-geometry-type', 'no "type"'],
    ['a geometry that is text', 'POLYGON((108 16, …))', 'feature-unknown-geometry-type', '"POLYGON((108 16, …))"'],
    ['a Point', { type: 'Point', coordinates: [108, 16] }, 'feature-wrong-geometry', 'Point'],
  ])('rejects an area with %s', (_label, geometry, code, detail) => {
    const result = areasOf(collection(ward('A', polygon(square(108.5, 16))), ward('B', geometry)));
    expect(result.problems).toEqual([{ file: 'areas', code, severity: 'rejected', feature: 1, detail }]);
    expect(result.summary).toEqual({ file: 'areas', rows: 2, loaded: 1, rejected: 1 });
  });

  it('trims positions of 3 or more values to [lon, lat] and reports it once per feature', () => {
    const ring3d = square(108, 16).map(([x, y]) => [x ?? 0, y ?? 0, 12.5]);
    const result = areasOf(collection(ward('A', polygon(ring3d, ring3d.slice().reverse())), ward('B', polygon(square(108.2, 16)))));
    expect(result.problems).toEqual([{ file: 'areas', code: 'feature-3d-trimmed', severity: 'changed', feature: 0, detail: '10 positions' }]);
    expect(result.areas[0]?.geometry.coordinates[0]).toEqual(square(108, 16));
    const market = readMarkets(collection(site('M', { type: 'Point', coordinates: [108, 16, 3, 4] })), SITES);
    expect(market.problems).toEqual([{ file: 'markets', code: 'feature-3d-trimmed', severity: 'changed', feature: 0, detail: 'M: 1 position' }]);
    expect(market.items[0]).toMatchObject({ lon: 108, lat: 16 });
  });

  it('rejects markets and streets with precise reasons, their id first in the detail', () => {
    const markets = readMarkets(collection(
      site('A', { type: 'Point', coordinates: ['108', '16'] }),
      site('B', { type: 'Point', coordinates: [[108, 16]] }),
      site('C', { type: 'Point', coordinates: 108 }),
      site('D', { type: 'Point' }),
      site('E', { type: 'Point', coordinates: [200, 16] }),
    ), SITES);
    expect(markets.problems.map((p) => [p.code, p.feature, p.detail])).toEqual([
      ['feature-bad-coordinates', 0, 'A: ["108", "16"]'],
      ['feature-coordinates-too-deep', 1, 'B: [[108, 16]]'],
      ['feature-coordinates-too-shallow', 2, 'C: 108'],
      ['feature-no-coordinates', 3, 'D: Point'],
      ['feature-bad-coordinates', 4, 'E: outside −180…180, −90…90: [200, 16]'],
    ]);
    const streets = readStreets(collection(
      site('S1', { type: 'LineString', coordinates: [[108, 16]] }),
      site('S2', { type: 'LineString', coordinates: [[[108, 16], [108.1, 16]]] }),
    ), SITES);
    expect(streets.problems.map((p) => [p.code, p.detail])).toEqual([['feature-line-too-short', 'S1: 1 position'], ['feature-coordinates-too-deep', 'S2: [[108, 16], [108.1, 16]]']]);
  });
});

describe('coordinates that are not WGS84 degrees', () => {
  /** Wards near Đà Nẵng, written [lat, lon]. */
  const swappedSquare = (x: number, y: number): Ring => square(x, y).map(([lon, lat]) => [lat ?? NaN, lon ?? NaN]);

  it('swaps a file written [latitude, longitude] back, and reports it once for the file', () => {
    const result = areasOf(collection(ward('A', polygon(swappedSquare(108.2, 16.05))), ward('B', polygon(swappedSquare(108.22, 16.05)))));
    expect(result.problems).toEqual([{ file: 'areas', code: 'geojson-lat-lon-swapped', severity: 'changed', detail: 'x 16.05…16.06, y 108.2…108.23' }]);
    expect(result.areas.map((a) => a.geometry.coordinates)).toEqual([[square(108.2, 16.05)], [square(108.22, 16.05)]]);
    expect(result.areas[0]?.bbox.slice(0, 2)).toEqual([108.2, 16.05]);
  });

  it('joins merchants to wards read from a swapped file', () => {
    const areas = JSON.stringify(collection({ type: 'Feature', properties: { ma_xa: '00101', ten_xa: 'Xã Một' }, geometry: polygon(swappedSquare(108.2, 16.05)) }));
    const texts = assembleImport([{ name: 'wards.geojson', text: areas }, { name: 'm.csv', text: 'id,name,category,lat,lon,has_qr\n1,A,food,16.055,108.205,1\n' }], null);
    const project = buildProject(parseProjectTexts(texts));
    expect(project.report.join.matchedByLocation).toBe(1);
    expect(project.report.problems.map((p) => p.code)).toContain('geojson-lat-lon-swapped');
  });

  it('rejects every feature of a file in projected metres (VN-2000 / UTM)', () => {
    const metres = (x: number, y: number): Ring => square(x, y, 500);
    const result = areasOf(collection(ward('A', polygon(metres(500000, 1800000))), ward('B', polygon(metres(501000, 1800000))), ward('C', null)));
    expect(result.problems.map((p) => [p.code, p.severity, p.feature])).toEqual([
      ['geojson-projected', 'rejected', undefined],
      ['geojson-projected', 'rejected', 0],
      ['geojson-projected', 'rejected', 1],
      ['feature-no-geometry', 'rejected', 2],
    ]);
    expect(result.problems[0]?.detail).toBe('x 500000…501500, y 1800000…1800500');
    expect(result.summary).toEqual({ file: 'areas', rows: 3, loaded: 0, rejected: 3 });
  });

  it('rejects only the odd feature out of range in a file of degrees', () => {
    const result = areasOf(collection(ward('A', polygon(square(108, 16))), ward('B', polygon(square(108.1, 16))), ward('C', polygon(square(1080, 16)))));
    expect(codes(result.problems)).toEqual(['feature-bad-coordinates#2']);
  });
});

describe('GeometryCollections and mixed files', () => {
  const point = { type: 'Point', coordinates: [108.5, 16.5] };
  const line = { type: 'LineString', coordinates: [[108, 16], [108.1, 16]] };

  it('flattens a GeometryCollection into its polygons for areas, and reports what was dropped', () => {
    const gc = { type: 'GeometryCollection', geometries: [polygon(square(108, 16)), point, { type: 'MultiPolygon', coordinates: [[square(108.1, 16)]] }] };
    const result = areasOf(collection(ward('A', gc), ward('B', { type: 'GeometryCollection', geometries: [polygon(square(108.3, 16))] })));
    expect(result.problems).toEqual([
      { file: 'areas', code: 'feature-collection-flattened', severity: 'changed', feature: 0, detail: '2 polygons kept; dropped: 1 Point' },
      { file: 'areas', code: 'feature-collection-flattened', severity: 'changed', feature: 1, detail: '1 polygon kept' },
    ]);
    expect(result.areas[0]?.geometry).toEqual({ type: 'MultiPolygon', coordinates: [[square(108, 16)], [square(108.1, 16)]] });
    expect(result.areas[1]?.geometry).toEqual({ type: 'Polygon', coordinates: [square(108.3, 16)] });
  });

  it('flattens nested collections, and rejects a collection without polygons or with a broken one', () => {
    const nested = { type: 'GeometryCollection', geometries: [{ type: 'GeometryCollection', geometries: [polygon(square(108, 16))] }] };
    expect(areaProblems(nested)).toEqual(['~feature-collection-flattened#0']);
    expect(areaProblems({ type: 'GeometryCollection', geometries: [point, line] })).toEqual(['feature-wrong-geometry#0']);
    expect(areaProblems({ type: 'GeometryCollection', geometries: [] })).toEqual(['feature-no-coordinates#0']);
    expect(areaProblems({ type: 'GeometryCollection' })).toEqual(['feature-no-coordinates#0']);
    expect(areaProblems({ type: 'GeometryCollection', geometries: [polygon(square(108, 16)), false] })).toEqual(['feature-unknown-geometry-type#0']);
    expect(areaProblems({ type: 'GeometryCollection', geometries: [polygon([[108, 16], [108.1, 16], [108, 16]])] })).toEqual(['feature-ring-too-short#0']);
  });

  it('keeps the polygons of a mixed file and rejects each other feature as feature-wrong-geometry', () => {
    const json = collection(ward('A', polygon(square(108, 16))), ward('P', point), ward('B', polygon(square(108.1, 16))), ward('L', line));
    const result = areasOf(json);
    expect(codes(result.problems)).toEqual(['feature-wrong-geometry#1', 'feature-wrong-geometry#3']);
    expect(result.areas.map((a) => a.code)).toEqual(['A', 'B']);
    expect(geoJsonKind(featuresOf(json, 'areas').features)).toBe('areas');
  });

  it('counts a GeometryCollection once, as the kind most of its members have', () => {
    const gcOfPolygons = { type: 'GeometryCollection', geometries: [polygon(square(108, 16)), polygon(square(109, 16)), point] };
    expect(geoJsonKind(featuresOf(collection(ward('A', gcOfPolygons)), 'areas').features)).toBe('areas');
    expect(geoJsonKind(featuresOf(collection(ward('A', gcOfPolygons), ward('P', point), ward('Q', point)), 'areas').features)).toBe('markets');
    expect(geoJsonKind(featuresOf({ type: 'GeometryCollection', geometries: [line, line, point] }, 'areas').features)).toBe('streets');
  });

  it('lets an import recognise and read a bare Feature, a bare geometry collection or an array', () => {
    const feature = { type: 'Feature', properties: { ma_xa: '00101', ten_xa: 'Xã Một' }, geometry: polygon(square(108, 16, 1)) };
    const gc = { ...feature, geometry: { type: 'GeometryCollection', geometries: [polygon(square(108, 16, 1))] } };
    for (const json of [feature, [feature], collection(gc)]) {
      const text = JSON.stringify(json);
      expect(roleOf({ name: 'wards.geojson', text })).toBe('areas');
      const texts = assembleImport([{ name: 'wards.geojson', text }, { name: 'm.csv', text: 'id,name,category,lat,lon,has_qr\n1,A,food,16.5,108.5,1\n' }], null);
      expect(texts.manifest.areas.codeProperty).toBe('ma_xa');
      const project = buildProject(parseProjectTexts(texts));
      expect(project.areas.areas.map((a) => a.code)).toEqual(['00101']);
      expect(project.report.join.matchedByLocation).toBe(1);
    }
  });
});

describe('multi-part markets and streets', () => {
  it('reads a MultiPoint or collection of one place as a market, and rejects several places', () => {
    const result = readMarkets(collection(
      site('A', { type: 'MultiPoint', coordinates: [[108, 16], [108, 16]] }),
      site('B', { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [108.1, 16] }, polygon(square(108, 16))] }),
      site('C', { type: 'MultiPoint', coordinates: [[108, 16], [108.2, 16]] }),
      site('D', { type: 'MultiPoint', coordinates: [] }),
    ), SITES);
    expect(result.problems.map((p) => [p.code, p.feature, p.detail])).toEqual([
      ['feature-multi-part-joined', 0, 'A: 2 × [108, 16]'],
      ['feature-collection-flattened', 1, 'B: 1 point kept; dropped: 1 Polygon'],
      ['feature-multi-part', 2, 'C: 2 separate points'],
      ['feature-no-coordinates', 3, 'D: MultiPoint: empty'],
    ]);
    expect(result.items.map((m) => [m.id, m.lon, m.lat])).toEqual([['A', 108, 16], ['B', 108.1, 16]]);
    balanced(result.summary, result.problems);
  });

  it('joins the lines of a MultiLineString that meet end to end, and rejects separate lines', () => {
    const result = readStreets(collection(
      site('S1', { type: 'MultiLineString', coordinates: [[[108, 16], [108.1, 16]], [[108.1, 16], [108.2, 16.1]]] }),
      site('S2', { type: 'MultiLineString', coordinates: [[[108, 16], [108.1, 16]], [[108.3, 16], [108.4, 16]]] }),
      site('S3', { type: 'MultiLineString', coordinates: [[[108, 16], [108.1, 16]], [[108.1, 16]]] }),
    ), SITES);
    expect(result.problems.map((p) => [p.code, p.feature, p.detail])).toEqual([
      ['feature-multi-part-joined', 0, 'S1: 2 lines'],
      ['feature-multi-part', 1, 'S2: 2 lines that do not join end to end'],
      ['feature-line-too-short', 2, 'S3: line 2: 1 position'],
    ]);
    expect(result.items[0]?.geometry).toEqual({ type: 'LineString', coordinates: [[108, 16], [108.1, 16], [108.2, 16.1]] });
  });
});

describe('nothing crashes on random input', () => {
  /** Random JSON-like values, biased towards GeoJSON shapes. */
  function randomValue(next: () => number, depth: number): unknown {
    const pick = Math.floor(next() * 12);
    const types = ['Feature', 'FeatureCollection', 'Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection', 'point'];
    if (depth <= 0 || pick < 3) return [null, 0, 108.2, 16.05, -1e9, 'x', true, NaN][Math.floor(next() * 8)];
    if (pick < 7) return Array.from({ length: Math.floor(next() * 6) }, () => randomValue(next, depth - 1));
    const object: Record<string, unknown> = { type: types[Math.floor(next() * types.length)] };
    for (const key of ['features', 'geometry', 'geometries', 'coordinates', 'properties', 'bbox', 'id']) if (next() < 0.4) object[key] = randomValue(next, depth - 1);
    return object;
  }

  it('reads 3,000 random values with all three readers, keeping rows = loaded + rejected', () => {
    const next = seededRandom(20250701);
    for (let i = 0; i < 3000; i++) {
      const json = randomValue(next, 6);
      for (const result of [readAreas(json, AREAS), readMarkets(json, SITES), readStreets(json, SITES)]) balanced(result.summary, result.problems);
      geoJsonKind(featuresOf(json, 'areas').features);
    }
  });
});
