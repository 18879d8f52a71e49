import { describe, expect, it } from 'vitest';
import { ParseMemory } from '../../src/core/wasm/parseMemory.ts';
import { PARSE_WASM } from '../../src/core/wasm/parseWasm.ts';
import { UTF8_WASM } from '../../src/core/wasm/utf8Wasm.ts';
import { createMerchantsReader, readMerchantsCsv } from '../../src/core/merchants/readMerchantsCsv.ts';
import { stringTableValue } from '../../src/core/merchants/stringTable.ts';
import { assembleWat, WASM_SOURCES } from '../../scripts/build-wasm.ts';
import { CATEGORIES } from '../../bench/generate.ts';

const encoder = new TextEncoder();

/** The first index where two arrays differ (in value or length), or -1 (a quick check for long arrays). */
function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return i;
  return -1;
}

/** Seeded short names: Vietnamese words composed and decomposed, other scripts, numbers. */
function names(count: number, seed: number): string[] {
  let state = seed;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const words = ['Phở', 'Phở'.normalize('NFD'), 'Ἀθῆναι', 'x', '東京', 'Cà phê', 'Cà phê'.normalize('NFD'), '😀', 'Shop', 'Tiệm', 'Đ', 'ế'];
  return Array.from({ length: count }, () => {
    let text = '';
    for (let k = 1 + Math.floor(random() * 3); k > 0; k--) text += words[Math.floor(random() * words.length)] as string;
    return random() < 0.5 ? text + String(Math.floor(random() * 3000)) : text;
  });
}

describe('ParseMemory names', () => {
  it('numbers each NFC value once, in order of first appearance, from the text, from elsewhere, across batches and growth', () => {
    // Expecting 16 values: the pool, the slots and the key area all grow, some of it in the middle of a batch.
    const memory = ParseMemory.create(16) as ParseMemory;
    const all = names(60_000, 7);
    const expected: number[] = [];
    const codes = new Map<string, number>();
    const note = (text: string) => {
      if (text === '') return expected.push(-1);
      const nfc = text.normalize('NFC');
      if (!codes.has(nfc)) codes.set(nfc, codes.size);
      return expected.push(codes.get(nfc) as number);
    };
    // Pieces of names separated by line feeds, each piece more than a batch (4,096 names).
    for (let from = 0; from < all.length; from += 10_000) {
      const piece = all.slice(from, from + 10_000);
      memory.load(null, encoder.encode(piece.join('\n')), 0x2c);
      let at = 0;
      piece.forEach((text, k) => {
        const length = encoder.encode(text).length;
        if (k % 7 === 0) {
          // A cell that is not in the text (as a field with doubled quotes is not): copied to the key area.
          const copy = encoder.encode(`  ${text}`);
          memory.push(copy, 2, copy.length);
        } else {
          memory.push(memory.text, at, at + length); // the view is read again: it changes when the memory grows
        }
        note(text);
        if (k % 11 === 0) {
          memory.pushEmpty();
          note('');
        }
        at += length + 1;
      });
    }
    // A name longer than the key area's 64 KiB.
    const long = `Chợ ${'Bến Thành '.repeat(8000)}`;
    memory.push(encoder.encode(long), 0, encoder.encode(long).length);
    note(long);
    const column = memory.finishTable();
    const actual = Array.from(column.codes);
    const first = actual.findIndex((code, k) => code !== expected[k]);
    expect(first, `first difference at ${first}: ${actual[first]} for ${expected[first]}`).toBe(-1);
    expect(actual).toHaveLength(expected.length);
    const table = column.table;
    if (table === undefined) throw new Error('no table');
    expect(Array.from({ length: table.count }, (_, code) => stringTableValue(table, code))).toEqual([...codes.keys()]);
  });

  it('reads short rows, many names to a piece, as JavaScript alone does', () => {
    // Rows of ~25 bytes: about 10,000 to a piece, so batches fill and are looked up (and the memory grows) in the middle of a record.
    // Distinct names, so the memory grows again and again; the ward code is read after the name, from the text's new view.
    const category = CATEGORIES[0]?.label.vi;
    const rows = Array.from({ length: 100_000 }, (_, k) => `M${k},${names(1, k)[0]}${k},${category},16.${k % 97},108.${k % 89},${k % 13},1`);
    const text = `id,name,category,lat,lon,ward_code,has_qr\n${rows.join('\n')}\n`;
    const wasm = readMerchantsCsv(text, {}, CATEGORIES);
    const javaScript = readMerchantsCsv(text, {}, CATEGORIES, { webAssembly: false });
    expect(wasm.table.count).toBe(100_000);
    expect([wasm.reader, javaScript.reader]).toEqual(['webassembly', 'javascript']);
    expect(firstDifference(wasm.table.areaCode.codes, javaScript.table.areaCode.codes)).toBe(-1);
    expect(firstDifference(wasm.table.name.codes, javaScript.table.name.codes)).toBe(-1);
    expect(firstDifference(wasm.table.lat, javaScript.table.lat)).toBe(-1);
    const [a, b] = [wasm.table.name.table, javaScript.table.name.table];
    expect(a?.count).toBe(b?.count);
    expect(firstDifference(a?.bytes ?? [], b?.bytes ?? [1])).toBe(-1);
    expect(firstDifference(a?.starts ?? [], b?.starts ?? [1])).toBe(-1);
    expect(wasm.problems).toEqual([]);
    expect(javaScript.problems).toEqual([]);
  });
});

describe('ParseMemory out of memory', () => {
  it('stops with a WebAssembly error when its memory cannot grow, and readMerchantsCsv then reads the file in JavaScript', () => {
    const category = CATEGORIES[0]?.label.vi;
    const rows = Array.from({ length: 60_000 }, (_, k) => `M${k},Cửa hàng ${k},${category},16.${k % 97},108.${k % 89},1`);
    const text = `id,name,category,lat,lon,has_qr\n${rows.join('\n')}\n`;
    const bytes = encoder.encode(text);
    // Room for what the memory holds at first for about this many rows, and 256 KiB: not for 60,000 distinct names.
    const limit = (ParseMemory.create(61_000) as ParseMemory).memoryBytes + (256 << 10);
    const reader = createMerchantsReader({}, CATEGORIES, bytes.length, { memoryLimit: limit });
    expect(() => {
      reader.push(bytes);
      reader.finish();
    }).toThrow(WebAssembly.RuntimeError);
    const result = readMerchantsCsv(text, {}, CATEGORIES, { memoryLimit: limit });
    const javaScript = readMerchantsCsv(text, {}, CATEGORIES, { webAssembly: false });
    expect(result.table.count).toBe(60_000);
    expect(result.reader).toBe('javascript');
    expect(result.problems).toEqual([]);
    expect(firstDifference(result.table.name.codes, javaScript.table.name.codes)).toBe(-1);
    expect(firstDifference(result.table.lat, javaScript.table.lat)).toBe(-1);
  });

  it('reads in JavaScript from the start when the memory cannot even be laid out', () => {
    expect(ParseMemory.create(1024, undefined, 64 << 10)).toBeNull();
    const text = `id,name,category,lat,lon,has_qr\nM1,Phở Hương,${CATEGORIES[0]?.label.vi},16.05,108.2,1\n`;
    expect(readMerchantsCsv(text, {}, CATEGORIES, { memoryLimit: 64 << 10 }).table.count).toBe(1);
  });
});

describe('WebAssembly sources', () => {
  it('match the modules built from them (run `npm run build:wasm` after editing a .wat)', async () => {
    const built: Record<string, string> = { PARSE_WASM, UTF8_WASM };
    expect(WASM_SOURCES.map((source) => source.name)).toEqual(Object.keys(built));
    for (const source of WASM_SOURCES) {
      const bytes = await assembleWat(source.wat);
      expect(Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(''), source.wat).toBe(built[source.name]);
    }
  });
});
