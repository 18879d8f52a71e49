import { describe, expect, it } from 'vitest';
import { deriveAdoptionView } from '../../src/core/aggregate/adoptionView.ts';
import { parseManifest } from '../../src/core/manifest/parseManifest.ts';
import { isAggregateTable } from '../../src/core/merchants/readAggregateCsv.ts';
import { buildProject } from '../../src/core/project/buildProject.ts';

const square = (west: number) => [[[west, 16], [west + 1, 16], [west + 1, 17], [west, 17], [west, 16]]];
const AREAS = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { code: '20242', name: 'Phường Hải Châu' }, geometry: { type: 'Polygon', coordinates: square(107) } },
    { type: 'Feature', properties: { code: '00123', name: 'Xã Hòa Vang' }, geometry: { type: 'Polygon', coordinates: square(108) } },
  ],
};
const manifest = parseManifest(
  {
    version: 1,
    title: 'Tổng hợp',
    areas: { url: 'a.geojson', codeProperty: 'code', nameProperty: 'name' },
    merchants: { url: 'counts.csv' },
    categories: [
      { id: 'thuc_pham', label: { vi: 'Thực phẩm', en: 'Food' }, color: '#E69F00' },
      { id: 'thoi_trang', label: { vi: 'Thời trang', en: 'Fashion' }, color: '#CC79A7' },
    ],
    classification: { method: 'quantile', classes: 5 },
  },
  'https://example.org/p/project.json',
);

// What a provincial database's query returns: area × category with counts.
const TABLE = [
  'area_code,category,merchants,merchants_qr',
  '20242,thuc_pham,120,90', // line 2
  '20242,Thời trang,"1.000",400', // line 3: Vietnamese thousands separator, category by label
  '123,thuc_pham,50,10', // line 4: code without its leading zeros
  '99999,thuc_pham,5,5', // line 5: unknown ward
  '00123,thoi_trang,10,12', // line 6: more QR than merchants
  '00123,thoi_trang,mười,1', // line 7: not a number
].join('\n');

describe('pre-aggregated tables', () => {
  it('are recognised by their count columns', () => {
    expect(isAggregateTable(TABLE)).toBe(true);
    expect(isAggregateTable('id,name,category,lat,lon,has_qr\n')).toBe(false);
  });

  it('map without merchant rows: counts per ward and category come from the table', () => {
    const project = buildProject({ manifest, areasJson: AREAS, merchantsCsv: TABLE });
    expect(project.merchants.count).toBe(0);
    const all = deriveAdoptionView(project, new Set([0, 1]));
    // Hải Châu: 120 + 1000 merchants, 90 + 400 with QR; Hòa Vang: 50 merchants, 10 with QR.
    expect(all.areas.map((a) => [a.counts.merchants, a.counts.withQr])).toEqual([[1120, 490], [50, 10]]);
    const fashion = deriveAdoptionView(project, new Set([1]));
    expect(fashion.totals).toEqual({ merchants: 1000, withQr: 400, activeQr: 0 });
  });

  it('report each row not used with its line, and rows = loaded + rejected', () => {
    const project = buildProject({ manifest, areasJson: AREAS, merchantsCsv: TABLE });
    const merchants = project.report.files.find((f) => f.file === 'merchants');
    expect(merchants).toEqual({ file: 'merchants', rows: 6, loaded: 3, rejected: 3 });
    const brief = project.report.problems.filter((p) => p.file === 'merchants').map((p) => `${p.line}:${p.code}:${p.severity}`);
    expect(brief).toEqual([
      '4:merchant-matched-by-padded-code:changed',
      '5:merchant-unknown-area-code:rejected',
      '6:aggregate-inconsistent-count:rejected',
      '7:aggregate-bad-count:rejected',
    ]);
    expect(project.hasTransactions).toBe(false);
  });
});
