import { describe, it, expect } from 'vitest';
import { aggregateByGroupCategory } from '../../src/core/aggregate/areaCategoryTable.ts';
import { countsPerCategory, countsPerGroup, qrAdoptionRate, sumCounts } from '../../src/core/aggregate/summarise.ts';
import { deriveAdoptionView } from '../../src/core/aggregate/adoptionView.ts';
import { buildProject, OTHER_CATEGORY, type ProjectInputs } from '../../src/core/project/buildProject.ts';
import { areaCode, categoryId } from '../../src/core/ids.ts';
import type { ProjectManifest } from '../../src/core/manifest/types.ts';

describe('aggregateByGroupCategory', () => {
  // 6 rows, 2 groups × 3 categories
  const groupOf = Int32Array.from([0, 0, 1, 1, -1, 1]);
  const category = Uint16Array.from([0, 0, 2, 1, 0, 2]);
  const hasQr = Uint8Array.from([1, 0, 1, 1, 1, 1]);
  const tx = Uint32Array.from([4, 9, 0, 1, 5, 2]);
  const table = aggregateByGroupCategory(groupOf, 2, category, 3, hasQr, tx);

  it('counts merchants, QR and active QR per group × category at [group * categories + category]', () => {
    expect(table.groups).toBe(2);
    expect(table.categories).toBe(3);
    expect(Array.from(table.merchants)).toEqual([2, 0, 0, 0, 1, 2]);
    expect(Array.from(table.withQr)).toEqual([1, 0, 0, 0, 1, 2]);
    expect(Array.from(table.activeQr)).toEqual([1, 0, 0, 0, 1, 1]);
  });

  it('does not count transactions of a merchant without QR as active QR', () => {
    // row 1: no QR but 9 transactions
    expect(table.activeQr[0]).toBe(1);
  });

  it('ignores rows whose group is -1', () => {
    const total = Array.from(table.merchants).reduce((a, b) => a + b, 0);
    expect(total).toBe(5);
  });

  it('gives an empty table for no groups', () => {
    const empty = aggregateByGroupCategory(Int32Array.from([-1]), 0, Uint16Array.from([0]), 2, Uint8Array.from([1]), Uint32Array.from([1]));
    expect(empty.merchants.length).toBe(0);
  });
});

describe('summarise', () => {
  const table = aggregateByGroupCategory(
    Int32Array.from([0, 0, 0, 1, 1, 2]), 3,
    Uint16Array.from([0, 1, 2, 1, 2, 0]), 3,
    Uint8Array.from([1, 1, 0, 0, 1, 1]),
    Uint32Array.from([1, 0, 0, 0, 3, 0]),
  );

  it('sums only the selected categories of each group', () => {
    expect(countsPerGroup(table, new Set([1, 2]))).toEqual([
      { merchants: 2, withQr: 1, activeQr: 0 },
      { merchants: 2, withQr: 1, activeQr: 1 },
      { merchants: 0, withQr: 0, activeQr: 0 },
    ]);
    expect(countsPerGroup(table, new Set([0]))).toEqual([
      { merchants: 1, withQr: 1, activeQr: 1 },
      { merchants: 0, withQr: 0, activeQr: 0 },
      { merchants: 1, withQr: 1, activeQr: 0 },
    ]);
  });

  it('ignores selected categories outside the table', () => {
    expect(countsPerGroup(table, new Set([-1, 3, 99, 0]))).toEqual(countsPerGroup(table, new Set([0])));
  });

  it('gives zero counts for an empty selection', () => {
    expect(sumCounts(countsPerGroup(table, new Set()))).toEqual({ merchants: 0, withQr: 0, activeQr: 0 });
  });

  it('lists the counts of one group per category', () => {
    expect(countsPerCategory(table, 0)).toEqual([
      { merchants: 1, withQr: 1, activeQr: 1 },
      { merchants: 1, withQr: 1, activeQr: 0 },
      { merchants: 1, withQr: 0, activeQr: 0 },
    ]);
  });

  it('sums counts', () => {
    expect(sumCounts([{ merchants: 3, withQr: 2, activeQr: 1 }, { merchants: 4, withQr: 1, activeQr: 1 }])).toEqual({ merchants: 7, withQr: 3, activeQr: 2 });
  });

  it('gives the QR adoption rate as withQr / merchants, NaN for zero merchants', () => {
    expect(qrAdoptionRate({ merchants: 4, withQr: 1, activeQr: 0 })).toBe(0.25);
    expect(qrAdoptionRate({ merchants: 0, withQr: 0, activeQr: 0 })).toBeNaN();
  });
});

// ---------------------------------------------------------------------------------------------
// A tiny project: three square wards side by side, two categories, ~12 merchant rows.

const X = 108.2;
const Y = 16.05;
const S = 0.01;
const square = (x: number, y: number): number[][] => [[x, y], [x + S, y], [x + S, y + S], [x, y + S], [x, y]];
const ward = (code: string, x: number, ring = square(x, Y)) =>
  ({ type: 'Feature', properties: { ward_code: code, ward_name: `Phường ${code}` }, geometry: { type: 'Polygon', coordinates: [ring] } });
/** Coordinates inside ward k (0, 1, 2) as "lat,lon". */
const inWard = (k: number, dx = 0.5, dy = 0.5) => `${Y + dy * S},${X + (k + dx) * S}`;

const MANIFEST: ProjectManifest = {
  version: 1,
  title: 'Tiny',
  sample: true,
  areas: { url: 'file:///areas.geojson', codeProperty: 'ward_code', nameProperty: 'ward_name', level: 'ward', adminSystem: '2025' },
  merchants: { url: 'file:///merchants.csv', columns: {} },
  markets: { url: 'file:///markets.geojson', idProperty: 'market_id', nameProperty: 'name' },
  streets: { url: 'file:///streets.geojson', idProperty: 'street_id', nameProperty: 'name' },
  categories: [
    { id: categoryId('food'), label: { vi: 'Thực phẩm', en: 'Food' }, color: '#E69F00' },
    { id: categoryId('fashion'), label: { vi: 'Thời trang', en: 'Fashion' }, color: '#CC79A7' },
  ],
  classification: { method: 'equal-interval', classes: 3 },
};

const MERCHANTS_CSV = [
  'id,name,category,lat,lon,ward_code,has_qr,street_id,tx_count_month',
  `M1,A,food,${inWard(0)},00001,1,,5`, //            line 2: W1 food, QR, active
  `M2,B,Thực phẩm,${inWard(0, 0.2)},00001,1,,0`, //  line 3: W1 food, QR, inactive
  `M3,C,fashion,${inWard(0, 0.8)},,0,,0`, //         line 4: W1 fashion
  `M4,D,food,${inWard(1)},,0,S1,0`, //               line 5: W2 food
  `M5,E,thoi trang,${inWard(1, 0.3)},,1,S1,2`, //    line 6: W2 fashion, QR, active
  `M6,F,karaoke,${inWard(1, 0.7)},,1,,1`, //         line 7: W2 other (unknown category), QR, active
  'M7,G,food,,,00003,1,S2,0', //                     line 8: W3 by code, QR, inactive
  `M8,H,food,${Y + 1},${X},,1,S2,3`, //               line 9: outside every ward, no code
  'M9,I,food,,,99999,1,,0', //                       line 10: unknown ward code
  `M10,J,fashion,${inWard(2)},,maybe,,0`, //         line 11: W3 fashion, unreadable QR -> no
  `M11,K,food,abc,${X},,1,,0`, //                    line 12: bad coordinates
  `M12,L,food,${inWard(2, 0.4)},,x,S1,9`, //         line 13: W3 food, QR, active
].join('\n');

const AREAS = {
  type: 'FeatureCollection',
  features: [ward('00001', X), ward('00002', X + S), ward('00003', X + 2 * S), ward('00004', X + 3 * S, square(X + 3 * S, Y).slice(0, 4))],
};
const MARKETS = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { market_id: 'CHO1', name: 'Chợ 1', status: 'certified' }, geometry: { type: 'Point', coordinates: [X + 0.5 * S, Y + 0.5 * S] } },
    { type: 'Feature', properties: { market_id: 'CHO2', name: 'Chợ 2' }, geometry: { type: 'Point', coordinates: [X + 0.5, Y] } },
    { type: 'Feature', properties: { market_id: 'CHO3', name: 'Chợ 3' }, geometry: null },
  ],
};
const line = (...points: number[][]) => ({ type: 'LineString', coordinates: points });
const STREETS = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { street_id: 'S1', name: 'Phố 1' }, geometry: line([X + 1.1 * S, Y + 0.5 * S], [X + 1.5 * S, Y + 0.5 * S], [X + 1.9 * S, Y + 0.5 * S]) },
    { type: 'Feature', properties: { street_id: 'S2', name: 'Phố 2' }, geometry: line([X + 2.2 * S, Y + 0.2 * S], [X + 2.4 * S, Y + 0.4 * S]) },
    { type: 'Feature', properties: { street_id: 'S3', name: 'Phố 3' }, geometry: line([X, Y]) },
  ],
};

function tinyInputs(): ProjectInputs {
  return { manifest: MANIFEST, areasJson: AREAS, merchantsCsv: MERCHANTS_CSV, marketsJson: MARKETS, streetsJson: STREETS };
}

describe('buildProject on a tiny project', () => {
  const project = buildProject(tinyInputs());
  const FOOD = 0, FASHION = 1, OTHER = 2;
  const cell = (area: number, category: number) => {
    const i = area * project.areaTable.categories + category;
    return { merchants: project.areaTable.merchants[i], withQr: project.areaTable.withQr[i], activeQr: project.areaTable.activeQr[i] };
  };

  it('adds the "other" category after the manifest categories', () => {
    expect(project.categories).toHaveLength(3);
    expect(project.categories[OTHER]).toEqual(OTHER_CATEGORY);
    expect(project.areaTable.categories).toBe(3);
  });

  it('loads the valid wards and rejects the unclosed one', () => {
    expect(project.areas.areas.map((a) => a.code)).toEqual(['00001', '00002', '00003']);
    expect(project.areas.indexByCode.get(areaCode('00003'))).toBe(2);
  });

  it('gives the right counts per ward × category', () => {
    expect(cell(0, FOOD)).toEqual({ merchants: 2, withQr: 2, activeQr: 1 });
    expect(cell(0, FASHION)).toEqual({ merchants: 1, withQr: 0, activeQr: 0 });
    expect(cell(0, OTHER)).toEqual({ merchants: 0, withQr: 0, activeQr: 0 });
    expect(cell(1, FOOD)).toEqual({ merchants: 1, withQr: 0, activeQr: 0 });
    expect(cell(1, FASHION)).toEqual({ merchants: 1, withQr: 1, activeQr: 1 });
    expect(cell(1, OTHER)).toEqual({ merchants: 1, withQr: 1, activeQr: 1 });
    expect(cell(2, FOOD)).toEqual({ merchants: 2, withQr: 2, activeQr: 1 });
    expect(cell(2, FASHION)).toEqual({ merchants: 1, withQr: 0, activeQr: 0 });
    expect(cell(2, OTHER)).toEqual({ merchants: 0, withQr: 0, activeQr: 0 });
  });

  it('assigns each merchant row its ward, -1 for the unmatched', () => {
    // rows in load order: M1..M10, M12 (M11 rejected by the reader)
    expect(Array.from(project.areaOf)).toEqual([0, 0, 0, 1, 1, 1, 2, -1, -1, 2, 2]);
  });

  it('counts the join by location, by code and unmatched', () => {
    expect(project.report.join).toEqual({ matchedByLocation: 8, matchedByCode: 1, matchedByName: 0, unmatched: 2 });
  });

  it('reports every file with rows = loaded + rejected', () => {
    expect(project.report.files).toEqual([
      { file: 'areas', rows: 4, loaded: 3, rejected: 1 },
      { file: 'merchants', rows: 12, loaded: 9, rejected: 3 },
      { file: 'markets', rows: 3, loaded: 2, rejected: 1 },
      { file: 'streets', rows: 3, loaded: 2, rejected: 1 },
    ]);
    for (const f of project.report.files) expect(f.rows).toBe(f.loaded + f.rejected);
  });

  it('reports each problem with its file and line or feature', () => {
    const brief = project.report.problems.map((p) => `${p.file}:${p.code}:${p.line ?? p.feature}:${p.severity}`);
    expect(brief.sort()).toEqual([
      'areas:feature-ring-not-closed:3:rejected',
      'markets:feature-no-geometry:2:rejected',
      'merchants:merchant-bad-coordinates:12:rejected',
      'merchants:merchant-bad-qr-value:11:changed',
      'merchants:merchant-outside-areas:9:rejected',
      'merchants:merchant-unknown-area-code:10:rejected',
      'merchants:merchant-unknown-category:7:changed',
      'streets:feature-line-too-short:2:rejected',
    ]);
    // every rejected problem is one rejected row or feature
    const rejected = project.report.problems.filter((p) => p.severity === 'rejected').length;
    expect(rejected).toBe(project.report.files.reduce((a, f) => a + f.rejected, 0));
  });

  it('places markets in their ward, -1 outside', () => {
    expect(project.markets.map((m) => m.id)).toEqual(['CHO1', 'CHO2']);
    expect(Array.from(project.marketArea)).toEqual([0, -1]);
  });

  it('places streets by their middle vertex', () => {
    expect(project.streets.map((s) => s.id)).toEqual(['S1', 'S2']);
    expect(Array.from(project.streetArea)).toEqual([1, 2]);
  });

  it('counts merchants per street through street_id', () => {
    const t = project.streetTable;
    expect(t.groups).toBe(2);
    // S1: M4 (food, no QR), M12 (food, QR, active), M5 (fashion, QR, active)
    expect(Array.from(t.merchants.slice(0, 3))).toEqual([2, 1, 0]);
    expect(Array.from(t.withQr.slice(0, 3))).toEqual([1, 1, 0]);
    expect(Array.from(t.activeQr.slice(0, 3))).toEqual([1, 1, 0]);
    // S2: M7 (food, QR, inactive); M8 names S2 but lies outside every ward and is rejected
    expect(Array.from(t.merchants.slice(3, 6))).toEqual([1, 0, 0]);
    expect(Array.from(t.withQr.slice(3, 6))).toEqual([1, 0, 0]);
  });

  it('works without markets and streets', () => {
    const { manifest, areasJson, merchantsCsv } = tinyInputs();
    const p = buildProject({ manifest, areasJson, merchantsCsv });
    expect(p.markets).toEqual([]);
    expect(p.streets).toEqual([]);
    expect(p.report.files.map((f) => f.file)).toEqual(['areas', 'merchants']);
    expect(p.streetTable.groups).toBe(0);
  });

  it('does not add "other" when every category is known', () => {
    const csv = MERCHANTS_CSV.split('\n').filter((l) => !l.includes('karaoke')).join('\n');
    const p = buildProject({ ...tinyInputs(), merchantsCsv: csv });
    expect(p.categories).toHaveLength(2);
    expect(p.areaTable.categories).toBe(2);
  });
});

describe('deriveAdoptionView', () => {
  const ALL = new Set([0, 1, 2]);

  it('totals every category when all are selected', () => {
    const view = deriveAdoptionView(buildProject(tinyInputs()), ALL);
    expect(view.totals).toEqual({ merchants: 9, withQr: 6, activeQr: 4 });
    expect(view.areas.map((a) => a.counts.merchants)).toEqual([3, 3, 3]);
    expect(view.areas.map((a) => a.rate)).toEqual([2 / 3, 2 / 3, 2 / 3]);
    expect(view.noData).toBe(0);
  });

  it('changes totals and rates with a category subset', () => {
    const project = buildProject(tinyInputs());
    const food = deriveAdoptionView(project, new Set([0]));
    expect(food.totals).toEqual({ merchants: 5, withQr: 4, activeQr: 2 });
    expect(food.areas.map((a) => a.rate)).toEqual([1, 0, 1]);
    expect(food.streets).toEqual([{ merchants: 2, withQr: 1, activeQr: 1 }, { merchants: 1, withQr: 1, activeQr: 0 }]);
    const fashion = deriveAdoptionView(project, new Set([1]));
    expect(fashion.totals).toEqual({ merchants: 3, withQr: 1, activeQr: 1 });
    expect(fashion.areas.map((a) => a.rate)).toEqual([0, 1, 0]);
  });

  it('classes the wards from their rates and counts them per class', () => {
    const food = deriveAdoptionView(buildProject(tinyInputs()), new Set([0]));
    // rates 1, 0, 1: the 0 ward is in the lowest class, the two 1 wards in the highest
    const [a, b, c] = food.areas.map((x) => x.classIndex);
    expect(b).toBe(0);
    expect(a).toBe(c);
    expect(a).toBeGreaterThan(0);
    expect(food.classCounts.reduce((s, n) => s + n, 0)).toBe(3);
  });

  it('marks wards without selected merchants as no data', () => {
    const view = deriveAdoptionView(buildProject(tinyInputs()), new Set([2]));
    expect(view.areas.map((a) => Number.isNaN(a.rate))).toEqual([true, false, true]);
    expect(view.areas[0]?.classIndex).toBe(-1);
    expect(view.noData).toBe(2);
    const none = deriveAdoptionView(buildProject(tinyInputs()), new Set());
    expect(none.noData).toBe(3);
    expect(none.totals).toEqual({ merchants: 0, withQr: 0, activeQr: 0 });
  });

  it('comes from the ward × category table, never from the merchant rows', () => {
    const project = buildProject(tinyInputs());
    const before = deriveAdoptionView(project, ALL);
    project.merchants.hasQr.fill(0);
    project.merchants.category.fill(0);
    // a selection never asked for before the rows were overwritten
    const after = deriveAdoptionView(project, new Set([1, 2]));
    expect(after.totals).toEqual({ merchants: 4, withQr: 2, activeQr: 2 });
    expect(after.areas.map((a) => a.counts)).toEqual([
      { merchants: 1, withQr: 0, activeQr: 0 },
      { merchants: 2, withQr: 2, activeQr: 2 },
      { merchants: 1, withQr: 0, activeQr: 0 },
    ]);
    expect(deriveAdoptionView(project, ALL)).toEqual(before);
  });
});
