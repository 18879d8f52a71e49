import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseManifest } from '../../src/core/manifest/parseManifest.ts';
import { buildProject } from '../../src/core/project/buildProject.ts';
import { deriveAdoptionView } from '../../src/core/aggregate/adoptionView.ts';
import { countsPerCategory, qrAdoptionRate, sumCounts } from '../../src/core/aggregate/summarise.ts';
import { dictionaryValue } from '../../src/core/merchants/columns.ts';
import { areaCode } from '../../src/core/ids.ts';

const DEMO = new URL('../../data/demo/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, DEMO), 'utf8');

const manifest = parseManifest(JSON.parse(read('project.json')), new URL('project.json', DEMO).href);
const fileName = (url: string) => url.slice(url.lastIndexOf('/') + 1);
const project = buildProject({
  manifest,
  areasJson: JSON.parse(read(fileName(manifest.areas.url))),
  merchantsCsv: read(fileName(manifest.merchants.url)),
  marketsJson: JSON.parse(read(fileName(manifest.markets?.url ?? 'markets.geojson'))),
  streetsJson: JSON.parse(read(fileName(manifest.streets?.url ?? 'streets.geojson'))),
});

describe('demo data', () => {
  it('resolves the demo file URLs next to the manifest', () => {
    expect(manifest.areas.url).toBe(new URL('areas.geojson', DEMO).href);
    expect(manifest.merchants.url).toBe(new URL('merchants.csv', DEMO).href);
  });

  it('has 25–40 wards, 5,000–7,000 merchants, 10–20 markets and 5–10 streets', () => {
    expect(project.areas.areas.length).toBeGreaterThanOrEqual(25);
    expect(project.areas.areas.length).toBeLessThanOrEqual(40);
    expect(project.merchants.count).toBeGreaterThanOrEqual(5000);
    expect(project.merchants.count).toBeLessThanOrEqual(7000);
    expect(project.markets.length).toBeGreaterThanOrEqual(10);
    expect(project.markets.length).toBeLessThanOrEqual(20);
    expect(project.streets.length).toBeGreaterThanOrEqual(5);
    expect(project.streets.length).toBeLessThanOrEqual(10);
  });

  it('has no rejected rows or features in any file', () => {
    expect(project.report.files.map((f) => f.file)).toEqual(['areas', 'merchants', 'markets', 'streets']);
    for (const f of project.report.files) {
      expect(f.rejected, f.file).toBe(0);
      expect(f.rows, f.file).toBe(f.loaded);
    }
    expect(project.report.problems.filter((p) => p.severity === 'rejected')).toEqual([]);
    expect(project.report.join.unmatched).toBe(0);
  });

  it('uses only the manifest categories and no "other"', () => {
    expect(project.categories).toHaveLength(manifest.categories.length);
    expect(project.report.problems).toEqual([]);
  });

  it('puts every merchant with coordinates in the ward named in its own ward_code column', () => {
    const t = project.merchants;
    let withCoordinates = 0;
    const mismatches: string[] = [];
    for (let row = 0; row < t.count; row++) {
      if (!Number.isFinite(t.lat[row] ?? NaN)) continue;
      withCoordinates++;
      const expected = project.areas.indexByCode.get(areaCode(dictionaryValue(t.areaCode, row)));
      expect(expected).toBeDefined();
      if (project.areaOf[row] !== expected) mismatches.push(`line ${t.line[row]}: ${dictionaryValue(t.id, row)}`);
    }
    expect(mismatches).toEqual([]);
    expect(withCoordinates).toBeGreaterThan(t.count * 0.9);
    expect(project.report.join.matchedByLocation).toBe(withCoordinates);
    expect(project.report.join.matchedByCode).toBe(t.count - withCoordinates);
  });

  it('reads the ward targets and registered businesses', () => {
    expect(project.areas.areas.every((a) => a.targetRate !== undefined && a.targetRate > 0 && a.targetRate <= 1)).toBe(true);
    expect(project.areas.areas.every((a) => (a.registeredBusinesses ?? 0) > 0)).toBe(true);
  });

  it('places every market and street in a ward', () => {
    expect(Array.from(project.marketArea).every((a) => a >= 0)).toBe(true);
    expect(Array.from(project.streetArea).every((a) => a >= 0)).toBe(true);
  });

  it('shows clearly different adoption between wards', () => {
    const all = new Set(project.categories.map((_, i) => i));
    const view = deriveAdoptionView(project, all);
    const rates = view.areas.map((a) => a.rate);
    expect(rates.every(Number.isFinite)).toBe(true);
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(0.3);
    expect(view.totals.merchants).toBe(project.merchants.count);
  });

  it('shows clearly different adoption between categories', () => {
    const perCategory = project.categories.map((_, category) =>
      qrAdoptionRate(sumCounts(project.areas.areas.map((_a, area) => countsPerCategory(project.areaTable, area)[category] ?? { merchants: 0, withQr: 0, activeQr: 0 }))));
    expect(perCategory.every(Number.isFinite)).toBe(true);
    expect(Math.max(...perCategory) - Math.min(...perCategory)).toBeGreaterThan(0.3);
  });

  it('counts merchants on the cashless streets', () => {
    const all = new Set(project.categories.map((_, i) => i));
    const streets = deriveAdoptionView(project, all).streets;
    expect(streets).toHaveLength(project.streets.length);
    expect(streets.some((s) => s.merchants > 0)).toBe(true);
  });
});
