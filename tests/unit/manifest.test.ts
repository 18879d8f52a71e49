import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { ManifestError, parseManifest } from '../../src/core/manifest/parseManifest.ts';

const BASE = 'https://example.org/projects/demo/project.json';
const DEMO_TEXT = readFileSync(new URL('../../data/demo/project.json', import.meta.url), 'utf8');

/** A minimal valid manifest; tests change one field at a time. */
function base(): Record<string, unknown> {
  return {
    version: 1,
    title: { vi: 'Thử', en: 'Test' },
    areas: { url: 'areas.geojson', codeProperty: 'code', nameProperty: 'name' },
    merchants: { url: 'data/merchants.csv' },
    categories: [
      { id: 'a', label: { vi: 'A', en: 'A' }, color: '#112233' },
      { id: 'b', label: { vi: 'B', en: 'B' }, color: '#aabbcc' },
    ],
  };
}

function fieldOf(json: unknown): string {
  try {
    parseManifest(json, BASE);
  } catch (error) {
    expect(error).toBeInstanceOf(ManifestError);
    return (error as ManifestError).field;
  }
  throw new Error('parseManifest accepted an invalid manifest');
}

function withChange(change: (m: Record<string, unknown>) => void): Record<string, unknown> {
  const m = base();
  change(m);
  return m;
}

describe('parseManifest: the demo manifest', () => {
  const manifest = parseManifest(JSON.parse(DEMO_TEXT), BASE);

  it('parses with its URLs resolved against the base URL', () => {
    expect(manifest.areas.url).toBe('https://example.org/projects/demo/areas.geojson');
    expect(manifest.merchants.url).toBe('https://example.org/projects/demo/merchants.csv');
    expect(manifest.markets?.url).toBe('https://example.org/projects/demo/markets.geojson');
    expect(manifest.streets?.url).toBe('https://example.org/projects/demo/streets.geojson');
  });

  it('reads its fields', () => {
    expect(manifest.version).toBe(1);
    expect(manifest.sample).toBe(true);
    expect(manifest.title).toEqual({ vi: 'Thành phố Mẫu', en: 'Sample City' });
    expect(manifest.areas).toMatchObject({ codeProperty: 'ward_code', nameProperty: 'ward_name', level: 'ward', adminSystem: '2025' });
    expect(manifest.merchants.columns).toMatchObject({ id: 'id', hasQr: 'has_qr', areaCode: 'ward_code', txCountMonth: 'tx_count_month' });
    expect(manifest.categories).toHaveLength(12);
    expect(manifest.categories[0]).toEqual({ id: 'thuc_pham', label: { vi: 'Thực phẩm', en: 'Food' }, color: '#E69F00' });
    expect(manifest.classification).toEqual({ method: 'quantile', classes: 5 });
  });
});

describe('parseManifest: defaults and normalisation', () => {
  const manifest = parseManifest(base(), 'file:///srv/p/project.json');

  it('resolves relative URLs against a file: base', () => {
    expect(manifest.areas.url).toBe('file:///srv/p/areas.geojson');
    expect(manifest.merchants.url).toBe('file:///srv/p/data/merchants.csv');
  });

  it('keeps absolute URLs', () => {
    const m = parseManifest(withChange((x) => { x.areas = { url: 'https://cdn.example.com/a.geojson', codeProperty: 'c', nameProperty: 'n' }; }), BASE);
    expect(m.areas.url).toBe('https://cdn.example.com/a.geojson');
  });

  it('defaults level to ward, classification to quantile × 5, sample to false, no markets or streets', () => {
    expect(manifest.areas.level).toBe('ward');
    expect(manifest.areas.adminSystem).toBe('unknown');
    expect(manifest.classification).toEqual({ method: 'quantile', classes: 5 });
    expect(manifest.sample).toBe(false);
    expect(manifest.markets).toBeUndefined();
    expect(manifest.streets).toBeUndefined();
    expect(manifest.merchants.columns).toEqual({});
  });

  it('accepts a plain-string title', () => {
    expect(parseManifest(withChange((m) => { m.title = 'Đà Nẵng'; }), BASE).title).toBe('Đà Nẵng');
  });

  it('normalises NFD text to NFC and trims it', () => {
    const m = parseManifest(withChange((x) => {
      x.categories = [{ id: ' a ', label: { vi: 'Thực phẩm'.normalize('NFD'), en: 'Food' }, color: '#000000' }];
    }), BASE);
    expect(m.categories[0]?.id).toBe('a');
    expect(m.categories[0]?.label.vi).toBe('Thực phẩm'.normalize('NFC'));
  });

});

describe('parseManifest: invalid fields raise ManifestError with the field name', () => {
  it.each<[string, (m: Record<string, unknown>) => void, string]>([
    ['version 2', (m) => { m.version = 2; }, 'version'],
    ['version "1"', (m) => { m.version = '1'; }, 'version'],
    ['no version', (m) => { delete m.version; }, 'version'],
    ['a bad colour name', (m) => { m.categories = [{ id: 'a', label: { vi: 'A', en: 'A' }, color: 'red' }]; }, 'categories[0].color'],
    ['a short hex colour', (m) => { m.categories = [{ id: 'a', label: { vi: 'A', en: 'A' }, color: '#fff' }, { id: 'b', label: { vi: 'B', en: 'B' }, color: '#12345' }]; }, 'categories[0].color'],
    ['a colour in the second category', (m) => { m.categories = [{ id: 'a', label: { vi: 'A', en: 'A' }, color: '#000000' }, { id: 'b', label: { vi: 'B', en: 'B' }, color: '#GGGGGG' }]; }, 'categories[1].color'],
    ['a duplicate category id', (m) => { m.categories = [{ id: 'a', label: { vi: 'A', en: 'A' }, color: '#000000' }, { id: 'a', label: { vi: 'B', en: 'B' }, color: '#111111' }]; }, 'categories (duplicate id)'],
    ['a category without label.en', (m) => { m.categories = [{ id: 'a', label: { vi: 'A' }, color: '#000000' }]; }, 'categories[0].label.en'],
    ['a category without id', (m) => { m.categories = [{ label: { vi: 'A', en: 'A' }, color: '#000000' }]; }, 'categories[0].id'],
    ['no categories', (m) => { m.categories = []; }, 'categories'],
    ['categories not an array', (m) => { m.categories = { a: 1 }; }, 'categories'],
    ['a bad method', (m) => { m.classification = { method: 'natural-breaks', classes: 5 }; }, 'classification.method'],
    ['1 class', (m) => { m.classification = { method: 'jenks', classes: 1 }; }, 'classification.classes'],
    ['10 classes', (m) => { m.classification = { classes: 10 }; }, 'classification.classes'],
    ['2.5 classes', (m) => { m.classification = { classes: 2.5 }; }, 'classification.classes'],
    ['classes as text', (m) => { m.classification = { classes: '5' }; }, 'classification.classes'],
    ['a bad level', (m) => { m.areas = { url: 'a', codeProperty: 'c', nameProperty: 'n', level: 'commune' }; }, 'areas.level'],
    ['no areas url', (m) => { m.areas = { codeProperty: 'c', nameProperty: 'n' }; }, 'areas.url'],
    ['a blank codeProperty', (m) => { m.areas = { url: 'a', codeProperty: '  ', nameProperty: 'n' }; }, 'areas.codeProperty'],
    ['no merchants', (m) => { delete m.merchants; }, 'merchants.url'],
    ['a column mapping that is not text', (m) => { m.merchants = { url: 'm.csv', columns: { lat: 5 } }; }, 'merchants.columns.lat'],
    ['markets without idProperty', (m) => { m.markets = { url: 'm.geojson', nameProperty: 'n' }; }, 'markets.idProperty'],
    ['no title', (m) => { delete m.title; }, 'title.vi'],
    ['a title without English', (m) => { m.title = { vi: 'A' }; }, 'title.en'],
  ])('rejects %s', (_label, change, field) => {
    expect(fieldOf(withChange(change))).toBe(field);
  });

  it('rejects input that is not an object', () => {
    expect(fieldOf(null)).toBe('version');
    expect(fieldOf([1])).toBe('version');
    expect(fieldOf('{"version":1}')).toBe('version');
  });

  it('names the field in the error message', () => {
    expect(() => parseManifest(withChange((m) => { m.version = 3; }), BASE)).toThrow(/version/);
  });
});

describe('parseManifest: untrusted keys', () => {
  it('ignores unknown keys', () => {
    const m = parseManifest(withChange((x) => {
      x.extra = { anything: true };
      x.categories = [{ id: 'a', label: { vi: 'A', en: 'A', fr: 'A' }, color: '#000000', icon: 'x' }];
    }), BASE);
    expect(m).not.toHaveProperty('extra');
    expect(m.categories[0]).toEqual({ id: 'a', label: { vi: 'A', en: 'A' }, color: '#000000' });
  });

  it('is not polluted by __proto__ keys', () => {
    const text = JSON.stringify(base()).replace(/^\{/, '{"__proto__": {"polluted": 1, "sample": true},')
      .replace('"merchants":{', '"merchants":{"__proto__":{"polluted":1},"columns":{"__proto__":{"id":"evil"}},');
    expect(text.startsWith('{"__proto__"')).toBe(true);
    expect(text).toContain('"columns":{"__proto__"');
    const json: unknown = JSON.parse(text);
    const m = parseManifest(json, BASE);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((m as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(m.sample).toBe(false);
    expect(m.merchants.columns).toEqual({});
  });

  it('does not take a version inherited through __proto__', () => {
    const json: unknown = JSON.parse('{"__proto__": {"version": 1}}');
    expect(fieldOf(json)).toBe('version');
  });
});
