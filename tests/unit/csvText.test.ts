import { describe, it, expect } from 'vitest';
import { csvHead, csvString, decodeDataFile, type Utf8Csv } from '../../src/core/text/csvText.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeDataFile', () => {
  it('keeps a UTF-8 CSV as its bytes, with its beginning decoded', () => {
    const bytes = utf8('id,name\nM1,Phở Hương\n');
    const decoded = decodeDataFile(bytes);
    expect(decoded.encoding).toBe('utf-8');
    expect(typeof decoded.contents).toBe('object');
    expect((decoded.contents as Utf8Csv).utf8).toEqual([bytes]);
    expect(csvHead(decoded.contents)).toBe('id,name\nM1,Phở Hương\n');
    expect(csvString(decoded.contents)).toBe('id,name\nM1,Phở Hương\n');
  });

  it('names a byte order mark and leaves it out of the head', () => {
    const decoded = decodeDataFile(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8('id\n1\n')));
    expect(decoded.encoding).toBe('utf-8-bom');
    expect(csvHead(decoded.contents)).toBe('id\n1\n');
  });

  it('decodes JSON, UTF-16 and Windows-1258 files to text, as decodeText does', () => {
    expect(decodeDataFile(utf8(' \n{"type":"FeatureCollection"}')).contents).toBe(' \n{"type":"FeatureCollection"}');
    const utf16 = decodeDataFile(Uint8Array.of(0xff, 0xfe, 0x69, 0x00, 0x64, 0x00));
    expect(utf16).toMatchObject({ contents: 'id', encoding: 'utf-16le' });
    // "Hải" in Windows-1258: a with hook above is a + 0xD2 (combining), composed to NFC.
    const cp1258 = decodeDataFile(Uint8Array.of(0x48, 0x61, 0xd2, 0x69));
    expect(cp1258).toMatchObject({ contents: 'Hải', encoding: 'windows-1258' });
  });

  it('never ends the head of a big file with half a character', () => {
    // The head is the first 256 KiB: put a three-byte letter across that boundary.
    const text = 'a'.repeat((1 << 18) - 1) + 'ở' + '\n1\n';
    const head = csvHead(decodeDataFile(utf8(text)).contents);
    expect(head).toBe('a'.repeat((1 << 18) - 1));
  });

  it('reads a file in pieces as it reads it whole, a character cut between two pieces included', () => {
    const bytes = utf8('id,tên\nM1,Phường Hải Châu\n');
    const pieces = [bytes.subarray(0, 2), bytes.subarray(2, 13), bytes.subarray(13)];
    const decoded = decodeDataFile(pieces);
    expect(decoded.encoding).toBe('utf-8');
    expect((decoded.contents as Utf8Csv).utf8).toEqual(pieces);
    expect(csvHead(decoded.contents)).toBe('id,tên\nM1,Phường Hải Châu\n');
    expect(csvString(decoded.contents)).toBe('id,tên\nM1,Phường Hải Châu\n');
    // Invalid UTF-8 in a later piece still sends the whole file to Windows-1258.
    expect(decodeDataFile([utf8('id,ten\n'), Uint8Array.of(0x48, 0x61, 0xd2, 0x69)])).toMatchObject({ contents: 'id,ten\nHải', encoding: 'windows-1258' });
    expect(decodeDataFile([utf8('  '), utf8('[1]')]).contents).toBe('  [1]');
  });

  it('tells TCVN3 text saved as UTF-8 from its head', () => {
    // "Hµ Néi" is "Hà Nội" typed in TCVN3 and saved by a tool that took the bytes for Windows-1252.
    const decoded = decodeDataFile(utf8('id,ten\n1,Hµ Néi\n'));
    expect(decoded.notices).toContainEqual({ kind: 'legacy-vietnamese-encoding', encoding: 'tcvn3' });
  });
});
