import { describe, expect, it } from 'vitest';
import { decodeText, detectLegacyVietnameseEncoding, sniffFileKind } from '../../src/core/text/decodeText.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf8 = (text: string) => new TextEncoder().encode(text);
const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

/** "Phường Hải Châu" in Windows-1258, written from the code page table: ư FD, ơ F5, combining grave CC, combining hook D2, â E2. */
const PHUONG_HAI_CHAU_1258 = bytes(0x50, 0x68, 0xfd, 0xf5, 0xcc, 0x6e, 0x67, 0x20, 0x48, 0x61, 0xd2, 0x69, 0x20, 0x43, 0x68, 0xe2, 0x75);

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[2 + 2 * i] = littleEndian ? code & 0xff : code >> 8;
    out[3 + 2 * i] = littleEndian ? code >> 8 : code & 0xff;
  }
  return out;
}

describe('decodeText', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(utf8('ma,ten\n20242,Phường Hải Châu'))).toEqual({ text: 'ma,ten\n20242,Phường Hải Châu', encoding: 'utf-8', notices: [] });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const result = decodeText(bytes(0xef, 0xbb, 0xbf, ...utf8('Đà Nẵng')));
    expect(result).toEqual({ text: 'Đà Nẵng', encoding: 'utf-8-bom', notices: [] });
  });

  it('composes decomposed UTF-8 (tones as combining marks) to NFC and says so', () => {
    const nfd = 'Phường Hải Châu'.normalize('NFD');
    const result = decodeText(utf8(nfd));
    expect(result.text).toBe('Phường Hải Châu'.normalize('NFC'));
    expect(result.text.length).toBe(15);
    expect(result.notices).toEqual([{ kind: 'normalised-to-nfc' }]);
  });

  it('reads UTF-16 LE and BE by their BOM', () => {
    expect(decodeText(utf16('id;tên\n1;Phường Hải Châu', true))).toMatchObject({ text: 'id;tên\n1;Phường Hải Châu', encoding: 'utf-16le' });
    expect(decodeText(utf16('Hà Nội', false))).toMatchObject({ text: 'Hà Nội', encoding: 'utf-16be', notices: [] });
  });

  it('reads bytes that are not UTF-8 as Windows-1258 and round-trips “Phường Hải Châu” to NFC', () => {
    const result = decodeText(PHUONG_HAI_CHAU_1258);
    expect(result.encoding).toBe('windows-1258');
    expect(result.text).toBe('Phường Hải Châu');
    expect(result.text).toBe(result.text.normalize('NFC'));
    expect([...result.text]).toHaveLength(15);
    expect(result.notices).toEqual([{ kind: 'decoded-as-windows-1258' }]);
  });

  it('reads a Windows-1258 CSV with Đ D0, đ F0, ă E3, ê EA, ô F4 and combining tones (grave CC, tilde DE)', () => {
    // "mã,tên\n1,Đà Nẵng đông": ã is a + combining tilde, ẵ is ă + combining tilde.
    const csv = bytes(
      0x6d, 0x61, 0xde, 0x2c, 0x74, 0xea, 0x6e, 0x0a, // ma~,tên\n
      0x31, 0x2c, 0xd0, 0x61, 0xcc, 0x20, 0x4e, 0xe3, 0xde, 0x6e, 0x67, 0x20, 0xf0, 0xf4, 0x6e, 0x67, // 1,Đà Nẵng đông
    );
    const result = decodeText(csv);
    expect(result.encoding).toBe('windows-1258');
    expect(result.text).toBe('mã,tên\n1,Đà Nẵng đông');
    expect(detectLegacyVietnameseEncoding(result.text)).toBeNull();
  });

  it('flags TCVN3 and VNI bytes (read as Windows-1258) as legacy encodings', () => {
    // "Hà Nội" in TCVN3: à = B5, ộ = E9; in VNI: a + F8 (grave), o + E4 (circumflex and dot below).
    const tcvn3 = decodeText(bytes(0x48, 0xb5, 0x20, 0x4e, 0xe9, 0x69));
    expect(tcvn3.text).toBe('Hµ Néi');
    expect(tcvn3.notices).toContainEqual({ kind: 'legacy-vietnamese-encoding', encoding: 'tcvn3' });
    const vni = decodeText(bytes(0x48, 0x61, 0xf8, 0x20, 0x4e, 0x6f, 0xe4, 0x69));
    expect(vni.text).toBe('Haø Noäi');
    expect(vni.notices).toContainEqual({ kind: 'legacy-vietnamese-encoding', encoding: 'vni' });
  });
});

describe('detectLegacyVietnameseEncoding', () => {
  it('recognises TCVN3 (ABC) text read as Windows-1252/1258', () => {
    expect(detectLegacyVietnameseEncoding('Hµ Néi')).toBe('tcvn3');
    expect(detectLegacyVietnameseEncoding('Ph\u00adêng H¶i Ch©u')).toBe('tcvn3'); // Phường Hải Châu
    expect(detectLegacyVietnameseEncoding('§µ N½ng')).toBe('tcvn3'); // Đà Nẵng
    // "Thực phẩm tươi sống của tuổi" in TCVN3 bytes (F9 C8 AD AC E8 F1 E6), decoded as 1258.
    const bytesTcvn3 = bytes(...ascii('Th'), 0xf9, ...ascii('c ph'), 0xc8, ...ascii('m t'), 0xad, 0xac, ...ascii('i s'), 0xe8, ...ascii('ng c'), 0xf1, ...ascii('a tu'), 0xe6, 0x69);
    expect(detectLegacyVietnameseEncoding(decodeText(bytesTcvn3).text)).toBe('tcvn3');
  });

  it('recognises VNI text read as Windows-1252/1258', () => {
    expect(detectLegacyVietnameseEncoding('Haø Noäi')).toBe('vni');
    expect(detectLegacyVietnameseEncoding('Phöôøng Haûi Chaâu')).toBe('vni');
    expect(detectLegacyVietnameseEncoding('Ñaø Naüng')).toBe('vni');
    expect(detectLegacyVietnameseEncoding('id,ten\n1,Cöûa haøng tieän lôïi\n2,Sieâu thò')).toBe('vni');
  });

  it('leaves genuine Unicode text alone, Vietnamese or not', () => {
    for (const text of [
      'Phường Hải Châu', 'Hà Nội', 'Đà Nẵng', 'Quân đội, hoà bình, thuý, khuya, Nguyễn, quê hương, muốn, tuổi',
      'Café Coca-Cola® «Le Bon» 25°C ½ giá', 'id,name\n1,Shop A\n2,Boutique Noël', '',
    ]) {
      expect(detectLegacyVietnameseEncoding(text), text).toBeNull();
    }
  });
});

describe('sniffFileKind', () => {
  it('names workbooks, PDFs, markup, JSON, binary and text', () => {
    expect(sniffFileKind(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00))).toBe('xlsx');
    expect(sniffFileKind(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00))).toBe('xls');
    expect(sniffFileKind(utf8('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffFileKind(utf8('\n  <!DOCTYPE html><html><table>'))).toBe('html');
    expect(sniffFileKind(bytes(0xef, 0xbb, 0xbf, ...utf8(' {"type":"FeatureCollection"}')))).toBe('json');
    expect(sniffFileKind(utf16('[1]', true))).toBe('json');
    expect(sniffFileKind(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00))).toBe('binary');
    expect(sniffFileKind(utf8('id,name\n1,Quán'))).toBe('text');
    expect(sniffFileKind(PHUONG_HAI_CHAU_1258)).toBe('text');
    expect(sniffFileKind(utf16('id\tname', true))).toBe('text');
  });
});
