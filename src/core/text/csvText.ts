import { decodeText, detectLegacyVietnameseEncoding, type DecodedText, type TextNotice } from './decodeText.ts';
import { isValidUtf8 } from './utf8.ts';

/**
 * A UTF-8 CSV kept as its bytes, for the merchant reader, which reads bytes: decoding a big list
 * to one string would cost a pass, twice its size in memory and, past 512 Mi characters, fail.
 * `head` is its decoded beginning, enough to recognise the file and read its header.
 */
export interface Utf8Csv {
  readonly utf8: Uint8Array;
  readonly head: string;
}

/** A CSV file's contents: its text, or (a UTF-8 file) its bytes. */
export type CsvText = string | Utf8Csv;

/** Bytes decoded for `head`: a header and the first rows, and enough text to tell a legacy encoding. */
const HEAD_BYTES = 1 << 18;

/** The beginning of a CSV's text (all of it for a string): enough to recognise it and read its header. */
export function csvHead(csv: CsvText): string {
  return typeof csv === 'string' ? csv : csv.head;
}

/** The whole text (for the small CSVs read as strings: pre-aggregated tables, market lists). */
export function csvString(csv: CsvText): string {
  return typeof csv === 'string' ? csv : new TextDecoder().decode(csv.utf8).normalize('NFC');
}

/** What `decodeDataFile` gives: `contents` in place of `decodeText`'s text. */
export interface DecodedDataFile extends Omit<DecodedText, 'text'> {
  readonly contents: CsvText;
}

/**
 * A data file's bytes for the readers: a UTF-8 file that is not JSON (a CSV) stays bytes, with
 * its decoded head; anything else (JSON, UTF-16, Windows-1258) is decoded by `decodeText`. The
 * encoding and the legacy TCVN3/VNI notice are the same as `decodeText` gives.
 */
export function decodeDataFile(bytes: Uint8Array): DecodedDataFile {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let first = bom ? 3 : 0;
  while (first < bytes.length && (bytes[first] === 0x20 || bytes[first] === 0x09 || bytes[first] === 0x0a || bytes[first] === 0x0d)) first++;
  const json = bytes[first] === 0x7b || bytes[first] === 0x5b;
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (json || utf16 || !(bom || isValidUtf8(bytes))) {
    const { text, ...rest } = decodeText(bytes);
    return { ...rest, contents: text };
  }
  // The head may end inside a character: its last, replaced character is dropped.
  let head = new TextDecoder().decode(bytes.subarray(bom ? 3 : 0, Math.min(bytes.length, HEAD_BYTES))).normalize('NFC');
  if (bytes.length > HEAD_BYTES && head.endsWith('\ufffd')) head = head.slice(0, -1);
  const legacy = detectLegacyVietnameseEncoding(head);
  const notices: TextNotice[] = legacy ? [{ kind: 'legacy-vietnamese-encoding', encoding: legacy }] : [];
  return { contents: { utf8: bytes, head }, encoding: bom ? 'utf-8-bom' : 'utf-8', notices };
}
