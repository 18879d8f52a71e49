import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/core/manifest/parseManifest.ts';
import { assembleImport, ImportError, roleOf, rolesFromBase } from '../../src/core/project/assembleImport.ts';
import { buildProject } from '../../src/core/project/buildProject.ts';
import { parseProjectTexts, type ProjectTexts } from '../../src/core/project/parseProjectTexts.ts';
import { TWO_COMMUNES } from '../support/twoCommunes.ts';

const demo = (file: string) => readFileSync(`data/demo/${file}`, 'utf8');
const DEMO: ProjectTexts = {
  manifest: parseManifest(JSON.parse(demo('project.json')), 'file:///demo/project.json'),
  areas: demo('areas.geojson'),
  merchants: demo('merchants.csv'),
  markets: demo('markets.geojson'),
  streets: demo('streets.geojson'),
};
const AREAS = TWO_COMMUNES;
const MERCHANTS = 'mã,tên,ngành hàng,vĩ độ,kinh độ,có QR\n1,A,Thực phẩm,16.5,107.5,có\n2,B,Sửa xe,16.5,108.5,không\n';

const failure = (run: () => unknown): ImportError => {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
};

describe('roleOf', () => {
  it('tells a merchant CSV from boundaries, markets and streets', () => {
    expect(roleOf({ name: 'x.csv', text: MERCHANTS })).toBe('merchants');
    expect(roleOf({ name: 'a.geojson', text: AREAS })).toBe('areas');
    expect(roleOf({ name: 'm.geojson', text: DEMO.markets ?? '' })).toBe('markets');
    expect(roleOf({ name: 's.geojson', text: DEMO.streets ?? '' })).toBe('streets');
  });

  it('names the file and place of a JSON syntax error', () => {
    const error = failure(() => roleOf({ name: 'hong.geojson', text: '{\n  "type": "FeatureCollection",\n  "features": [,]\n}' }));
    expect(error.reason).toBe('json');
    expect(error.fileName).toBe('hong.geojson');
    expect(error.position).toEqual({ line: 3, column: 16 });
  });
});

describe('assembleImport', () => {
  it('makes a project of new boundaries and merchants, guessing the code and name properties', () => {
    const texts = assembleImport([{ name: 'xa.geojson', text: AREAS }, { name: 'co-so.csv', text: MERCHANTS }], DEMO);
    expect(texts.manifest.areas).toMatchObject({ codeProperty: 'MaXa', nameProperty: 'TenXa' });
    expect(texts.markets).toBeUndefined();
    const project = buildProject(parseProjectTexts(texts));
    expect(project.areas.areas.map((a) => a.name)).toEqual(['Xã Một', 'Xã Hai']);
    expect(Array.from(project.areaOf)).toEqual([0, 1]);
  });

  it('keeps known categories with their colours and adds the file\'s own', () => {
    const texts = assembleImport([{ name: 'xa.geojson', text: AREAS }, { name: 'co-so.csv', text: MERCHANTS }], DEMO);
    // The categories are made as the merchant file is read, from the rows loaded.
    expect(texts.categoriesFromData).toBe(true);
    const { manifest } = buildProject(parseProjectTexts(texts));
    const food = DEMO.manifest.categories.find((c) => c.id === 'thuc_pham');
    expect(manifest.categories[0]).toEqual(food);
    expect(manifest.categories[1]).toMatchObject({ id: 'Sửa xe', label: { vi: 'Sửa xe', en: 'Sửa xe' } });
    expect(manifest.categories[1]?.color).not.toBe(food?.color);
  });

  it('shows a new merchant list over the boundaries, markets and streets already on screen', () => {
    const csv = 'id,name,category,ward_code,has_qr\nX1,Quán,Thực phẩm,90101,1\n';
    const texts = assembleImport([{ name: 'moi.csv', text: csv }], DEMO);
    expect(texts.areas).toBe(DEMO.areas);
    expect(texts.markets).toBe(DEMO.markets);
    expect(texts.manifest.areas).toEqual(DEMO.manifest.areas);
    const project = buildProject(parseProjectTexts(texts));
    expect(project.merchants.count).toBe(1);
    expect(project.report.join.matchedByCode).toBe(1);
  });

  it('keeps the encoding a file taken from the base was read with', () => {
    const csv = 'id,name,category,ward_code,has_qr\nX1,Quán,Thực phẩm,90101,1\n';
    const texts = assembleImport([{ name: 'moi.csv', text: csv, encoding: 'windows-1258' }], { ...DEMO, encodings: { areas: 'utf-8-bom', merchants: 'utf-16le' } });
    expect(texts.encodings).toEqual({ areas: 'utf-8-bom', merchants: 'windows-1258' });
  });

  it('completes an import from a base that holds only the texts the import keeps', () => {
    const base = { manifest: DEMO.manifest, areas: DEMO.areas };
    const texts = assembleImport([{ name: 'moi.csv', text: 'id,name,category,ward_code,has_qr\nX1,Quán,Thực phẩm,90101,1\n' }], base);
    expect(texts.areas).toBe(DEMO.areas);
    expect(failure(() => assembleImport([{ name: 'xa.geojson', text: AREAS }], base)).reason).toBe('no-merchants');
  });

  it('asks for boundaries when there are none to fall back on', () => {
    expect(failure(() => assembleImport([{ name: 'co-so.csv', text: MERCHANTS }], null)).reason).toBe('no-areas');
  });

  it('refuses two files of the same kind', () => {
    const error = failure(() => assembleImport([{ name: 'a.csv', text: MERCHANTS }, { name: 'b.csv', text: MERCHANTS }], DEMO));
    expect(error).toMatchObject({ reason: 'same-role', fileName: 'b.csv' });
  });

  it('refuses a web page saved as a data file', () => {
    expect(failure(() => assembleImport([{ name: 'x.csv', text: '<!doctype html><html></html>' }], DEMO)).reason).toBe('html');
  });
});

describe('rolesFromBase', () => {
  it('takes markets and streets from the base only with its boundaries', () => {
    expect(rolesFromBase(new Map([['merchants', null]]))).toEqual(['areas', 'markets', 'streets']);
    expect(rolesFromBase(new Map([['areas', null]]))).toEqual(['merchants']);
    expect(rolesFromBase(new Map([['areas', null], ['merchants', null]]))).toEqual([]);
  });
});

describe('markets listed in a CSV', () => {
  const MARKETS_CSV = 'market_id,tên chợ,vĩ độ,kinh độ,stalls_total,stalls_qr,status\nC1,Chợ Một,16.5,107.5,120,100,certified\nC2,Chợ Hai,,,80,10,in_progress\n';

  it('are recognised and read as points with their stall counts; a row without coordinates is reported', () => {
    expect(roleOf({ name: 'cho.csv', text: MARKETS_CSV })).toBe('markets');
    const texts = assembleImport([{ name: 'xa.geojson', text: AREAS }, { name: 'co-so.csv', text: MERCHANTS }, { name: 'cho.csv', text: MARKETS_CSV }], null);
    expect(texts.manifest.markets).toMatchObject({ idProperty: 'market_id', nameProperty: 'tên chợ' });
    const project = buildProject(parseProjectTexts(texts));
    expect(project.markets.map((m) => [m.id, m.name, m.stallsTotal, m.stallsQr, m.status])).toEqual([['C1', 'Chợ Một', 120, 100, 'certified']]);
    expect(Array.from(project.marketArea)).toEqual([0]);
    expect(project.report.problems).toContainEqual(expect.objectContaining({ file: 'markets', code: 'feature-no-geometry', feature: 1 }));
  });
});
