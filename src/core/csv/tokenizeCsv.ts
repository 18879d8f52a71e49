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
 */
export function tokenizeCsv(
  text: string,
  delimiter: CsvDelimiter,
  onRecord: (record: CsvRecord) => void,
  onProblem: (problem: CsvProblem) => void,
): void {
  const delimiterCode = delimiter.charCodeAt(0);
  const n = text.length;
  let line = 1;
  let i = 0;
  while (i < n) {
    const recordLine = line;
    const fields: string[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      let value = '';
      if (text.charCodeAt(i) === 0x22) {
        const quoteLine = line;
        let start = ++i;
        let closed = false;
        while (i < n) {
          const c = text.charCodeAt(i);
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
        const tailStart = i;
        while (i < n && !isFieldEnd(text.charCodeAt(i), delimiterCode)) i++;
        value += text.slice(tailStart, i);
      } else {
        const start = i;
        while (i < n && !isFieldEnd(text.charCodeAt(i), delimiterCode)) i++;
        value = text.slice(start, i);
      }
      fields.push(value);
      if (i >= n) {
        endOfRecord = true;
      } else {
        const c = text.charCodeAt(i);
        if (c === delimiterCode) {
          i++;
          if (i >= n) fields.push('');
          else continue;
        } else {
          i += c === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
          line++;
        }
        endOfRecord = true;
      }
    }
    const blank = fields.length === 1 && fields[0] === '';
    if (!blank) onRecord({ fields, line: recordLine });
  }
}

function isFieldEnd(code: number, delimiterCode: number): boolean {
  return code === delimiterCode || code === 0x0a || code === 0x0d;
}
