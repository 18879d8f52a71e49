/**
 * The fast merchant reader (one pass over character codes, ranges instead of substrings, string
 * tables) against straightforward references: Papa Parse for the records plus the per-cell rules
 * written with plain string functions, and the first, plain tokenizer (tests/support/referenceCsv.ts) for the range scanner.
 */
import { describe, it, expect } from 'vitest';
import Papa from 'papaparse';
import { createMerchantsReader, readMerchantsCsv, type MerchantsResult } from '../../src/core/merchants/readMerchantsCsv.ts';
import { bytesOf, CsvByteScanner } from '../../src/core/csv/csvByteScanner.ts';
import { ParseMemory } from '../../src/core/wasm/parseMemory.ts';
import { tokenizeCsv, type CsvDelimiter, type CsvProblem, type CsvRecord } from '../../src/core/csv/tokenizeCsv.ts';
import { referenceTokenizeCsv } from '../support/referenceCsv.ts';
import { parseCount, parseDecimal, parseYesNo } from '../../src/core/merchants/parseValues.ts';
import { resolveColumns } from '../../src/core/merchants/resolveColumns.ts';
import { buildCategoryMatcher, foldText } from '../../src/core/merchants/categoryMatcher.ts';
import { dictionaryValue, type DictionaryColumn } from '../../src/core/merchants/columns.ts';
import { StringTableBuilder, stringTableValue } from '../../src/core/merchants/stringTable.ts';
import { bytesMayChangeUnderNfc, hashBytes, isTrimmedSpace, parseDecimalBytes, parseDigitsBytes, trimEndBytes, trimStartBytes } from '../../src/core/merchants/byteValues.ts';
import { categoryId } from '../../src/core/ids.ts';
import { mergeKnownCategories } from '../../src/core/merchants/knownCategories.ts';
import type { CategoryDefinition, MerchantColumns } from '../../src/core/manifest/types.ts';
import type { DataProblem } from '../../src/core/report/problems.ts';
import type { MerchantTable } from '../../src/core/merchants/merchantTable.ts';
import { seededRandom } from '../support/random.ts';

const CATEGORIES: readonly CategoryDefinition[] = [
  { id: categoryId('thuc_pham'), label: { vi: 'Thực phẩm', en: 'Food' }, color: '#E69F00' },
  { id: categoryId('thoi_trang'), label: { vi: 'Thời trang', en: 'Fashion' }, color: '#CC79A7' },
  { id: categoryId('dien_nuoc'), label: { vi: 'Điện, nước', en: 'Utilities' }, color: '#AA4499' },
  { id: categoryId('dich_vu_an_uong'), label: { vi: 'Dịch vụ ăn uống', en: 'Food & drink services' }, color: '#888888' },
];

const nfd = (s: string) => s.normalize('NFD');

// ---------------------------------------------------------------------------------------------
// Reference reader: Papa Parse records + the rules with string functions (trim, NFC, regexes).

interface Expected {
  readonly rows: number;
  readonly columns: Record<keyof MerchantTable & string, unknown[]>;
  readonly problems: DataProblem[];
  readonly usesOther: boolean;
  readonly header: string[];
}

const STRING_FIELDS = ['id', 'name', 'areaCode', 'areaName', 'qrProvider', 'marketId', 'streetId'] as const;

function referenceRead(records: readonly { fields: string[]; line: number }[], mapping: Partial<MerchantColumns>): Expected {
  const problems: DataProblem[] = [];
  const match = buildCategoryMatcher(CATEGORIES);
  const columns: Expected['columns'] = {
    count: [], lon: [], lat: [], category: [], hasQr: [], txCountMonth: [], line: [],
    id: [], name: [], areaCode: [], areaName: [], qrProvider: [], marketId: [], streetId: [],
  };
  const [first, ...rest] = records;
  if (!first) throw new Error('no header');
  const header = first.fields.map((f) => f.trim().normalize('NFC'));
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) problems.push({ file: 'merchants', code: 'csv-duplicate-header', severity: 'changed', line: first.line, detail: h });
    seen.add(h);
  }
  const { indexes, missing } = resolveColumns(header, mapping);
  expect(missing).toEqual([]);
  let usesOther = false;
  for (const { fields, line } of rest) {
    const reject = (code: DataProblem['code'], detail?: string) =>
      problems.push({ file: 'merchants', code, severity: 'rejected', line, ...(detail !== undefined ? { detail } : {}) });
    if (fields.length !== header.length) {
      reject('csv-field-count', `${fields.length}/${header.length}`);
      continue;
    }
    const cell = (i: number | undefined) => (i === undefined ? '' : (fields[i] ?? '').trim().normalize('NFC'));
    const latText = cell(indexes.lat);
    const lonText = cell(indexes.lon);
    const lat = parseDecimal(latText);
    const lon = parseDecimal(lonText);
    const has = Number.isFinite(lat) && Number.isFinite(lon);
    if (latText !== '' || lonText !== '') {
      if (!(has && Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) {
        reject('merchant-bad-coordinates', `${latText}; ${lonText}`);
        continue;
      }
    } else if (cell(indexes.areaCode) === '' && cell(indexes.areaName) === '') {
      reject('merchant-no-location');
      continue;
    }
    const categoryText = cell(indexes.category);
    let category = match(categoryText);
    if (category < 0) {
      category = CATEGORIES.length;
      usesOther = true;
      problems.push({ file: 'merchants', code: 'merchant-unknown-category', severity: 'changed', line, detail: categoryText });
    }
    const qrText = cell(indexes.hasQr);
    let qr = parseYesNo(qrText);
    if (qr === null) {
      qr = false;
      problems.push({ file: 'merchants', code: 'merchant-bad-qr-value', severity: 'changed', line, detail: qrText });
    }
    const tx = parseCount(cell(indexes.txCountMonth));
    columns.lat.push(has ? lat : NaN);
    columns.lon.push(has ? lon : NaN);
    columns.category.push(category);
    columns.hasQr.push(qr ? 1 : 0);
    columns.txCountMonth.push(Number.isFinite(tx) && tx > 0 ? Math.min(Math.round(tx), 0xffffffff) : 0);
    columns.line.push(line);
    for (const field of STRING_FIELDS) columns[field].push(field === 'qrProvider' && !qr ? '' : cell(indexes[field]));
  }
  return { rows: rest.length, columns, problems, usesOther, header };
}

function actualColumns(result: MerchantsResult): Expected['columns'] {
  const t = result.table;
  const strings = (column: DictionaryColumn) => Array.from({ length: t.count }, (_, row) => dictionaryValue(column, row));
  return {
    count: [], lon: Array.from(t.lon), lat: Array.from(t.lat), category: Array.from(t.category), hasQr: Array.from(t.hasQr),
    txCountMonth: Array.from(t.txCountMonth), line: Array.from(t.line),
    id: strings(t.id), name: strings(t.name), areaCode: strings(t.areaCode), areaName: strings(t.areaName),
    qrProvider: strings(t.qrProvider), marketId: strings(t.marketId), streetId: strings(t.streetId),
  };
}

// ---------------------------------------------------------------------------------------------
// Seeded random CSVs.

type Random = () => number;
const pick = <T,>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const chance = (random: Random, p: number) => random() < p;

const WORDS = ['Tạp hóa', 'Quán cơm', 'Phở Hương', 'Bánh mì', 'Cà phê', 'Nhà thuốc', 'Điện thoại', 'Bún bò', 'Shop', 'Tiệm vàng', 'Ông Sáu', 'Thu Trang', 'Ngọc Ánh', 'Út Nhỏ', 'Ἀθῆναι', '東京', 'Ωmega', '😀', 'x'];
const NEWLINES = ['\n', '\r\n'];

function randomName(random: Random): string {
  const parts: string[] = [];
  const count = chance(random, 0.02) ? 40 : 1 + Math.floor(random() * 4); // sometimes over 255 bytes
  for (let k = 0; k < count; k++) parts.push(pick(random, WORDS));
  let name = parts.join(pick(random, [' ', ' ', ', ', ' "', '" ', '-']));
  if (chance(random, 0.1)) name += ` ${1 + Math.floor(random() * 999)}`;
  if (chance(random, 0.04)) name += `${pick(random, NEWLINES)}chi nhánh 2`;
  if (chance(random, 0.3)) name = nfd(name);
  if (chance(random, 0.1)) name = `  ${name} `;
  if (chance(random, 0.05)) name = `\u00a0${name}\u3000`;
  if (chance(random, 0.03)) name = '';
  return name;
}

function randomNumber(random: Random, limit: number, decimalComma: boolean): string {
  const roll = random();
  if (roll < 0.03) return '';
  if (roll < 0.05) return pick(random, ['abc', '1.2.3', '1,234.5', '12a', '.', '-', '+', '1e', 'Infinity', '0x10', '١٢']);
  if (roll < 0.07) return pick(random, ['1e1', '-1.5E+1', '2e-3', '+.5', '5.', ',5', '0.000000000000000012345', '12.3456789012345678', '-0', '1e400']);
  const value = (random() * 2 - 1) * limit * (chance(random, 0.02) ? 1.5 : 1);
  let text = value.toFixed(Math.floor(random() * 8));
  if (decimalComma) text = text.replace('.', ',');
  if (chance(random, 0.05)) text = ` ${text}\t`;
  return text;
}

const COUNTS = ['', '0', '7', '42', '1234', '1.234', '1.234.567', '1,234,567', '1 234', '1\u00a0234', '12,5', '12.5', '2.6', '-4', 'abc', ' 9 ', '1.23.4', '99999999999', '123456789012345678', '００７'];
const QR = ['1', '0', '1', '0', 'có', nfd('Có'), 'không', 'KHÔNG', 'x', 'yes', 'FALSE', '', ' 1 ', 'maybe', 'c', 'k'];
const CATEGORY_CELLS = ['thuc_pham', 'Thực phẩm', nfd('Thực phẩm'), 'THỰC PHẨM', 'thuc pham', 'Food', 'fashion', 'Thời trang', 'Điện, nước', 'Dien_Nuoc', 'Dịch vụ ăn uống', nfd('Dịch vụ ăn uống'), 'karaoke', '', ' thoi_trang '];
const PROVIDERS = ['VietQR', 'MoMo', 'ZaloPay', '', ' VNPay ', nfd('Ví Việt'), 'Ví Việt'];
const WARD_NAMES = ['Phường Bến Thành', nfd('Phường Bến Thành'), 'Xã Hòa Vang', '', 'Phường 1'];

interface RandomCsv {
  readonly text: string;
  readonly delimiter: CsvDelimiter;
  readonly lines: number[]; // physical line of each non-blank record, header first
}

function randomCsv(random: Random, rows: number): RandomCsv {
  const delimiter = pick(random, [',', ',', ';', '\t'] as const);
  const eol = pick(random, NEWLINES);
  const header = ['id', 'name', 'category', 'lat', 'lon', 'ward_code', 'ward_name', 'has_qr', 'qr_provider', 'tx_count_month', 'market_id'];
  for (let k = header.length - 1; k > 0; k--) {
    const j = Math.floor(random() * (k + 1));
    [header[k], header[j]] = [header[j] as string, header[k] as string];
  }
  const quote = (value: string) =>
    value.includes(delimiter) || /["\r\n]/.test(value) || chance(random, 0.05) ? `"${value.replace(/"/g, '""')}"` : value;
  const out: string[] = [];
  const lines: number[] = [];
  let line = 1;
  const emit = (cells: readonly string[]) => {
    const record = cells.map(quote).join(delimiter);
    lines.push(line);
    line += 1 + (record.match(/\r\n|\r|\n/g) ?? []).length;
    out.push(record + eol);
  };
  emit(header.map((h) => (chance(random, 0.1) ? ` ${h.toUpperCase()} ` : h)));
  const decimalComma = delimiter !== ',' || chance(random, 0.3);
  for (let r = 0; r < rows; r++) {
    if (chance(random, 0.03)) {
      out.push(eol);
      line++;
    }
    const cells: Record<string, string> = {
      id: chance(random, 0.05) ? nfd(`Mã ${r}`) : `M${String(r).padStart(chance(random, 0.5) ? 8 : 1, '0')}`,
      name: randomName(random),
      category: pick(random, CATEGORY_CELLS),
      lat: randomNumber(random, 90, decimalComma),
      lon: randomNumber(random, 180, decimalComma),
      ward_code: chance(random, 0.1) ? '' : String(Math.floor(random() * 300)).padStart(5, '0'),
      ward_name: pick(random, WARD_NAMES),
      has_qr: pick(random, QR),
      qr_provider: pick(random, PROVIDERS),
      tx_count_month: pick(random, COUNTS),
      market_id: chance(random, 0.5) ? '' : `CHO-${Math.floor(random() * 20)}`,
    };
    const row = header.map((h) => cells[h] ?? '');
    if (chance(random, 0.02)) row.pop();
    if (chance(random, 0.02)) row.push('extra');
    emit(row);
  }
  let text = out.join('');
  if (chance(random, 0.3)) text = text.slice(0, -eol.length); // no final newline
  if (chance(random, 0.2)) text = '\uFEFF' + text;
  return { text, delimiter, lines };
}

function papaRecords(csv: RandomCsv): { fields: string[]; line: number }[] {
  const text = csv.text.charCodeAt(0) === 0xfeff ? csv.text.slice(1) : csv.text;
  const parsed = Papa.parse<string[]>(text, { delimiter: csv.delimiter, header: false, skipEmptyLines: false });
  expect(parsed.errors.filter((e) => e.type === 'Quotes')).toEqual([]);
  const records = parsed.data.filter((fields) => !(fields.length === 1 && fields[0] === ''));
  expect(records).toHaveLength(csv.lines.length);
  return records.map((fields, k) => ({ fields, line: csv.lines[k] ?? -1 }));
}

describe('readMerchantsCsv against a Papa Parse reference', () => {
  const mapping: Partial<MerchantColumns> = { marketId: 'market_id' };
  for (let seed = 1; seed <= 40; seed++) {
    // Odd seeds in WebAssembly's memory where it runs (as the app reads), even ones in JavaScript alone.
    const webAssembly = seed % 2 === 1;
    it(`reads random CSV #${seed} exactly as the reference does (${webAssembly ? 'WebAssembly' : 'JavaScript'})`, () => {
      const random = seededRandom(seed * 7919);
      const csv = randomCsv(random, seed % 10 === 0 || seed % 10 === 5 ? 3000 : 150);
      const expected = referenceRead(papaRecords(csv), mapping);
      const result = readMerchantsCsv(csv.text, mapping, CATEGORIES, { webAssembly });
      expect(result.delimiter).toBe(csv.delimiter);
      expect(result.header).toEqual(expected.header);
      expect(result.problems).toEqual(expected.problems);
      expect(result.usesOtherCategory).toBe(expected.usesOther);
      expect(result.summary).toEqual({ file: 'merchants', rows: expected.rows, loaded: expected.columns.line.length, rejected: expected.rows - expected.columns.line.length });
      expect(actualColumns(result)).toEqual(expected.columns);
    });
  }

  it('stores every distinct value once: ids per row in a string table, names and codes deduplicated', () => {
    const text = 'id,name,category,lat,lon,ward_code,has_qr\n' + ['A', 'B', 'C', 'D'].map((id, k) => `${id},${k % 2 ? nfd('Phở Hương') : 'Phở Hương'},thuc_pham,16,108,0001${k % 2},1`).join('\n');
    const t = readMerchantsCsv(text, {}, CATEGORIES).table;
    expect(t.id.table?.count).toBe(4);
    expect(t.id.codes).toHaveLength(0);
    expect(t.name.table?.count).toBe(1);
    expect(Array.from(t.name.codes)).toEqual([0, 0, 0, 0]);
    expect(t.areaCode.values).toEqual(['00010', '00011']);
    expect(t.areaCode.codes).toBeInstanceOf(Int8Array);
    // A column the file does not have holds no codes at all; every row reads as empty.
    expect(t.marketId.codes).toHaveLength(0);
    expect(dictionaryValue(t.marketId, 3)).toBe('');
  });

  it('gives each code column its own buffer, so the worker can transfer them all', () => {
    const t = readMerchantsCsv('id,name,category,lat,lon,has_qr\nM1,A,thuc_pham,16,108,1\n', {}, CATEGORIES).table;
    const buffers = [t.id, t.name, t.areaCode, t.areaName, t.qrProvider, t.marketId, t.streetId].map((c) => c.codes.buffer);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(structuredClone(t).name.table).toEqual(t.name.table);
    expect(dictionaryValue(structuredClone(t).name, 0)).toBe('A');
  });
});

// ---------------------------------------------------------------------------------------------

function randomCsvText(random: Random): string {
  const pieces = ['a', 'bb', 'Phở', nfd('Phở'), ',', ';', '\t', '"', '""', '\n', '\r\n', '\r', ' ', '12,5', '"x,y"', '"multi\nline"'];
  let text = '';
  const length = Math.floor(random() * 60);
  for (let k = 0; k < length; k++) text += pick(random, pieces);
  return text;
}

describe('tokenizeCsv', () => {
  it('grows past 16 fields per record', () => {
    const row = Array.from({ length: 40 }, (_, k) => `f${k}`).join(',');
    const records: string[][] = [];
    tokenizeCsv(`${row}\n${row},`, ',', ({ fields }) => records.push(fields), () => {});
    expect(records[0]).toHaveLength(40);
    expect(records[1]).toHaveLength(41);
    expect(records[1]?.[40]).toBe('');
  });
});

/** Cuts bytes into 1–4 random pieces, at any byte (inside a character, a CRLF or a doubled quote too). */
function randomPieces(random: Random, bytes: Uint8Array): Uint8Array[] {
  const cuts = Array.from({ length: Math.floor(random() * 4) }, () => Math.floor(random() * (bytes.length + 1))).sort((x, y) => x - y);
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    pieces.push(bytes.subarray(from, cut));
    from = cut;
  }
  return pieces;
}

type Tokens = { records: CsvRecord[]; problems: CsvProblem[] };

/** Records and problems of `CsvByteScanner` fed `pieces` one by one, fields decoded (read in `memory`, or in JavaScript alone without). */
function scanPieces(pieces: readonly Uint8Array[], delimiter: CsvDelimiter, memory: ParseMemory | null = null): Tokens {
  const decoder = new TextDecoder();
  const out: Tokens = { records: [], problems: [] };
  const scanner = new CsvByteScanner(
    delimiter.charCodeAt(0),
    (fields, line) => {
      const values: string[] = [];
      for (let f = 0; f < fields.count; f++) values.push(decoder.decode(bytesOf(fields, f).subarray(fields.starts[f], fields.ends[f])));
      out.records.push({ fields: values, line });
    },
    (p) => out.problems.push(p),
    memory,
  );
  for (const piece of pieces) scanner.push(piece);
  scanner.finish();
  return out;
}

function referenceTokens(text: string, delimiter: CsvDelimiter): Tokens {
  const out: Tokens = { records: [], problems: [] };
  referenceTokenizeCsv(text, delimiter, (r) => out.records.push(r), (p) => out.problems.push(p));
  return out;
}

describe('CsvByteScanner and tokenizeCsv against the plain reference tokenizer', () => {
  it('give the same records, lines and problems on 3,000 random texts, whole and cut into random chunks', () => {
    const random = seededRandom(4243);
    for (let k = 0; k < 3000; k++) {
      const text = randomCsvText(random);
      const delimiter = pick(random, [',', ';', '\t'] as const);
      const expected = referenceTokens(text, delimiter);
      const whole: Tokens = { records: [], problems: [] };
      tokenizeCsv(text, delimiter, (r) => whole.records.push(r), (p) => whole.problems.push(p));
      expect(whole, JSON.stringify(text)).toEqual(expected);
      const pieces = randomPieces(random, new TextEncoder().encode(text));
      expect(scanPieces(pieces, delimiter), `${JSON.stringify(text)} in ${pieces.length}`).toEqual(expected);
      // In WebAssembly's memory, read 64 bytes at a time: records are cut at piece ends as well as at chunk ends.
      expect(scanPieces(pieces, delimiter, ParseMemory.create(16, 64)), `${JSON.stringify(text)} in ${pieces.length}, in memory`).toEqual(expected);
      expect(scanPieces(pieces, delimiter, ParseMemory.create()), `${JSON.stringify(text)} in ${pieces.length}, in memory`).toEqual(expected);
    }
  });

  it('finds WebAssembly here, so the tests above read in its memory as the app does', () => {
    expect(ParseMemory.create()).not.toBeNull();
  });
});

describe('CsvByteScanner on records longer than a chunk', () => {
  it('gives the reference records when a record spans many chunks, cut anywhere', () => {
    const long = `"${'Phở, "bò"\n'.repeat(3000)}"`;
    const text = `a,b\r\n1,${long}\r\n2,x\r\n${'3,y\r\n'.repeat(2000)}4,"z`;
    const expected = referenceTokens(text, ',');
    const bytes = new TextEncoder().encode(text);
    for (const size of [1, 7, 1000, 4095, 4097, 40_000]) {
      const pieces: Uint8Array[] = [];
      for (let at = 0; at < bytes.length; at += size) pieces.push(bytes.subarray(at, at + size));
      expect(scanPieces(pieces, ','), `chunks of ${size}`).toEqual(expected);
      // The long record is read in JavaScript, the short ones in WebAssembly's memory.
      expect(scanPieces(pieces, ',', ParseMemory.create(16, 4096)), `chunks of ${size}, in memory`).toEqual(expected);
    }
  });
});

describe('readMerchantsCsv with categories from the data', () => {
  it('makes in its one pass the list of the loaded rows\' values, and reads the rows as with that list given', () => {
    const known = [CATEGORIES[1] as CategoryDefinition];
    const collator = new Intl.Collator('vi', { numeric: true });
    for (let seed = 1; seed <= 12; seed++) {
      const csv = randomCsv(seededRandom(seed * 31337), 300);
      const mapping = { marketId: 'market_id' };
      const onePass = readMerchantsCsv(csv.text, mapping, { fromData: known });
      // Reference: the category cells of the rows that were loaded, trimmed and in NFC, each folded spelling once as first written.
      const [header, ...records] = papaRecords(csv);
      const column = resolveColumns(header?.fields.map((h) => h.trim().normalize('NFC')) ?? [], mapping).indexes.category ?? -1;
      const loaded = new Set(onePass.table.line);
      const firstSpelling = new Map<string, string>();
      for (const record of records) {
        const value = (record.fields[column] ?? '').trim().normalize('NFC');
        if (loaded.has(record.line) && value !== '' && !firstSpelling.has(foldText(value))) firstSpelling.set(foldText(value), value);
      }
      const list = mergeKnownCategories([...firstSpelling.values()].sort(collator.compare), known);
      expect(onePass.categories).toEqual(list);
      const withList = readMerchantsCsv(csv.text, mapping, list);
      expect(Array.from(onePass.table.category)).toEqual(Array.from(withList.table.category));
      expect(onePass.usesOtherCategory).toBe(withList.usesOtherCategory);
      expect(onePass.problems).toEqual(withList.problems);
    }
  });
});

describe('readMerchantsCsv in chunks', () => {
  it('gives the same result whatever the chunks, and from bytes as from the string, in WebAssembly or not', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const random = seededRandom(seed * 104729);
      const csv = randomCsv(random, 200);
      const whole = readMerchantsCsv(csv.text, { marketId: 'market_id' }, CATEGORIES);
      const javaScript = readMerchantsCsv(csv.text, { marketId: 'market_id' }, CATEGORIES, { webAssembly: false });
      expect(javaScript.problems).toEqual(whole.problems);
      expect(actualColumns(javaScript)).toEqual(actualColumns(whole));
      // Same codes, not only the same values: both number the distinct names in order of first appearance.
      expect(Array.from(javaScript.table.name.codes)).toEqual(Array.from(whole.table.name.codes));
      const reader = createMerchantsReader({ marketId: 'market_id' }, CATEGORIES);
      const pieces = randomPieces(random, new TextEncoder().encode(csv.text));
      for (const piece of pieces) reader.push(piece);
      const chunked = reader.finish();
      expect(actualColumns(readMerchantsCsv(pieces, { marketId: 'market_id' }, CATEGORIES))).toEqual(actualColumns(chunked));
      expect(chunked.problems).toEqual(whole.problems);
      expect(chunked.summary).toEqual(whole.summary);
      expect(actualColumns(chunked)).toEqual(actualColumns(whole));
      expect(actualColumns(readMerchantsCsv(new TextEncoder().encode(csv.text), { marketId: 'market_id' }, CATEGORIES))).toEqual(actualColumns(whole));
    }
  });

  it('grows its columns past the rows guessed from the first bytes when the size is not told', () => {
    const random = seededRandom(7);
    const csv = randomCsv(random, 3000);
    const bytes = new TextEncoder().encode(csv.text);
    expect(bytes.length).toBeGreaterThan(4 << 16); // the guess reads 64 KiB: the file holds four times more
    const reader = createMerchantsReader({ marketId: 'market_id' }, CATEGORIES);
    for (let at = 0; at < bytes.length; at += 4096) reader.push(bytes.subarray(at, at + 4096));
    const chunked = reader.finish();
    expect(chunked.table.count).toBeGreaterThan(2000);
    expect(actualColumns(chunked)).toEqual(actualColumns(readMerchantsCsv(csv.text, { marketId: 'market_id' }, CATEGORIES)));
  });
});

const utf8 = (text: string) => new TextEncoder().encode(text);
/** The characters NFC leaves alone whatever follows them: below U+0300, and the Vietnamese precomposed letters. */
const nfcSafe = (c: number) => c < 0x300 || (c >= 0x1e00 && c < 0x1f00);

describe('byte readers', () => {
  it('read decimals exactly as parseDecimal on random and tricky cells', () => {
    const random = seededRandom(99);
    const cells = ['', '.', ',', '-', '+', '1.', '.5', ',5', '+.5', '-0', '1e3', '1E-3', '1e+22', '1e23', '1e-400', '1e400', '1.e5', '.e5', '1e', '1e+', '16,0679', '1,234.5', '1.234,5', '1,2,3', '12a', '0x10', '00012.5000', '123456789012345', '1234567890123456', '0.1234567890123456789', '9007199254740993', 'Infinity', ' 5 ', '５'];
    for (let k = 0; k < 5000; k++) {
      const digits = '0123456789'.split('');
      let cell = chance(random, 0.2) ? pick(random, ['-', '+']) : '';
      const n = Math.floor(random() * 18);
      for (let d = 0; d < n; d++) cell += pick(random, digits);
      if (chance(random, 0.7)) cell = cell.slice(0, Math.floor(random() * (cell.length + 1))) + pick(random, ['.', ',']) + cell.slice(Math.floor(random() * (cell.length + 1)));
      if (chance(random, 0.2)) cell += `${pick(random, ['e', 'E'])}${pick(random, ['', '-', '+'])}${Math.floor(random() * 30)}`;
      cells.push(cell);
    }
    for (const cell of cells) {
      const bytes = utf8(`;${cell};`);
      const start = trimStartBytes(bytes, 1, bytes.length - 1);
      const end = trimEndBytes(bytes, start, bytes.length - 1);
      expect(Object.is(parseDecimalBytes(bytes, start, end), parseDecimal(cell)), cell).toBe(true);
    }
  });

  it('read plain digits as parseCount does, and refuse anything else', () => {
    for (const cell of ['0', '7', '0042', '123456789012345']) expect(parseDigitsBytes(utf8(cell), 0, utf8(cell).length)).toBe(parseCount(cell));
    for (const cell of ['', '1.234', '-4', '1 234', '1234567890123456', '７']) expect(parseDigitsBytes(utf8(cell), 0, utf8(cell).length)).toBe(-1);
  });

  it('trim the same characters as String.prototype.trim', () => {
    for (let c = 0; c < 0x10000; c++) expect(isTrimmedSpace(c), c.toString(16)).toBe(String.fromCharCode(c).trim() === '');
    const random = seededRandom(5);
    const pieces = [' ', '\t', '\u00a0', '\u3000', '\ufeff', '\u2028', 'a', 'ở', '😀', '\u0085', 'x y'];
    for (let k = 0; k < 2000; k++) {
      let text = '';
      for (let j = Math.floor(random() * 6); j > 0; j--) text += pick(random, pieces);
      const bytes = utf8(text);
      const start = trimStartBytes(bytes, 0, bytes.length);
      const end = trimEndBytes(bytes, start, bytes.length);
      expect(new TextDecoder().decode(bytes.subarray(start, end)), JSON.stringify(text)).toBe(text.trim());
    }
  });

  it('only skip NFC for text NFC leaves alone: every pair of "safe" characters is already NFC', () => {
    const safe: string[] = [];
    for (let c = 0; c < 0x10000; c++) if (nfcSafe(c)) safe.push(String.fromCharCode(c));
    for (const a of safe) {
      expect(a.normalize('NFC')).toBe(a);
      for (const b of safe) if ((a + b).normalize('NFC') !== a + b) expect.fail(`${a}${b} changes under NFC`);
    }
  });

  it('flag exactly the characters outside the safe ones as possibly changed by NFC, in bytes', () => {
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c < 0xe000) continue;
      const bytes = utf8(`a${String.fromCharCode(c)}b`);
      expect(bytesMayChangeUnderNfc(bytes, 0, bytes.length), c.toString(16)).toBe(!nfcSafe(c));
      expect(hashBytes(bytes, 0, bytes.length) < 0, c.toString(16)).toBe(!nfcSafe(c));
    }
    expect(bytesMayChangeUnderNfc(utf8('😀'), 0, 4)).toBe(true);
    expect(hashBytes(utf8('xPhởy'), 1, 5)).toBe(hashBytes(utf8('Phở'), 0, 4));
  });
});

describe('StringTable', () => {
  it('round-trips any well-formed string, long ones included, and writes a lone surrogate as U+FFFD', () => {
    const random = seededRandom(7);
    const strings = ['', 'a', 'Phở Hương', nfd('Phở'), '😀', '東京', 'é'.repeat(200), '\u0000\u007f\u0080\u07ff\u0800\uffff'];
    for (let k = 0; k < 500; k++) {
      let s = '';
      const n = Math.floor(random() * 20);
      for (let j = 0; j < n; j++) s += String.fromCodePoint((Math.floor(random() * 0x10000) & ~0x800) | (chance(random, 0.1) ? 0x10000 : 0));
      strings.push(s);
    }
    for (const withLong of [false, true]) {
      const list = withLong ? [...strings, 'long '.repeat(3000)] : strings.filter((s) => s.length * 3 < 255);
      const builder = new StringTableBuilder();
      for (const [k, s] of list.entries()) {
        if (k % 2) builder.push(s);
        else builder.pushBytes(utf8(`[${s}]`), 1, utf8(s).length + 1);
      }
      const table = builder.finish();
      expect(table.lengths === null).toBe(withLong);
      expect(list.map((_, k) => stringTableValue(table, k))).toEqual(list);
      expect(stringTableValue(table, list.length)).toBe('');
      expect(stringTableValue(table, -1)).toBe('');
    }
    const lone = new StringTableBuilder();
    lone.push('x\ud800y');
    expect(stringTableValue(lone.finish(), 0)).toBe('x\ufffdy');
  });

  it('needs no offsets when every string has the same byte length', () => {
    const builder = new StringTableBuilder();
    const ids = ['M00000001', 'M00000002', 'Mã000003'];
    for (const id of ids) builder.push(id);
    const table = builder.finish();
    expect(table.width).toBe(9);
    expect(table.starts).toHaveLength(0);
    expect(ids.map((_, k) => stringTableValue(table, k))).toEqual(ids);
    const mixed = new StringTableBuilder();
    for (const id of ['M1', 'M22', '']) mixed.push(id);
    expect(mixed.finish().width).toBe(0);
  });

  it('keeps dictionaryValue working for plain columns and for the empty column of a merged table', () => {
    expect(dictionaryValue({ values: ['a', 'b'], codes: Int32Array.of(1, -1, 0) }, 0)).toBe('b');
    expect(dictionaryValue({ values: ['a', 'b'], codes: Int32Array.of(1, -1, 0) }, 1)).toBe('');
    expect(dictionaryValue({ values: [], codes: new Int32Array(0) }, 5)).toBe('');
  });
});
