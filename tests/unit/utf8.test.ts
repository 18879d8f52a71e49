import { describe, it, expect } from 'vitest';
import { decodeUtf8, encodeUtf8Chunks, isValidUtf8, isValidUtf8Chunks } from '../../src/core/text/utf8.ts';
import { seededRandom } from '../support/random.ts';

const fatalDecodes = (bytes: Uint8Array): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

describe('isValidUtf8', () => {
  it('accepts exactly what a fatal TextDecoder accepts, on random and edge byte sequences', () => {
    const random = seededRandom(8);
    const edges = [[0xc0, 0x80], [0xc2, 0x80], [0xe0, 0x9f, 0x80], [0xe0, 0xa0, 0x80], [0xed, 0x9f, 0xbf], [0xed, 0xa0, 0x80], [0xef, 0xbf, 0xbf], [0xf0, 0x8f, 0x80, 0x80], [0xf0, 0x90, 0x80, 0x80], [0xf4, 0x8f, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80], [0xf5, 0x80, 0x80, 0x80], [0xe1, 0xbb], [0x80]];
    const cases = edges.map((e) => Uint8Array.from(e));
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
