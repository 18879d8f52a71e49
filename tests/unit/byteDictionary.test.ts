import { describe, expect, it } from 'vitest';
import { ByteDictionary } from '../../src/core/merchants/byteDictionary.ts';

const encoder = new TextEncoder();

/** Seeded values: Vietnamese words composed and decomposed, other scripts, and keys long enough to grow the pool many times. */
function values(count: number, seed: number): string[] {
  let state = seed;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const words = ['Phở', 'Phở'.normalize('NFD'), 'Ἀθῆναι', 'x', '東京', 'Cà phê', 'Cà phê'.normalize('NFD'), '😀', 'Shop', 'Tiệm vàng ', 'a'.repeat(300)];
  return Array.from({ length: count }, () => {
    let text = '';
    for (let k = 1 + Math.floor(random() * 5); k > 0; k--) text += (words[Math.floor(random() * words.length)] as string) + (random() < 0.3 ? String(Math.floor(random() * 40)) : '');
    return text;
  });
}

describe('ByteDictionary', () => {
  // A few expected values keep a memo; many do not. Both must give every NFC value one code, in order of first appearance.
  for (const expected of [16, 100_000]) {
    it(`gives each NFC value one code, in order of first appearance (expecting ${expected} values)`, () => {
      const dictionary = new ByteDictionary(expected);
      const codes = new Map<string, number>();
      for (const text of values(20_000, expected)) {
        const bytes = encoder.encode(` ${text} `);
        const code = dictionary.code(bytes, 1, bytes.length - 1);
        const nfc = text.normalize('NFC');
        if (!codes.has(nfc)) codes.set(nfc, codes.size);
        expect(code).toBe(codes.get(nfc));
        expect(dictionary.value(code)).toBe(nfc);
      }
      expect(dictionary.size).toBe(codes.size);
      expect(dictionary.values()).toEqual([...codes.keys()]);
      const table = dictionary.table().finish();
      expect(table.count).toBe(codes.size);
    });
  }
});
