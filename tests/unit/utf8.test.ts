import { describe, it, expect } from 'vitest';
import { decodeUtf8, encodeUtf8Chunks, isValidUtf8, isValidUtf8Chunks, validUtf8End } from '../../src/core/text/utf8.ts';
import { wasmUtf8End } from '../../src/core/wasm/utf8Window.ts';
import { seededRandom } from '../support/random.ts';

const fatalDecodes = (bytes: Uint8Array): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** Byte sequences at the edges of UTF-8's rules: overlong, surrogate, past U+10FFFF, cut, stray. */
const EDGES = [[0xc0, 0x80], [0xc1, 0xbf], [0xc2, 0x80], [0xe0, 0x9f, 0x80], [0xe0, 0xa0, 0x80], [0xed, 0x9f, 0xbf], [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xef, 0xbf, 0xbf], [0xf0, 0x8f, 0x80, 0x80], [0xf0, 0x90, 0x80, 0x80], [0xf4, 0x8f, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80], [0xf5, 0x80, 0x80, 0x80], [0xe1, 0xbb], [0xe1, 0x41, 0x80], [0xf0, 0x90, 0x41], [0x80], [0xff]];

describe('isValidUtf8', () => {
  it('accepts exactly what a fatal TextDecoder accepts, on random and edge byte sequences', () => {
    const random = seededRandom(8);
    const cases = EDGES.map((e) => Uint8Array.from(e));
    const valid = new TextEncoder().encode('Phường Hải Châu 😀 東京 ');
    for (let k = 0; k < 5000; k++) {
      const bytes = valid.slice(0, 1 + Math.floor(random() * valid.length));
      // Flip one byte now and then, or cut the text inside a character.
      if (random() < 0.5) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      cases.push(bytes);
    }
    for (const bytes of cases) expect(isValidUtf8(bytes), Array.from(bytes).join(',')).toBe(fatalDecodes(bytes));
  });

  it('gives the same answer for a file in pieces, whatever byte the pieces are cut at', () => {
    const random = seededRandom(9);
    const valid = new TextEncoder().encode('Phường Hải Châu 😀 東京 ');
    for (let k = 0; k < 5000; k++) {
      const bytes = valid.slice(0, 1 + Math.floor(random() * valid.length));
      if (random() < 0.4) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      const cuts = Array.from({ length: Math.floor(random() * 5) }, () => Math.floor(random() * (bytes.length + 1))).sort((x, y) => x - y);
      const pieces = [...cuts, bytes.length].map((cut, i, all) => bytes.subarray(i === 0 ? 0 : (all[i - 1] as number), cut));
      expect(isValidUtf8Chunks(pieces), `${Array.from(bytes).join(',')} cut at ${cuts.join(',')}`).toBe(fatalDecodes(bytes));
    }
  });
});

describe('the WebAssembly UTF-8 check', () => {
  it('refuses what the JavaScript check refuses: overlong forms, surrogates, code points past U+10FFFF, stray bytes', () => {
    const text = new TextEncoder().encode('Phường Hải Châu 😀 東京 ');
    for (const edge of EDGES) {
      for (const at of [0, 7, text.length]) {
        const bytes = new Uint8Array([...text.subarray(0, at), ...edge, ...text.subarray(at)]);
        for (const open of [false, true]) expect(wasmUtf8End(bytes, 0, open, 16), `${edge.join(',')} at ${at}`).toBe(validUtf8End(bytes, 0, open));
      }
    }
  });

  it('ends where the JavaScript check ends, open or not, from any start, windows cutting characters anywhere', () => {
    const random = seededRandom(10);
    const valid = new TextEncoder().encode('Phường Hải Châu 😀 東京 Cửa hàng Nguyễn Văn A, 12 đường Lê Lợi; ');
    for (let k = 0; k < 3000; k++) {
      const length = 1 + Math.floor(random() * valid.length * 3);
      const bytes = new Uint8Array(length);
      for (let i = 0; i < length; i++) bytes[i] = valid[i % valid.length] as number;
      const flips = random() < 0.6 ? Math.floor(random() * 3) : 0;
      for (let f = 0; f < flips; f++) bytes[Math.floor(random() * length)] = Math.floor(random() * 256);
      const start = random() < 0.3 ? Math.floor(random() * length) : 0;
      const open = random() < 0.5;
      const window = 4 + Math.floor(random() * 60);
      expect(wasmUtf8End(bytes, start, open, window), `${Array.from(bytes).join(',')} from ${start}, open ${open}, window ${window}`).toBe(validUtf8End(bytes, start, open));
    }
  });

  it('checks long files (where it is used) as a fatal TextDecoder does', () => {
    const random = seededRandom(11);
    const text = new TextEncoder().encode('Nhà thuốc Cô Lan 718,Siêu thị,16.494407,107.603562,01177,1,VNPay,87\r\n'.repeat(2000));
    for (let k = 0; k < 40; k++) {
      const bytes = text.slice(0, text.length - Math.floor(random() * 4));
      if (k % 2 === 1) bytes[Math.floor(random() * bytes.length)] = 0x80 + Math.floor(random() * 128);
      expect(isValidUtf8(bytes), `case ${k}`).toBe(fatalDecodes(bytes));
      expect(isValidUtf8Chunks([bytes.subarray(0, 70_001), bytes.subarray(70_001)]), `case ${k} in two`).toBe(fatalDecodes(bytes));
    }
    expect(wasmUtf8End(text, 0, false)).toBe(text.length);
  });
});

describe('encodeUtf8Chunks', () => {
  it('never splits a surrogate pair between two pieces', () => {
    const text = 'a😀'.repeat(50);
    for (let size = 1; size < 8; size++) {
      const pieces = [...encodeUtf8Chunks(text, size)];
      expect(pieces.length).toBeGreaterThan(1);
      const joined = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const piece of pieces) {
        joined.set(piece, at);
        at += piece.length;
      }
      expect(decodeUtf8(joined)).toBe(text);
    }
  });
});
