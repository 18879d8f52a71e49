import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** The command line as a child process, exactly as `npm run cli` runs it (tsx loader, no build). */
const ROOT = path.resolve(import.meta.dirname, '../..');
const MAIN = path.join(ROOT, 'src/cli/main.ts');
const dir = mkdtempSync(path.join(tmpdir(), 'qr-map-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, content: string | Uint8Array): string {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
}

const box = (minLon: number, minLat: number, maxLon: number, maxLat: number) => ({
  type: 'Polygon',
  coordinates: [[[minLon, minLat], [maxLon, minLat], [maxLon, maxLat], [minLon, maxLat], [minLon, minLat]]],
});
const ward = (code: string, name: string, geometry: unknown) => ({ type: 'Feature', properties: { ma_xa: code, ten_xa: name, ma_tinh: '48' }, geometry });
const HYPERLINK = '=HYPERLINK("http://x.example","Bấm")';
/** Four square wards (A B on the bottom row, C D above) and a fifth feature without geometry. */
const wards = [
  ward('00101', 'Phường Một', box(108.0, 16.0, 108.1, 16.1)),
  ward('00102', HYPERLINK, box(108.1, 16.0, 108.2, 16.1)),
  ward('00103', 'Xã Ba', box(108.0, 16.1, 108.1, 16.2)),
  ward('00104', 'Phường Bốn', box(108.1, 16.1, 108.2, 16.2)),
];
const areasClean = file('areas-clean.geojson', JSON.stringify({ type: 'FeatureCollection', features: wards }));
const areas = file('areas.geojson', JSON.stringify({ type: 'FeatureCollection', features: [...wards, ward('00105', 'Xã Năm', null)] }));

/** Header on line 1, M1 on line 2, …, M11 on line 12. */
const merchants = file('merchants.csv', [
  'id,name,category,lat,lon,ward_code,has_qr',
  'M1,Quán A,Thực phẩm,16.05,108.05,,1', // A, food, QR
  'M2,Quán B,Thực phẩm,16.05,108.06,,0', // A, food
  'M3,Shop C,Thời trang,16.06,108.07,,có', // A, fashion, QR
  'M4,Shop D,Thời trang,16.05,108.15,,1', // B, fashion, QR
  'M5,"Quán ""E""",Thực phẩm,16.02,108.12,,x', // B, food, QR
  'M6,Shop F,thuc pham,16.15,108.05,,0', // C, food (same category, other spelling)
  'M7,Shop G,Thời trang,,,00103,1', // C by code, fashion, QR
  'M8,Shop H,Thực phẩm,17.5,108.05,,1', // outside every ward: rejected (line 9)
  'M9,Shop I,Thực phẩm,abc,108.05,,1', // bad coordinates: rejected (line 10)
  'M10,Shop J,Thời trang,16.07,108.08,,maybe', // A, fashion, unreadable QR: counted without (line 11)
  'M11,Shop K,Thời trang,16.12,108.02,,1', // C, fashion, QR
].join('\n'));

describe('qr-map validate', () => {
  it('prints the report of a merchant CSV and exits 1 when a row is rejected', () => {
    const { status, stdout, stderr } = cli('validate', merchants);
    expect(stderr).toBe('');
    expect(status).toBe(1);
    expect(stdout.split('\n')).toEqual([
      `File: ${merchants}`,
      'Kind: merchant list (CSV)',
      'Encoding: UTF-8',
      'Delimiter: comma (,)',
      'Categories in the data: 2',
      'Rows: 11',
      'Used: 10',
      'Rejected: 1',
      'Problems (2):',
      '  line 10: rejected: Invalid coordinates [abc; 108.05]',
      '  line 11: changed: Unreadable QR value, counted as without QR [maybe]',
      'Note: rows are not checked against area boundaries here; `qr-map aggregate` does that.',
      '',
    ]);
  });

  it('reports in Vietnamese with --lang vi, and a rejected feature by its index', () => {
    const { status, stdout } = cli('validate', areas, '--lang', 'vi');
    expect(status).toBe(1);
    expect(stdout).toContain('Thuộc tính mã: ma_xa (đoán)\nThuộc tính tên: ten_xa (đoán)\nSố dòng: 5\nĐã dùng: 4\nBị loại: 1\n');
    expect(stdout).toContain('  đối tượng #4: bị loại: Đối tượng không có hình học\n');
  });

  it('exits 0 for a clean file, and reads Windows-1258 (Excel’s plain CSV)', () => {
    expect(cli('validate', areasClean).status).toBe(0);
    // "id,name,category,lat,lon,has_qr\n1,Phường Hải Châu,x,16,108,1" with the name in Windows-1258 bytes.
    const name = [0x50, 0x68, 0xfd, 0xf5, 0xcc, 0x6e, 0x67, 0x20, 0x48, 0x61, 0xd2, 0x69, 0x20, 0x43, 0x68, 0xe2, 0x75];
    const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));
    const csv1258 = file('excel.csv', Uint8Array.from([...ascii('id;name;category;lat;lon;has_qr\r\n1;'), ...name, ...ascii(';x;16;108;1\r\n')]));
    const { status, stdout } = cli('validate', csv1258);
    expect(status).toBe(0);
    expect(stdout).toContain('Encoding: Windows-1258 (not valid UTF-8');
    expect(stdout).toContain('Delimiter: semicolon (;)\n');
  });

  it('exits 2 with a reason on stderr when the file cannot be read', () => {
    const cases: [string, string][] = [
      [path.join(dir, 'missing.csv'), 'no such file'],
      [file('book.xlsx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00])), 'Excel workbook'],
      [file('broken.geojson', '{"type": "FeatureCollection", "features": ['), 'invalid JSON'],
      [file('tcvn3.csv', Uint8Array.from([0x69, 0x64, 0x2c, 0x6e, 0x61, 0x6d, 0x65, 0x0a, 0x31, 0x2c, 0x48, 0xb5, 0x20, 0x4e, 0xe9, 0x69])), 'TCVN3'],
    ];
    for (const [input, reason] of cases) {
      const { status, stdout, stderr } = cli('validate', input);
      expect(status, input).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(reason);
    }
  });
});

describe('qr-map aggregate', () => {
  it('writes areas.csv, area_categories.csv and report.json for a hand-computed case', () => {
    const out = path.join(dir, 'out');
    const { status, stdout, stderr } = cli('aggregate', '--areas', areas, '--merchants', merchants, '--out', out);
    expect(stderr).toBe('');
    expect(status).toBe(1);
    expect(stdout).toContain('Assigned to areas: 8 by location, 1 by code, 0 by name, 1 unassigned\n');

    expect(readFileSync(path.join(out, 'areas.csv'), 'utf8')).toBe(
      '\ufeffarea_code,area_name,merchants,merchants_qr,qr_rate\r\n' +
      '00101,Phường Một,4,2,0.5\r\n' +
      `00102,"'=HYPERLINK(""http://x.example"",""Bấm"")",2,2,1\r\n` +
      '00103,Xã Ba,3,2,0.6667\r\n' +
      '00104,Phường Bốn,0,0,\r\n',
    );
    expect(readFileSync(path.join(out, 'area_categories.csv'), 'utf8')).toBe(
      '\ufeffarea_code,category,merchants,merchants_qr\r\n' +
      '00101,Thời trang,2,1\r\n' +
      '00101,Thực phẩm,2,1\r\n' +
      '00102,Thời trang,1,1\r\n' +
      '00102,Thực phẩm,1,1\r\n' +
      '00103,Thời trang,2,2\r\n' +
      '00103,Thực phẩm,1,0\r\n',
    );
    expect(JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'))).toEqual({
      areas: {
        file: areas, encoding: 'utf-8', codeProperty: 'ma_xa', codeGuessed: true, nameProperty: 'ten_xa', nameGuessed: true,
        rows: 5, loaded: 4, rejected: 1,
        problems: [{ feature: 4, severity: 'rejected', code: 'feature-no-geometry', message: 'The feature has no geometry' }],
      },
      merchants: {
        file: merchants, encoding: 'utf-8', delimiter: ',', categories: ['Thời trang', 'Thực phẩm'],
        rows: 11, loaded: 9, rejected: 2,
        problems: [
          { line: 9, severity: 'rejected', code: 'merchant-outside-areas', message: 'The location lies outside every area', detail: '17.5, 108.05' },
          { line: 10, severity: 'rejected', code: 'merchant-bad-coordinates', message: 'Invalid coordinates', detail: 'abc; 108.05' },
          { line: 11, severity: 'changed', code: 'merchant-bad-qr-value', message: 'Unreadable QR value, counted as without QR', detail: 'maybe' },
        ],
      },
      join: { matchedByLocation: 8, matchedByCode: 1, matchedByName: 0, unmatched: 1 },
    });
  });

  it('counts every demo merchant in exactly one ward', () => {
    const out = path.join(dir, 'demo');
    const demo = path.join(ROOT, 'data/demo');
    const { status, stderr } = cli('aggregate', '--areas', path.join(demo, 'areas.geojson'), '--merchants', path.join(demo, 'merchants.csv'),
      '--markets', path.join(demo, 'markets.geojson'), '--streets', path.join(demo, 'streets.geojson'), '--out', out);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const dataRows = readFileSync(path.join(demo, 'merchants.csv'), 'utf8').trim().split(/\r?\n/).length - 1;
    const rows = readFileSync(path.join(out, 'areas.csv'), 'utf8').trim().split('\r\n').slice(1).map((line) => line.split(','));
    expect(rows.reduce((sum, row) => sum + Number(row[2]), 0)).toBe(dataRows);
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as { join: { unmatched: number }; areas: { codeProperty: string } };
    expect(report.join.unmatched).toBe(0);
    expect(report.areas.codeProperty).toBe('ward_code');
  });

  it('explains usage errors and shows help', () => {
    const missing = cli('aggregate', '--areas', areas);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--areas, --merchants and --out are required');
    const wrongKind = cli('aggregate', '--areas', merchants, '--merchants', merchants, '--out', dir);
    expect(wrongKind.status).toBe(2);
    const help = cli('aggregate', '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: qr-map aggregate');
    expect(cli('validate', '--help').stdout).toContain('Usage: qr-map validate <file>');
  });
});
