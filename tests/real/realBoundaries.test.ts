import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { Area } from '../../src/core/geo/area.ts';
import { readAreas } from '../../src/core/geo/readAreas.ts';
import { buildAreaLocator } from '../../src/core/join/areaLocator.ts';
import { buildProject } from '../../src/core/project/buildProject.ts';
import { parseManifest } from '../../src/core/manifest/parseManifest.ts';
import { seededRandom } from '../support/random.ts';

/** Real Vietnamese boundaries kept beside the repository (never copied into it). */
const REAL = path.resolve('../shared/data/real');
if (!existsSync(REAL)) throw new Error(`Real boundary data not found at ${REAL}`);
const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(REAL, file), 'utf8'));

const wardsJson = readJson('danang-wards-2025.geojson');
const wardSource = { codeProperty: 'ward_code', nameProperty: 'ward_name' };

/** A point strictly inside `area` and inside no other area (real files have slivers where neighbours overlap). */
function interiorPoint(areas: readonly Area[], index: number, next: () => number): [number, number] {
  const area = areas[index];
  if (!area) throw new Error(`no area ${index}`);
  const [minLon, minLat, maxLon, maxLat] = area.bbox;
  for (let attempt = 0; attempt < 100_000; attempt++) {
    const point: [number, number] = [minLon + next() * (maxLon - minLon), minLat + next() * (maxLat - minLat)];
    const owners = areas.filter((a) => booleanPointInPolygon(point, a.geometry));
    if (owners.length === 1 && owners[0] === area && booleanPointInPolygon(point, area.geometry, { ignoreBoundary: true })) return point;
  }
  throw new Error(`no interior point found for ${area.name}`);
}

describe('real Đà Nẵng ward boundaries (2025)', () => {
  const result = readAreas(wardsJson, wardSource);

  it('loads all 94 wards, communes and the Hoàng Sa special zone with 5-digit codes', () => {
    expect(result.summary).toEqual({ file: 'areas', rows: 94, loaded: 94, rejected: 0 });
    expect(result.areas.every((a) => /^\d{5}$/.test(a.code))).toBe(true);
    const hoangSa = result.areas.find((a) => a.code === '20333');
    expect(hoangSa?.name.normalize('NFC')).toContain('Hoàng Sa');
  });

  it('finds each ward from a point inside it', () => {
    const locator = buildAreaLocator(result.areas);
    const next = seededRandom(7);
    for (const [index, area] of result.areas.entries()) {
      const [lon, lat] = interiorPoint(result.areas, index, next);
      expect(locator.locate(lon, lat), area.name).toBe(index);
    }
  });

  it('agrees with turf on 5,000 random points over the city', () => {
    const locator = buildAreaLocator(result.areas);
    const next = seededRandom(20250701);
    const mainland = result.areas.filter((a) => a.code !== '20333');
    const minLon = Math.min(...mainland.map((a) => a.bbox[0])), maxLon = Math.max(...mainland.map((a) => a.bbox[2]));
    const minLat = Math.min(...mainland.map((a) => a.bbox[1])), maxLat = Math.max(...mainland.map((a) => a.bbox[3]));
    let disagreements = 0;
    let inside = 0;
    for (let i = 0; i < 5000; i++) {
      const lon = minLon + next() * (maxLon - minLon);
      const lat = minLat + next() * (maxLat - minLat);
      const found = locator.locate(lon, lat);
      const turf = result.areas.findIndex((a) => booleanPointInPolygon([lon, lat], a.geometry, { ignoreBoundary: true }));
      if (turf >= 0) inside++;
      if (found !== turf) disagreements++;
    }
    expect(inside).toBeGreaterThan(1000);
    expect(disagreements).toBe(0);
  });

  it('counts generated merchants per ward, joined by location and by ward code', () => {
    const rows = ['id,name,category,lat,lon,ward_code,has_qr'];
    const expected = new Map<string, { merchants: number; withQr: number }>();
    const next = seededRandom(11);
    result.areas.forEach((area, index) => {
      const [lon, lat] = interiorPoint(result.areas, index, next);
      const n = 1 + (index % 4);
      for (let k = 0; k < n; k++) {
        const qr = k % 2 === 0 ? 1 : 0;
        // Every third merchant has no coordinates and is joined by its ward code instead.
        const byCode = k === 2;
        rows.push(`M${index}-${k},"Cơ sở ${index}, số ${k}",thuc_pham,${byCode ? '' : lat},${byCode ? '' : lon},${area.code},${qr}`);
        const entry = expected.get(area.code) ?? { merchants: 0, withQr: 0 };
        entry.merchants++;
        entry.withQr += qr;
        expected.set(area.code, entry);
      }
    });
    const manifest = parseManifest(
      {
        version: 1,
        title: 'Đà Nẵng',
        areas: { url: 'wards.geojson', codeProperty: 'ward_code', nameProperty: 'ward_name', level: 'ward', adminSystem: '2025' },
        merchants: { url: 'merchants.csv', columns: {} },
        categories: [{ id: 'thuc_pham', label: { vi: 'Thực phẩm', en: 'Food' }, color: '#E69F00' }],
        classification: { method: 'jenks', classes: 5 },
      },
      'https://example.invalid/project.json',
    );
    const project = buildProject({ manifest, areasJson: wardsJson, merchantsCsv: rows.join('\n') });
    expect(project.report.join.unmatched).toBe(0);
    expect(project.report.join.matchedByCode).toBe(result.areas.filter((_, i) => i % 4 >= 2).length);
    project.areas.areas.forEach((area, index) => {
      const cell = index * project.areaTable.categories;
      expect({ merchants: project.areaTable.merchants[cell], withQr: project.areaTable.withQr[cell] }, area.name).toEqual(expected.get(area.code));
    });
  });
});

describe('real provinces (2025) and legacy districts', () => {
  it('loads the 34 provinces with 2-digit codes that keep their leading zero', () => {
    const provinces = readAreas(readJson('vietnam-provinces-2025.simplified.geojson'), { codeProperty: 'province_code', nameProperty: 'province_name' });
    expect(provinces.summary.loaded).toBe(34);
    expect(provinces.areas.some((a) => a.code === '01')).toBe(true);
  });

  it('loads the 8 legacy districts of Đà Nẵng with 3-digit codes', () => {
    const districts = readAreas(readJson('danang-districts-legacy.geojson'), { codeProperty: 'district_code', nameProperty: 'district_name' });
    expect(districts.summary.loaded).toBe(8);
    expect(districts.areas.every((a) => /^\d{3}$/.test(a.code))).toBe(true);
  });
});
