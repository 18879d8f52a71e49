import { describe, it, expect } from 'vitest';
import { readMerchantsCsv } from '../../src/core/merchants/readMerchantsCsv.ts';
import { parseCount, parseDecimal, parseYesNo } from '../../src/core/merchants/parseValues.ts';
import { resolveColumns } from '../../src/core/merchants/resolveColumns.ts';
import { buildCategoryMatcher, foldText } from '../../src/core/merchants/categoryMatcher.ts';
import { dictionaryValue } from '../../src/core/merchants/columns.ts';
import { categoryId } from '../../src/core/ids.ts';
import type { CategoryDefinition, MerchantColumns } from '../../src/core/manifest/types.ts';
import type { MerchantsResult } from '../../src/core/merchants/readMerchantsCsv.ts';

const CATEGORIES: readonly CategoryDefinition[] = [
  { id: categoryId('thuc_pham'), label: { vi: 'Thực phẩm', en: 'Food' }, color: '#E69F00' },
  { id: categoryId('thoi_trang'), label: { vi: 'Thời trang', en: 'Fashion' }, color: '#CC79A7' },
  { id: categoryId('dien_nuoc'), label: { vi: 'Điện nước', en: 'Utilities' }, color: '#AA4499' },
];

const HEADER = ['id', 'name', 'category', 'lat', 'lon', 'ward_code', 'has_qr', 'tx_count_month'];

type Row = Partial<Record<string, string>>;
const BASE_ROW: Row = { id: 'M1', name: 'Quán A', category: 'thuc_pham', lat: '16.05', lon: '108.2', ward_code: '00123', has_qr: '1', tx_count_month: '3' };

/** Writes a CSV from a header and rows built on BASE_ROW. */
function csv(rows: readonly Row[], options: { header?: readonly string[]; delimiter?: string; eol?: string } = {}): string {
  const header = options.header ?? HEADER;
  const d = options.delimiter ?? ',';
  const eol = options.eol ?? '\n';
  const lines = [header.join(d), ...rows.map((r) => header.map((h) => ({ ...BASE_ROW, ...r })[h] ?? '').join(d))];
  return lines.join(eol) + eol;
}

function read(text: string, mapping: Partial<MerchantColumns> = {}): MerchantsResult {
  return readMerchantsCsv(text, mapping, CATEGORIES);
}

function expectBalanced(result: MerchantsResult): void {
  expect(result.summary.rows).toBe(result.summary.loaded + result.summary.rejected);
  expect(result.summary.loaded).toBe(result.table.count);
}

describe('readMerchantsCsv: columns', () => {
  it('reads every column into typed arrays', () => {
    const result = read(csv([{}, { id: 'M2', name: 'Shop B', category: 'thoi_trang', lat: '16.1', lon: '108.3', has_qr: '0', tx_count_month: '' }]));
    const t = result.table;
    expect(t.count).toBe(2);
    expect(t.lat).toBeInstanceOf(Float64Array);
    expect(t.category).toBeInstanceOf(Uint16Array);
    expect(t.hasQr).toBeInstanceOf(Uint8Array);
    expect(Array.from(t.lat)).toEqual([16.05, 16.1]);
    expect(Array.from(t.lon)).toEqual([108.2, 108.3]);
    expect(Array.from(t.category)).toEqual([0, 1]);
    expect(Array.from(t.hasQr)).toEqual([1, 0]);
    expect(Array.from(t.txCountMonth)).toEqual([3, 0]);
    expect(Array.from(t.line)).toEqual([2, 3]);
    expect(dictionaryValue(t.id, 1)).toBe('M2');
    expect(dictionaryValue(t.name, 0)).toBe('Quán A');
    expect(result.problems).toEqual([]);
    expect(result.summary).toEqual({ file: 'merchants', rows: 2, loaded: 2, rejected: 0 });
  });

  it('stores a repeated string once in a dictionary column', () => {
    const t = read(csv([{}, {}, { ward_code: '00456' }])).table;
    expect(t.areaCode.values).toEqual(['00123', '00456']);
    expect(Array.from(t.areaCode.codes)).toEqual([0, 0, 1]);
  });

  it('keeps leading zeros in ward codes', () => {
    const t = read(csv([{ ward_code: '00123' }, { ward_code: '0007' }])).table;
    expect(dictionaryValue(t.areaCode, 0)).toBe('00123');
    expect(dictionaryValue(t.areaCode, 1)).toBe('0007');
  });

  it('strips a BOM so that the first header is still recognised', () => {
    const result = read('\uFEFF' + csv([{}]));
    expect(result.problems).toEqual([]);
    expect(dictionaryValue(result.table.id, 0)).toBe('M1');
  });

  it('reads a CRLF file without a CR in the last column', () => {
    const t = read(csv([{ tx_count_month: '7' }], { eol: '\r\n' })).table;
    expect(Array.from(t.txCountMonth)).toEqual([7]);
  });

  it('rounds fractional transaction counts and treats negatives as 0', () => {
    const t = read(csv([{ tx_count_month: '2.6' }, { tx_count_month: '-4' }, { tx_count_month: 'abc' }])).table;
    expect(Array.from(t.txCountMonth)).toEqual([3, 0, 0]);
  });

  it('keeps the QR provider only for merchants with QR', () => {
    const header = [...HEADER, 'qr_provider'];
    const t = read(csv([{ has_qr: '1', qr_provider: 'VietinBank' }, { has_qr: '0', qr_provider: 'VietinBank' }], { header })).table;
    expect(dictionaryValue(t.qrProvider, 0)).toBe('VietinBank');
    expect(dictionaryValue(t.qrProvider, 1)).toBe('');
  });

  it('reads a column named in the mapping instead of the usual header', () => {
    const header = ['ma_cs', 'ten', 'nhom', 'lat', 'lon', 'phuong', 'thanh_toan_qr'];
    const text = [header.join(','), 'A1,X,thuc_pham,16,108,00999,có'].join('\n');
    const result = read(text, { id: 'MA_CS', category: 'nhom', areaCode: 'phuong', hasQr: 'thanh_toan_qr' });
    expect(result.problems).toEqual([]);
    expect(dictionaryValue(result.table.id, 0)).toBe('A1');
    expect(dictionaryValue(result.table.areaCode, 0)).toBe('00999');
    expect(result.table.hasQr[0]).toBe(1);
  });
});

describe('readMerchantsCsv: rejected rows', () => {
  it('rejects a row with too few fields with its physical line', () => {
    const text = csv([{}]) + 'M2,B,thuc_pham,16,108\n' + csv([{ id: 'M3' }]).split('\n')[1] + '\n';
    const result = read(text);
    expect(result.problems).toEqual([{ file: 'merchants', code: 'csv-field-count', severity: 'rejected', line: 3, detail: '5/8' }]);
    expect(result.summary).toEqual({ file: 'merchants', rows: 3, loaded: 2, rejected: 1 });
    expect(Array.from(result.table.line)).toEqual([2, 4]);
  });

  it('rejects a row with too many fields, counting a quoted multi-line row by its first line', () => {
    const text = 'id,name,category,lat,lon,has_qr\n"M1","two\nlines",thuc_pham,16,108,1\nM2,B,thuc_pham,16,108,1,extra\n';
    const result = read(text);
    expect(result.problems.map((p) => [p.code, p.line])).toEqual([['csv-field-count', 4]]);
    expect(dictionaryValue(result.table.name, 0)).toBe('two\nlines');
    expectBalanced(result);
  });

  it.each([
    ['latitude out of range', '91', '108'],
    ['longitude out of range', '16', '-180.5'],
    ['text instead of a number', 'abc', '108'],
    ['only the latitude', '16', ''],
    ['two decimal separators', '16.0.1', '108'],
  ])('rejects bad coordinates: %s', (_label, lat, lon) => {
    const result = read(csv([{}, { lat, lon }]));
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ code: 'merchant-bad-coordinates', severity: 'rejected', line: 3 });
    expect(result.table.count).toBe(1);
    expectBalanced(result);
  });

  it('keeps a row with no coordinates but an area code, with NaN coordinates', () => {
    const result = read(csv([{ lat: '', lon: '', ward_code: '00777' }]));
    expect(result.problems).toEqual([]);
    expect(result.table.count).toBe(1);
    expect(result.table.lat[0]).toBeNaN();
    expect(result.table.lon[0]).toBeNaN();
    expect(dictionaryValue(result.table.areaCode, 0)).toBe('00777');
  });

  it('rejects a row with neither coordinates nor an area code', () => {
    const result = read(csv([{ lat: '', lon: '', ward_code: '' }, {}]));
    expect(result.problems).toEqual([{ file: 'merchants', code: 'merchant-no-location', severity: 'rejected', line: 2 }]);
    expect(result.summary).toEqual({ file: 'merchants', rows: 2, loaded: 1, rejected: 1 });
  });

  it('balances rows = loaded + rejected over a mix of good and bad rows', () => {
    const result = read(csv([{}, { lat: 'x' }, { lat: '', lon: '', ward_code: '' }, { category: 'unknown' }, { has_qr: 'maybe' }]) + 'short,row\n');
    expect(result.summary).toEqual({ file: 'merchants', rows: 6, loaded: 3, rejected: 3 });
    expect(result.problems.filter((p) => p.severity === 'rejected')).toHaveLength(3);
    expect(result.problems.filter((p) => p.severity === 'changed')).toHaveLength(2);
  });

  it('reports an unclosed quote at its opening line and keeps the rows before it', () => {
    const result = read(csv([{}]) + 'M2,"unclosed,thuc_pham,16,108,00123,1,0\nM3,B,thuc_pham,16,108,00123,1,0\n');
    expect(result.problems).toEqual([{ file: 'merchants', code: 'csv-unclosed-quote', severity: 'rejected', line: 3 }]);
    expect(result.table.count).toBe(1);
    expectBalanced(result);
    expect(result.summary.rejected).toBe(1);
  });
});

describe('readMerchantsCsv: decimal commas', () => {
  it('reads decimal commas in a semicolon-delimited file', () => {
    const result = read(csv([{ lat: '16,0679', lon: '108,2208', tx_count_month: '12' }], { delimiter: ';' }));
    expect(result.delimiter).toBe(';');
    expect(result.problems).toEqual([]);
    expect(result.table.lat[0]).toBeCloseTo(16.0679, 10);
    expect(result.table.lon[0]).toBeCloseTo(108.2208, 10);
  });

  it('reads a tab-delimited file', () => {
    const result = read(csv([{ name: 'A, B và C' }], { delimiter: '\t' }));
    expect(result.delimiter).toBe('\t');
    expect(dictionaryValue(result.table.name, 0)).toBe('A, B và C');
  });
});

describe('parseDecimal', () => {
  it.each([
    ['16.0679', 16.0679],
    ['16,0679', 16.0679],
    [' -108.5 ', -108.5],
    ['+3', 3],
    ['.5', 0.5],
    ['1e3', 1000],
  ])('reads %j as %d', (text, value) => {
    expect(parseDecimal(text)).toBeCloseTo(value, 10);
  });

  it.each(['', '  ', 'abc', '1,234.5', '1.234,5', '12a', '0x10', 'Infinity', '1,2,3'])('reads %j as NaN', (text) => {
    expect(parseDecimal(text)).toBeNaN();
  });
});

describe('readMerchantsCsv: has_qr values', () => {
  it.each([
    ['1', 1], ['0', 0], ['có', 1], ['Có', 1], ['không', 0], ['KHÔNG', 0], ['x', 1], ['', 0], ['true', 1], ['FALSE', 0], ['yes', 1],
  ])('reads has_qr %j as %d without a problem', (value, expected) => {
    const result = read(csv([{ has_qr: value }]));
    expect(result.problems).toEqual([]);
    expect(result.table.hasQr[0]).toBe(expected);
  });

  it('reads an NFD "có" as yes', () => {
    expect(parseYesNo('co\u0301')).toBe(true);
  });

  it('keeps a row with an unreadable has_qr value as "no" and reports it as changed', () => {
    const result = read(csv([{}, { has_qr: 'maybe' }]));
    expect(result.table.count).toBe(2);
    expect(result.table.hasQr[1]).toBe(0);
    expect(result.problems).toEqual([{ file: 'merchants', code: 'merchant-bad-qr-value', severity: 'changed', line: 3, detail: 'maybe' }]);
    expect(result.summary.rejected).toBe(0);
  });
});

describe('readMerchantsCsv: categories', () => {
  it('counts an unknown category in the extra "other" index and reports it as changed', () => {
    const result = read(csv([{}, { category: 'karaoke' }]));
    expect(result.usesOtherCategory).toBe(true);
    expect(result.table.category[1]).toBe(CATEGORIES.length);
    expect(result.table.count).toBe(2);
    expect(result.problems).toEqual([{ file: 'merchants', code: 'merchant-unknown-category', severity: 'changed', line: 3, detail: 'karaoke' }]);
  });

  it('does not use "other" when every category is known', () => {
    expect(read(csv([{}, { category: 'thoi_trang' }])).usesOtherCategory).toBe(false);
  });

  it.each([
    ['Thực phẩm', 0], ['thuc pham', 0], ['THỰC PHẨM', 0], ['Thuc-Pham', 0], ['Food', 0], ['fashion', 1],
    ['Thời trang', 1], ['Điện nước', 2], ['dien nuoc', 2], ['Dien_Nuoc', 2],
  ])('matches category %j to index %d', (text, index) => {
    const result = read(csv([{ category: text }]));
    expect(result.table.category[0]).toBe(index);
    expect(result.usesOtherCategory).toBe(false);
  });

  it('matches an NFD-written label', () => {
    const match = buildCategoryMatcher(CATEGORIES);
    expect(match('Thực phẩm'.normalize('NFD'))).toBe(0);
    expect(match('nothing')).toBe(-1);
  });

  it('folds Vietnamese text to plain lower case', () => {
    expect(foldText('  Điện,  Nước ')).toBe('dien, nuoc');
    expect(foldText('Hàng_tiêu-dùng')).toBe('hang tieu dung');
  });
});

describe('readMerchantsCsv: headers', () => {
  it('recognises Vietnamese headers without a mapping', () => {
    const header = ['mã', 'tên cơ sở', 'ngành hàng', 'vĩ độ', 'kinh độ', 'có QR', 'mã phường'];
    const text = [header.join(','), 'M9,Tiệm vàng,Thời trang,16.1,108.2,có,00042'].join('\n');
    const result = read(text);
    expect(result.problems).toEqual([]);
    const t = result.table;
    expect(t.count).toBe(1);
    expect(dictionaryValue(t.id, 0)).toBe('M9');
    expect(dictionaryValue(t.name, 0)).toBe('Tiệm vàng');
    expect(t.category[0]).toBe(1);
    expect(t.lat[0]).toBe(16.1);
    expect(t.lon[0]).toBe(108.2);
    expect(t.hasQr[0]).toBe(1);
    expect(dictionaryValue(t.areaCode, 0)).toBe('00042');
  });

  it('recognises Vietnamese headers written in NFD and upper case', () => {
    const header = ['MÃ', 'Tên cơ sở', 'Ngành hàng', 'Vĩ độ', 'Kinh độ', 'Có QR'].map((h) => h.normalize('NFD'));
    const { indexes, missing } = resolveColumns(header, {});
    expect(missing).toEqual([]);
    expect(indexes).toMatchObject({ id: 0, name: 1, category: 2, lat: 3, lon: 4, hasQr: 5 });
  });

  it('reports a missing required column as csv-missing-column and rejects every row', () => {
    const header = HEADER.filter((h) => h !== 'has_qr');
    const result = read(csv([{}, {}], { header }));
    expect(result.problems).toEqual([{ file: 'merchants', code: 'csv-missing-column', severity: 'rejected', line: 1, detail: 'hasQr' }]);
    expect(result.table.count).toBe(0);
    expect(result.summary).toEqual({ file: 'merchants', rows: 2, loaded: 0, rejected: 2 });
  });

  it('names the mapped header of a missing column', () => {
    const result = read(csv([{}]), { hasQr: 'thanh_toan_qr' });
    expect(result.problems.map((p) => [p.code, p.detail])).toEqual([['csv-missing-column', 'thanh_toan_qr']]);
  });

  it('needs either both coordinates or an area code', () => {
    expect(resolveColumns(['id', 'name', 'category', 'has_qr', 'lat'], {}).missing).toEqual(['lon']);
    expect(resolveColumns(['id', 'name', 'category', 'has_qr', 'ward_code'], {}).missing).toEqual([]);
  });

  it('is unharmed by headers named __proto__, hasOwnProperty or constructor', () => {
    const header = ['__proto__', ...HEADER, 'hasOwnProperty', 'constructor'];
    const text = [header.join(','), ['{"polluted":1}', 'M1', 'A', 'thuc_pham', '16', '108', '00123', '1', '0', 'x', 'y'].join(',')].join('\n');
    const result = read(text, { marketId: '__proto__' });
    expect(result.table.count).toBe(1);
    expect(dictionaryValue(result.table.marketId, 0)).toBe('{"polluted":1}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(typeof ({} as { hasOwnProperty: unknown }).hasOwnProperty).toBe('function');
  });

  it('is unharmed by a mapping object parsed from JSON with a __proto__ key', () => {
    const mapping = JSON.parse('{"__proto__": {"polluted": 1}, "id": "id"}') as Partial<MerchantColumns>;
    const result = read(csv([{}]), mapping);
    expect(result.table.count).toBe(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('readMerchantsCsv: Unicode', () => {
  it('normalises NFD names to NFC', () => {
    const nfd = 'Phở Hương'.normalize('NFD');
    expect(nfd).not.toBe('Phở Hương');
    const t = read(csv([{ name: nfd }])).table;
    expect(dictionaryValue(t.name, 0)).toBe('Phở Hương');
    expect(dictionaryValue(t.name, 0)).toBe('Phở Hương'.normalize('NFC'));
  });

  it('trims cells', () => {
    const t = read('id,name,category,lat,lon,has_qr\n  M1 , Quán A ,thuc_pham, 16.5 ,108, 1 \n').table;
    expect(dictionaryValue(t.id, 0)).toBe('M1');
    expect(dictionaryValue(t.name, 0)).toBe('Quán A');
    expect(t.lat[0]).toBe(16.5);
    expect(t.hasQr[0]).toBe(1);
  });
});

describe('readMerchantsCsv: size', () => {
  it('grows its columns past the initial capacity', () => {
    const rows = Array.from({ length: 2500 }, (_, i) => ({ id: `M${i}`, lat: String(10 + i / 1000) }));
    const t = read(csv(rows)).table;
    expect(t.count).toBe(2500);
    expect(t.lat[2499]).toBeCloseTo(12.499, 10);
    expect(t.line[2499]).toBe(2501);
  });
});

describe('readMerchantsCsv: header problems', () => {
  it('reports a duplicate header and reads the first column of that name', () => {
    const text = 'id,name,category,lat,lon,has_qr,name\nM1,Quán A,thuc_pham,16.05,108.2,1,Other name\n';
    const result = read(text);
    expect(result.problems).toEqual([{ file: 'merchants', code: 'csv-duplicate-header', severity: 'changed', line: 1, detail: 'name' }]);
    expect(dictionaryValue(result.table.name, 0)).toBe('Quán A');
    expectBalanced(result);
  });

  it('reports an empty file instead of showing nothing', () => {
    const result = read('\n\n');
    expect(result.problems.map((p) => p.code)).toEqual(['csv-empty']);
    expect(result.summary).toEqual({ file: 'merchants', rows: 0, loaded: 0, rejected: 0 });
  });
});

describe('parseCount', () => {
  it('reads thousands separators as spreadsheets write them', () => {
    expect(parseCount('1.234.567')).toBe(1234567);
    expect(parseCount('1,234,567')).toBe(1234567);
    expect(parseCount('1 234')).toBe(1234);
    expect(parseCount('12,5')).toBe(12.5);
    expect(parseCount('42')).toBe(42);
  });

  it('refuses text that is not a number', () => {
    expect(parseCount('1.23.4')).toBeNaN();
    expect(parseCount('mười')).toBeNaN();
    expect(parseCount('')).toBeNaN();
  });

  it('stays fast on a long cell of digits and dots', () => {
    // A backtracking pattern would take seconds here; this one answers at once (no clock in the assertion).
    expect(parseCount('1.' + '234.'.repeat(50_000) + 'x')).toBeNaN();
  });
});
