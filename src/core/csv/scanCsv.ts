import type { CsvDelimiter, CsvProblem } from './tokenizeCsv.ts';

/**
 * The fields of the current record as ranges, valid only during the `onRecord` call: field k is
 * `sources[k].slice(starts[k], ends[k])`. An unquoted field is a range of the text itself (no
 * substring is made); a quoted field is its unescaped value (start 0, end its length).
 */
export interface CsvFieldRanges {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  sources: string[];
}

/**
 * `tokenizeCsv` without the strings: the same records, lines, blank-line skipping and unclosed-quote
 * report, but each field is handed over as a range of the text, so a reader can parse numbers and
 * look values up from the characters and never allocate a string for a cell it does not keep.
 */
export function scanCsv(
  text: string,
  delimiter: CsvDelimiter,
  onRecord: (fields: CsvFieldRanges, line: number) => void,
  onProblem: (problem: CsvProblem) => void,
): void {
  const delimiterCode = delimiter.charCodeAt(0);
  const n = text.length;
  const fields: CsvFieldRanges = { count: 0, starts: new Int32Array(16), ends: new Int32Array(16), sources: new Array<string>(16).fill('') };
  let line = 1;
  let i = 0;
  // Next delimiter, LF and CR at or after some position ≤ i (n when none): each found by `indexOf`,
  // which scans far faster than a loop over character codes, and searched again only once passed.
  let nextDelimiter = -1;
  let nextLf = -1;
  let nextCr = -1;
  while (i < n) {
    const recordLine = line;
    let count = 0;
    for (;;) {
      if (count === fields.starts.length) grow(fields);
      let c = text.charCodeAt(i);
      if (c === 0x22) {
        const quoteLine = line;
        let value = '';
        let start = ++i;
        let closed = false;
        while (i < n) {
          c = text.charCodeAt(i);
          if (c === 0x22) {
            if (text.charCodeAt(i + 1) === 0x22) {
              value += text.slice(start, i + 1);
              i += 2;
              start = i;
              continue;
            }
            value += text.slice(start, i);
            i++;
            closed = true;
            break;
          }
          if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) line++;
          i++;
        }
        if (!closed) {
          onProblem({ kind: 'unclosed-quote', line: quoteLine });
          return;
        }
        // Characters between the closing quote and the delimiter are kept, as spreadsheets do.
        if (nextDelimiter < i) nextDelimiter = indexOrEnd(text, delimiter, i);
        if (nextLf < i) nextLf = indexOrEnd(text, '\n', i);
        if (nextCr < i) nextCr = indexOrEnd(text, '\r', i);
        const tailEnd = Math.min(nextDelimiter, nextLf, nextCr);
        if (tailEnd > i) value += text.slice(i, tailEnd);
        i = tailEnd;
        fields.sources[count] = value;
        fields.starts[count] = 0;
        fields.ends[count] = value.length;
      } else {
        if (nextDelimiter < i) nextDelimiter = indexOrEnd(text, delimiter, i);
        if (nextLf < i) nextLf = indexOrEnd(text, '\n', i);
        if (nextCr < i) nextCr = indexOrEnd(text, '\r', i);
        fields.sources[count] = text;
        fields.starts[count] = i;
        i = nextDelimiter < nextLf ? (nextDelimiter < nextCr ? nextDelimiter : nextCr) : nextLf < nextCr ? nextLf : nextCr;
        fields.ends[count] = i;
      }
      count++;
      if (i >= n) break;
      c = text.charCodeAt(i);
      if (c === delimiterCode) {
        i++;
        if (i < n) continue;
        if (count === fields.starts.length) grow(fields);
        fields.sources[count] = text;
        fields.starts[count] = i;
        fields.ends[count] = i;
        count++;
        break;
      }
      i += c === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      line++;
      break;
    }
    fields.count = count;
    const blank = count === 1 && fields.ends[0] === fields.starts[0];
    if (!blank) onRecord(fields, recordLine);
  }
}

function indexOrEnd(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at < 0 ? text.length : at;
}

function grow(fields: CsvFieldRanges): void {
  const length = fields.starts.length * 2;
  const starts = new Int32Array(length);
  const ends = new Int32Array(length);
  starts.set(fields.starts);
  ends.set(fields.ends);
  fields.starts = starts;
  fields.ends = ends;
  while (fields.sources.length < length) fields.sources.push('');
}
