import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from '../../src/core/project/jsonErrorOffset.ts';
import { lineAndColumn, looksLikeHtml, parseJsonFile, ProjectFileError } from '../../src/core/project/parseProjectTexts.ts';

function failure(text: string): ProjectFileError {
  try {
    parseJsonFile(text, 'areas');
  } catch (error) {
    if (error instanceof ProjectFileError) return error;
    throw error;
  }
  throw new Error('expected a ProjectFileError');
}

describe('parseJsonFile', () => {
  it('reads GeoJSON with or without a byte order mark', () => {
    expect(parseJsonFile('\uFEFF{"type":"FeatureCollection","features":[]}', 'areas')).toEqual({ type: 'FeatureCollection', features: [] });
  });

  it('names the line and column of a syntax error', () => {
    // The stray "]" is on line 3, after two spaces and `{"a": 1}, ` (10 characters): column 13.
    const error = failure('{"type": "FeatureCollection",\n "features": [\n  {"a": 1}, ]\n}');
    expect(error.reason).toBe('json');
    expect(error.file).toBe('areas');
    expect(error.position).toEqual({ line: 3, column: 13 });
  });

  it('recognises an HTML page where GeoJSON was expected', () => {
    expect(failure('\n  <!DOCTYPE html><html lang="vi"><title>Đăng nhập</title></html>').reason).toBe('html');
  });
});

describe('lineAndColumn', () => {
  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab\ncd\nef', 6)).toEqual({ line: 3, column: 1 });
  });
});

describe('looksLikeHtml', () => {
  it('tells a web page from CSV and JSON', () => {
    expect(looksLikeHtml('<html><body></body></html>')).toBe(true);
    expect(looksLikeHtml('id,name\n1,<b>Quán</b>')).toBe(false);
    expect(looksLikeHtml('{"type":"FeatureCollection"}')).toBe(false);
  });
});

describe('jsonErrorOffset', () => {
  it('points at the first character JSON does not allow', () => {
    expect(jsonErrorOffset('{"a": [1, 2,]}')).toBe(12);
    expect(jsonErrorOffset("{'a': 1}")).toBe(1);
    expect(jsonErrorOffset('{"a": 01}')).toBe(7);
    expect(jsonErrorOffset('{"a": "tab\there"}')).toBe(10);
    expect(jsonErrorOffset('[1, 2] x')).toBe(7);
  });

  it('points at the end of a file that stops too early', () => {
    expect(jsonErrorOffset('{"features": [')).toBe(14);
  });

  it('stops on nesting too deep to be a real GeoJSON file', () => {
    expect(jsonErrorOffset('['.repeat(10_000))).toBeLessThan(1000);
  });
});
