import { encodeUtf8Chunks, decodeUtf8 } from '../text/utf8.ts';
import { bytesOf, CsvByteScanner } from './csvByteScanner.ts';

/** A CSV record with the physical line (1-based) where it starts. */
export interface CsvRecord {
  readonly fields: string[];
  readonly line: number;
}

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvProblem {
  readonly kind: 'unclosed-quote';
  readonly line: number;
}

const CANDIDATE_DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

/** Removes a UTF-8 byte order mark, which Excel writes at the start of "CSV UTF-8" files. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Picks the delimiter that occurs most often outside quotes in the first line (ties: comma). */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(CANDIDATE_DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && (ch === ',' || ch === ';' || ch === '\t')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: CsvDelimiter = ',';
  for (const d of CANDIDATE_DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/**
 * Splits RFC 4180 CSV text into records in one linear pass: quoted fields may hold delimiters,
 * doubled quotes and newlines; CRLF, LF and CR end records; blank lines are skipped.
 * An unclosed quote ends the input and is reported at the line where the quote opened.
 * (`CsvByteScanner` over the text's UTF-8, for the small CSVs read whole as text: market lists,
 * pre-aggregated tables.)
 */
export function tokenizeCsv(
  text: string,
  delimiter: CsvDelimiter,
  onRecord: (record: CsvRecord) => void,
  onProblem: (problem: CsvProblem) => void,
): void {
  const scanner = new CsvByteScanner(
    delimiter.charCodeAt(0),
    (ranges, line) => {
      const fields: string[] = [];
      for (let k = 0; k < ranges.count; k++) fields.push(decodeUtf8(bytesOf(ranges, k), ranges.starts[k], ranges.ends[k]));
      onRecord({ fields, line });
    },
    onProblem,
  );
  for (const piece of encodeUtf8Chunks(text)) scanner.push(piece);
  scanner.finish();
}
