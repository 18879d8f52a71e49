import { decodeText, detectLegacyVietnameseEncoding, type DecodedText, type TextNotice } from './decodeText.ts';
import { isValidUtf8Chunks } from './utf8.ts';

/**
 * A UTF-8 CSV kept as its bytes, in the pieces it was read in, for the merchant reader, which
 * reads pieces of bytes: decoding a big list to one string would cost a pass, twice its size in
 * memory and, past 512 Mi characters, fail; one array of it would meet the ~1 GB allocation wall.
 * `head` is its decoded beginning, enough to recognise the file and read its header.
 */
export interface Utf8Csv {
  readonly utf8: readonly Uint8Array[];
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
  if (typeof csv === 'string') return csv;
  const decoder = new TextDecoder();
  return (csv.utf8.map((piece) => decoder.decode(piece, { stream: true })).join('') + decoder.decode()).normalize('NFC');
}

/** What `decodeDataFile` gives: `contents` in place of `decodeText`'s text. */
export interface DecodedDataFile extends Omit<DecodedText, 'text'> {
  readonly contents: CsvText;
}

/**
 * A data file's bytes for the readers: a UTF-8 file that is not JSON (a CSV) stays bytes, with
 * its decoded head; anything else (JSON, UTF-16, Windows-1258) is decoded by `decodeText`. The
 * encoding and the legacy TCVN3/VNI notice are the same as `decodeText` gives. `validUtf8`: whether
 * the bytes are well-formed UTF-8, when the caller checked them while reading (see `Utf8Checker`).
 */
export function decodeDataFile(file: Uint8Array | readonly Uint8Array[], validUtf8?: boolean): DecodedDataFile {
  const pieces = file instanceof Uint8Array ? [file] : file;
  const size = pieces.reduce((sum, piece) => sum + piece.length, 0);
  const start = firstBytes(pieces, HEAD_BYTES);
  const bom = start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf;
  let first = bom ? 3 : 0;
  while (first < start.length && (start[first] === 0x20 || start[first] === 0x09 || start[first] === 0x0a || start[first] === 0x0d)) first++;
  const json = start[first] === 0x7b || start[first] === 0x5b;
  const utf16 = (start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff);
  if (json || utf16 || !(bom || (validUtf8 ?? isValidUtf8Chunks(pieces)))) {
    const { text, ...rest } = decodeText(firstBytes(pieces, size));
    return { ...rest, contents: text };
  }
  // The head may end inside a character: its last, replaced character is dropped.
  let head = new TextDecoder().decode(start.subarray(bom ? 3 : 0)).normalize('NFC');
  if (size > HEAD_BYTES && head.endsWith('\ufffd')) head = head.slice(0, -1);
  const legacy = detectLegacyVietnameseEncoding(head);
  const notices: TextNotice[] = legacy ? [{ kind: 'legacy-vietnamese-encoding', encoding: legacy }] : [];
  return { contents: { utf8: pieces, head }, encoding: bom ? 'utf-8-bom' : 'utf-8', notices };
}

/** The first `count` bytes of the pieces (all of them when shorter), as one array. */
export function firstBytes(pieces: readonly Uint8Array[], count: number): Uint8Array {
  if (pieces.length === 1 || (pieces[0]?.length ?? 0) >= count) return (pieces[0] ?? new Uint8Array(0)).subarray(0, count);
  const out = new Uint8Array(Math.min(count, pieces.reduce((sum, piece) => sum + piece.length, 0)));
  let at = 0;
  for (const piece of pieces) {
    if (at >= out.length) break;
    const part = piece.subarray(0, out.length - at);
    out.set(part, at);
    at += part.length;
  }
  return out;
}
