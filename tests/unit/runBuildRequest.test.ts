import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ProjectSources, SourceFile } from '../../src/app/projectSources.ts';
import type { BuildRequest, BuildResponse } from '../../src/app/projectWorkerProtocol.ts';
import { runBuildRequest } from '../../src/app/runBuildRequest.ts';
import { parseManifest } from '../../src/core/manifest/parseManifest.ts';
import { TWO_COMMUNES } from '../support/twoCommunes.ts';

const demoBytes = (file: string) => readFileSync(`data/demo/${file}`);
const named = (name: string, content: string | Buffer): SourceFile => ({ name, blob: new File([typeof content === 'string' ? content : new Uint8Array(content)], name) });

/** The demo project as the page holds it after loading: manifest and Blobs. */
const demoSources = (): ProjectSources => ({
  manifest: parseManifest(JSON.parse(demoBytes('project.json').toString('utf8')), 'https://example.org/demo/project.json'),
  files: {
    areas: named('areas.geojson', demoBytes('areas.geojson')),
    merchants: named('merchants.csv', demoBytes('merchants.csv')),
    markets: named('markets.geojson', demoBytes('markets.geojson')),
    streets: named('streets.geojson', demoBytes('streets.geojson')),
  },
});

/** Given a request, when the worker runs it: every message it posts, and the last one. */
async function run(request: BuildRequest): Promise<{ messages: BuildResponse[]; last: BuildResponse }> {
  const messages: BuildResponse[] = [];
  await runBuildRequest(request, (response) => messages.push(response));
  const last = messages.at(-1);
  if (!last) throw new Error('the worker posted nothing');
  return { messages, last };
}

async function done(request: BuildRequest): Promise<Extract<BuildResponse, { type: 'done' }>> {
  const { last } = await run(request);
  if (last.type !== 'done') throw new Error(`expected a project, got ${JSON.stringify(last)}`);
  return last;
}

/** Length of the longest string anywhere in a message (typed arrays and Blobs are not strings). */
function longestString(value: unknown, seen = new Set<unknown>()): number {
  if (typeof value === 'string') return value.length;
  if (value === null || typeof value !== 'object' || seen.has(value) || ArrayBuffer.isView(value) || value instanceof Blob) return 0;
  seen.add(value);
  const children = value instanceof Map ? [...value.keys(), ...value.values()] : value instanceof Set ? [...value] : Object.values(value);
  return Math.max(0, ...children.map((child) => longestString(child, seen)));
}

const AREAS = TWO_COMMUNES;

describe('the project worker', () => {
  it('posts back the project with the same Blobs and the assembled manifest, never the text of a file', async () => {
    const areas = named('xa.geojson', AREAS);
    const merchants = named('co-so.csv', demoBytes('merchants.csv'));
    const message = await done({ kind: 'import', files: [merchants, areas], base: demoSources() });
    expect(Object.keys(message).sort()).toEqual(['project', 'sources', 'type']);
    expect(Object.keys(message.sources).sort()).toEqual(['categoriesFromData', 'files', 'knownCategories', 'manifest']);
    expect(message.sources.files.areas.blob).toBe(areas.blob);
    expect(message.sources.files.merchants.blob).toBe(merchants.blob);
    // New boundaries drop the markets and streets of the old ones.
    expect(message.sources.files.markets).toBeUndefined();
    expect(message.sources.manifest.areas).toMatchObject({ url: 'xa.geojson', codeProperty: 'MaXa', nameProperty: 'TenXa' });
    // The merchant file is 555 kB of text; names, codes and report lines are short.
    expect(longestString(message)).toBeLessThan(1000);
  });

  it('reads the bytes of a dropped Windows-1258 list itself and reports that encoding', async () => {
    // "Phường Hải Châu" in code page 1258: ư FD, ơ F5, combining grave CC, combining hook D2, â E2.
    const shopName = Buffer.from([0x50, 0x68, 0xfd, 0xf5, 0xcc, 0x6e, 0x67, 0x20, 0x48, 0x61, 0xd2, 0x69, 0x20, 0x43, 0x68, 0xe2, 0x75]);
    const csv = Buffer.concat([Buffer.from('id;name;category;ward_code;has_qr\r\nW1;'), shopName, Buffer.from(';Thuc pham;90101;1\r\n')]);
    const { project } = await done({ kind: 'import', files: [named('windows-1258.csv', csv)], base: demoSources() });
    expect(project.report.formats.merchants?.encoding).toBe('windows-1258');
    expect(project.merchants.count).toBe(1);
    // The boundaries kept from the base still say how they were read.
    expect(project.report.formats.areas?.encoding).toBe('utf-8');
  });

  it('marks reading, decoding and assembling before the build stages, and how the rows were read after them', async () => {
    const { messages } = await run({ kind: 'import', files: [named('xa.geojson', AREAS), named('m.csv', 'id,name,category,lat,lon,has_qr\n1,A,Food,16.5,107.5,1\n')], base: null });
    const steps = messages.map((m) => (m.type === 'step' ? m.step : m.type === 'stage' ? m.stage : m.type));
    expect(steps).toEqual(['files-read', 'decoded', 'assembled', 'areas', 'merchants', 'join', 'aggregate', 'merchants-webassembly', 'done']);
  });

  it('does not read the base files that an import replaces', async () => {
    const base = demoSources();
    const unreadable = Object.assign(new Blob(['x']), { arrayBuffer: () => Promise.reject(new Error('the old merchant list was read')) });
    const csv = 'id,name,category,ward_code,has_qr\nX1,Quán,Thực phẩm,90101,1\n';
    const message = await done({ kind: 'import', files: [named('moi.csv', csv)], base: { ...base, files: { ...base.files, merchants: { name: 'old.csv', blob: unreadable } } } });
    expect(message.project.merchants.count).toBe(1);
    expect(message.sources.files.markets?.blob).toBe(base.files.markets?.blob);
  });

  it('rebuilds an imported markets CSV as points from the file kept as it was given', async () => {
    const marketsCsv = 'market_id,tên chợ,vĩ độ,kinh độ,stalls_total,stalls_qr,status\nC1,Chợ Một,16.5,107.5,120,100,certified\n';
    const merchants = 'mã,tên,ngành hàng,vĩ độ,kinh độ,có QR\n1,A,Thực phẩm,16.5,107.5,có\n';
    const imported = await done({ kind: 'import', files: [named('xa.geojson', AREAS), named('co-so.csv', merchants), named('cho.csv', marketsCsv)], base: null });
    expect(await imported.sources.files.markets?.blob.text()).toBe(marketsCsv);
    const rebuilt = await done({ kind: 'build', sources: imported.sources, categoriesFromData: false });
    expect(rebuilt.project.markets.map((m) => [m.id, m.name, m.stallsQr])).toEqual([['C1', 'Chợ Một', 100]]);
  });

  it('takes the categories again from the data when the category column changes, keeping known labels and colours', async () => {
    const csv = 'id,name,nhom,lat,lon,has_qr\n1,Quán A,Thực phẩm,16.5,107.5,1\n2,Quán B,Sửa xe,16.5,108.5,0\n';
    const base = demoSources();
    const imported = await done({ kind: 'import', files: [named('xa.geojson', AREAS), named('khac.csv', csv)], base });
    expect(imported.sources.manifest.categories).toEqual([]);
    const manifest = imported.sources.manifest;
    const remapped = { ...imported.sources, manifest: { ...manifest, merchants: { ...manifest.merchants, columns: { ...manifest.merchants.columns, category: 'nhom' } } } };
    const retaken = await done({ kind: 'build', sources: remapped, categoriesFromData: true });
    const food = base.manifest.categories.find((c) => c.id === 'thuc_pham');
    expect(retaken.sources.manifest.categories[0]).toEqual(food);
    expect(retaken.sources.manifest.categories[1]).toMatchObject({ id: 'Sửa xe' });
    expect(retaken.sources.manifest.merchants.columns.category).toBe('nhom');
    expect(retaken.sources.files.merchants.blob).toBe(imported.sources.files.merchants.blob);
  });

  it('keeps making the categories from the data, so a later correction that loads the rows brings theirs', async () => {
    // No column reads as the merchant id, so no row is loaded at first, and the category column is not recognised.
    const csv = 'so,name,nhom,lat,lon,has_qr\n1,Quán A,Thực phẩm,16.5,107.5,1\n2,Quán B,Sửa xe,16.5,108.5,0\n';
    const imported = await done({ kind: 'import', files: [named('xa.geojson', AREAS), named('khac.csv', csv)], base: demoSources() });
    const withColumns = (sources: ProjectSources, columns: Record<string, string>): ProjectSources => ({
      ...sources,
      manifest: { ...sources.manifest, merchants: { ...sources.manifest.merchants, columns: { ...sources.manifest.merchants.columns, ...columns } } },
    });
    const named1 = await done({ kind: 'build', sources: withColumns(imported.sources, { category: 'nhom' }), categoriesFromData: true });
    expect(named1.project.merchants.count).toBe(0);
    expect(named1.sources.manifest.categories).toEqual([]);
    const named2 = await done({ kind: 'build', sources: withColumns(named1.sources, { id: 'so' }), categoriesFromData: false });
    expect(named2.project.merchants.count).toBe(2);
    expect(named2.sources.manifest.categories.map((c) => c.id)).toEqual(['thuc_pham', 'Sửa xe']);
  });

  it('names a workbook dropped as a merchant list', async () => {
    const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60)]);
    const { last } = await run({ kind: 'import', files: [named('danh-sach.xlsx', xlsx)], base: demoSources() });
    expect(last).toEqual({ type: 'error', failure: { kind: 'import', reason: 'binary', fileName: 'danh-sach.xlsx', detail: 'xlsx' } });
  });
});
