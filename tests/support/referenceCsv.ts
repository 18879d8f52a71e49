import type { CsvDelimiter, CsvProblem, CsvRecord } from '../../src/core/csv/tokenizeCsv.ts';

/**
 * The first, plain implementation of the CSV tokenizer (a character loop making a string per
 * field), kept here as the reference the range scanner is checked against on random input.
 */
/**
 * Splits RFC 4180 CSV text into records in one linear pass: quoted fields may hold delimiters,
 * doubled quotes and newlines; CRLF, LF and CR end records; blank lines are skipped.
 * An unclosed quote ends the input and is reported at the line where the quote opened.
 */
export function referenceTokenizeCsv(
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
