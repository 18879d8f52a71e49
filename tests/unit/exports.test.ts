import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileNameFor } from '../../src/app/download.ts';
import { deriveAdoptionView } from '../../src/core/aggregate/adoptionView.ts';
import { areasCsv, problemsCsv } from '../../src/core/export/exports.ts';
import { parseManifest } from '../../src/core/manifest/parseManifest.ts';
import { buildProject } from '../../src/core/project/buildProject.ts';

const square = (west: number) => [[[west, 16], [west + 1, 16], [west + 1, 17], [west, 17], [west, 16]]];
const manifest = parseManifest(JSON.parse(readFileSync('data/demo/project.json', 'utf8')), 'https://example.org/p/project.json');
const project = buildProject({
  manifest: { ...manifest, areas: { ...manifest.areas, codeProperty: 'code', nameProperty: 'name' } },
  areasJson: {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { code: '00001', name: '=HYPERLINK("http://x")' }, geometry: { type: 'Polygon', coordinates: square(107) } },
      { type: 'Feature', properties: { code: '00002', name: 'Phường Hai, Ba' }, geometry: { type: 'Polygon', coordinates: square(108) } },
    ],
  },
  merchantsCsv: 'id,name,category,lat,lon,has_qr\n1,A,thuc_pham,16.5,107.5,1\n2,B,thuc_pham,16.5,107.6,0\n3,C,thuc_pham,16.5,107.7,0\n',
});
const view = deriveAdoptionView(project, new Set([0]));

describe('areasCsv', () => {
  const csv = areasCsv(project, view, [0, 1], ['Thực phẩm']);

  it('starts with a byte order mark and ends each record with CRLF, for Excel', () => {
    expect(csv.startsWith('\uFEFFarea_code,area_name,merchants,merchants_qr,merchants_qr_active,qr_rate,categories\r\n')).toBe(true);
  });

  it('keeps codes as text, rates in 0..1, and defuses a name that Excel would run as a formula', () => {
    const lines = csv.slice(1).split('\r\n');
    // 1 of 3 merchants with QR: 0.3333; the name starting with "=" gets a leading apostrophe and quotes.
    expect(lines[1]).toBe(`00001,"'=HYPERLINK(""http://x"")",3,1,0,0.3333,Thực phẩm`);
    expect(lines[2]).toBe('00002,"Phường Hai, Ba",0,0,0,,Thực phẩm');
  });
});

describe('problemsCsv', () => {
  it('lists each problem with where it was and why', () => {
    const csv = problemsCsv([{ file: 'merchants', code: 'merchant-outside-areas', severity: 'rejected', line: 7, detail: '@cmd' }], () => ({ file: 'Danh sách cơ sở', reason: 'Ngoài vùng' }));
    expect(csv).toBe('\uFEFFfile,line,feature,severity,code,reason,detail\r\nDanh sách cơ sở,7,,rejected,merchant-outside-areas,Ngoài vùng,\'@cmd\r\n');
  });
});

describe('fileNameFor', () => {
  it('makes a plain file name from a Vietnamese title and the date', () => {
    expect(fileNameFor('xep-hang', 'Thành phố Đà Nẵng', 'csv', new Date('2026-10-10T08:00:00Z'))).toBe('xep-hang-thanh-pho-da-nang-2026-10-10.csv');
  });
});
