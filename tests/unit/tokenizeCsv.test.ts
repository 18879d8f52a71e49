import { describe, it, expect } from 'vitest';
import { detectDelimiter, stripBom, tokenizeCsv } from '../../src/core/csv/tokenizeCsv.ts';
import type { CsvDelimiter, CsvProblem, CsvRecord } from '../../src/core/csv/tokenizeCsv.ts';

function tokenize(text: string, delimiter: CsvDelimiter = ','): { records: CsvRecord[]; problems: CsvProblem[] } {
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  tokenizeCsv(text, delimiter, (r) => records.push(r), (p) => problems.push(p));
  return { records, problems };
}

const fieldsOf = (records: readonly CsvRecord[]) => records.map((r) => r.fields);
const linesOf = (records: readonly CsvRecord[]) => records.map((r) => r.line);

describe('stripBom', () => {
  it('removes a leading UTF-8 byte order mark', () => {
    expect(stripBom('\uFEFFid,name')).toBe('id,name');
  });

  it('leaves text without a BOM unchanged, including a BOM that is not first', () => {
    expect(stripBom('id,name')).toBe('id,name');
    expect(stripBom('a\uFEFF')).toBe('a\uFEFF');
  });

  it('lets the first header be read as "id" once the BOM is stripped', () => {
    const { records } = tokenize(stripBom('\uFEFFid,name\n1,A\n'));
    expect(records[0]?.fields[0]).toBe('id');
  });
});

describe('tokenizeCsv: quoted fields', () => {
  it('keeps a delimiter inside quotes in one field', () => {
    expect(fieldsOf(tokenize('a,"b,c",d\n').records)).toEqual([['a', 'b,c', 'd']]);
  });

  it('turns a doubled quote into one quote', () => {
    expect(fieldsOf(tokenize('"say ""hi""",x\n').records)).toEqual([['say "hi"', 'x']]);
  });

  it('reads a field that is only a doubled quote', () => {
    expect(fieldsOf(tokenize('"""",x').records)).toEqual([['"', 'x']]);
  });

  it('keeps a newline inside quotes in the field', () => {
    expect(fieldsOf(tokenize('1,"line one\nline two",z\n').records)).toEqual([['1', 'line one\nline two', 'z']]);
  });

  it('starts the record after a quoted newline on its physical line', () => {
    const text = 'h1,h2\n1,"a\nb\nc"\n2,x\n3,y\n';
    const { records } = tokenize(text);
    // line 1 header, line 2–4 the quoted record, line 5 and 6 the next ones
    expect(linesOf(records)).toEqual([1, 2, 5, 6]);
    expect(records[2]?.fields).toEqual(['2', 'x']);
  });

  it('counts a CRLF inside quotes as one physical line', () => {
    const { records } = tokenize('h\r\n"a\r\nb"\r\nnext\r\n');
    expect(linesOf(records)).toEqual([1, 2, 4]);
    expect(records[1]?.fields).toEqual(['a\r\nb']);
  });

  it('counts a lone CR inside quotes as one physical line', () => {
    const { records } = tokenize('h\r"a\rb"\rnext');
    expect(linesOf(records)).toEqual([1, 2, 4]);
  });

  it('keeps characters after a closing quote in the same field', () => {
    expect(fieldsOf(tokenize('"ab"cd,e').records)).toEqual([['abcd', 'e']]);
  });
});

describe('tokenizeCsv: line endings and blank lines', () => {
  const expected = [['a', 'b'], ['1', '2'], ['3', '4']];

  it('splits records on LF', () => {
    const { records } = tokenize('a,b\n1,2\n3,4\n');
    expect(fieldsOf(records)).toEqual(expected);
    expect(linesOf(records)).toEqual([1, 2, 3]);
  });

  it('splits records on CRLF without leaving a CR in the last field', () => {
    const { records } = tokenize('a,b\r\n1,2\r\n3,4\r\n');
    expect(fieldsOf(records)).toEqual(expected);
    expect(linesOf(records)).toEqual([1, 2, 3]);
  });

  it('splits records on a lone CR', () => {
    const { records } = tokenize('a,b\r1,2\r3,4');
    expect(fieldsOf(records)).toEqual(expected);
    expect(linesOf(records)).toEqual([1, 2, 3]);
  });

  it('reads the last record without a final newline', () => {
    expect(fieldsOf(tokenize('a,b\n1,2').records)).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('skips blank lines but keeps physical line numbers', () => {
    const { records } = tokenize('a,b\n\n1,2\r\n\r\n\r\n3,4\n\n');
    expect(fieldsOf(records)).toEqual(expected);
    expect(linesOf(records)).toEqual([1, 3, 6]);
  });

  it('gives no records for empty text', () => {
    expect(tokenize('').records).toEqual([]);
  });
});

describe('tokenizeCsv: empty fields', () => {
  it('gives an empty last field for a trailing delimiter at the end of a line', () => {
    expect(fieldsOf(tokenize('a,b,\n1,2,\n').records)).toEqual([['a', 'b', ''], ['1', '2', '']]);
  });

  it('gives an empty last field for a trailing delimiter at the end of the text', () => {
    expect(fieldsOf(tokenize('1,2,').records)).toEqual([['1', '2', '']]);
  });

  it('keeps empty fields in the middle and at the start', () => {
    expect(fieldsOf(tokenize(',x,,y\n').records)).toEqual([['', 'x', '', 'y']]);
  });

  it('keeps a line of only delimiters as a record of empty fields', () => {
    expect(fieldsOf(tokenize(',,\n').records)).toEqual([['', '', '']]);
  });
});

describe('tokenizeCsv: other delimiters', () => {
  it('splits on semicolons and leaves commas inside fields', () => {
    expect(fieldsOf(tokenize('lat;lon\n16,0679;108,2208\n', ';').records)).toEqual([['lat', 'lon'], ['16,0679', '108,2208']]);
  });

  it('splits on tabs', () => {
    expect(fieldsOf(tokenize('a\tb\n1\t2, 3\n', '\t').records)).toEqual([['a', 'b'], ['1', '2, 3']]);
  });
});

describe('detectDelimiter', () => {
  it('defaults to a comma', () => {
    expect(detectDelimiter('id,name,lat\n1,2,3')).toBe(',');
    expect(detectDelimiter('single')).toBe(',');
  });

  it('detects a semicolon header even when data lines hold decimal commas', () => {
    expect(detectDelimiter('id;lat;lon\n1;16,0679;108,2208\n')).toBe(';');
  });

  it('detects a tab header', () => {
    expect(detectDelimiter('id\tname\tlat\n')).toBe('\t');
  });

  it('ignores delimiters inside quotes on the header line', () => {
    expect(detectDelimiter('"a,b,c,d";e;f\n')).toBe(';');
    expect(detectDelimiter('"x;y;z;w",a,b\n')).toBe(',');
  });

  it('looks at the first line only', () => {
    expect(detectDelimiter('a,b\nc;d;e;f;g\n')).toBe(',');
    expect(detectDelimiter('a;b\r\nc,d,e,f\r\n')).toBe(';');
  });

  it('prefers a comma on a tie', () => {
    expect(detectDelimiter('a,b;c\n')).toBe(',');
  });
});

describe('tokenizeCsv: unclosed quote', () => {
  it('reports an unclosed quote at the line where it opens', () => {
    const { records, problems } = tokenize('h1,h2\n1,2\n3,"open\nmore\nstill open\n');
    expect(problems).toEqual([{ kind: 'unclosed-quote', line: 3 }]);
    expect(fieldsOf(records)).toEqual([['h1', 'h2'], ['1', '2']]);
  });

  it('reports the opening line when earlier records had quoted newlines', () => {
    const { problems } = tokenize('h\n"a\nb"\n"c\n');
    expect(problems).toEqual([{ kind: 'unclosed-quote', line: 4 }]);
  });

  it('reports no problem for well-formed text', () => {
    expect(tokenize('a,"b"\n"c\nd",e\n').problems).toEqual([]);
  });
});
