import { readFileSync } from 'node:fs';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fetchFiles, fetchProject, ProjectLoadError } from '../../src/app/fetchProject.ts';
import type { BuildRequest } from '../../src/app/projectWorkerProtocol.ts';
import { runBuildRequest } from '../../src/app/runBuildRequest.ts';
import type { LoadedProject } from '../../src/core/project/buildProject.ts';

const BASE = 'https://data.example.org/projects/demo/';
const demo = (file: string) => readFileSync(`data/demo/${file}`, 'utf8');

/** The demo project served from another address, as a ward office's web server would. */
const demoHandlers = ['project.json', 'areas.geojson', 'merchants.csv', 'markets.geojson', 'streets.geojson'].map((file) =>
  http.get(BASE + file, () => new HttpResponse(demo(file), { headers: { 'Content-Type': file.endsWith('.csv') ? 'text/csv' : 'application/json' } })),
);

const server = setupServer(...demoHandlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** What the project worker makes of a request, run here in Node. */
async function built(request: BuildRequest): Promise<LoadedProject> {
  let project: LoadedProject | undefined;
  await runBuildRequest(request, (response) => {
    if (response.type === 'done') project = response.project;
    if (response.type === 'error') throw new Error(JSON.stringify(response.failure));
  });
  if (!project) throw new Error('the worker posted no project');
  return project;
}

/** "Phường Hải Châu" as Excel's plain CSV writes it on Vietnamese Windows (code page 1258): ư FD, ơ F5, grave CC, hook D2, â E2. */
const WINDOWS_1258_NAME = Buffer.from([0x50, 0x68, 0xfd, 0xf5, 0xcc, 0x6e, 0x67, 0x20, 0x48, 0x61, 0xd2, 0x69, 0x20, 0x43, 0x68, 0xe2, 0x75]);
const windows1258Csv = () =>
  Buffer.concat([Buffer.from('id;name;category;ward_code;has_qr\r\nW1;'), WINDOWS_1258_NAME, Buffer.from(';Thuc pham;90101;1\r\n')]);

async function loadError(url: string): Promise<ProjectLoadError> {
  const error: unknown = await fetchProject(url, () => {}).then(() => null, (e: unknown) => e);
  if (!(error instanceof ProjectLoadError)) throw new Error(`expected a ProjectLoadError, got ${String(error)}`);
  return error;
}

describe('fetchProject', () => {
  it('loads a manifest and the files it names, relative to the manifest address', async () => {
    const stages: string[] = [];
    const sources = await fetchProject(BASE + 'project.json', (stage, progress) => stages.push(`${stage}:${progress}`));
    expect(sources.manifest.areas.url).toBe(BASE + 'areas.geojson');
    expect(sources.files.merchants.name).toBe(BASE + 'merchants.csv');
    expect(Buffer.from(await sources.files.merchants.blob.arrayBuffer()).equals(readFileSync('data/demo/merchants.csv'))).toBe(true);
    expect(stages[0]).toBe('manifest:0');
    expect(stages.at(-1)).toBe('files:1');
    const project = await built({ kind: 'build', sources, categoriesFromData: false });
    expect(project.areas.areas.length).toBe(JSON.parse(demo('areas.geojson')).features.length);
  });

  it('keeps the bytes of a file as served, so a Windows-1258 merchant list is reported as Windows-1258', async () => {
    server.use(http.get(BASE + 'merchants.csv', () => new HttpResponse(windows1258Csv(), { headers: { 'Content-Type': 'text/csv' } })));
    const sources = await fetchProject(BASE + 'project.json', () => {});
    const project = await built({ kind: 'build', sources, categoriesFromData: false });
    expect(project.report.formats.merchants?.encoding).toBe('windows-1258');
    expect(project.merchants.count).toBe(1);
  });

  it('fetches files named in the address as they are, for an import that reports their own encoding', async () => {
    server.use(http.get(BASE + 'moi.csv', () => new HttpResponse(windows1258Csv())));
    const files = await fetchFiles([BASE + 'areas.geojson', BASE + 'moi.csv']);
    expect(files.map((f) => f.name)).toEqual(['areas.geojson', 'moi.csv']);
    const project = await built({ kind: 'import', files, base: null });
    expect(project.report.formats.merchants?.encoding).toBe('windows-1258');
    expect(project.report.formats.areas?.encoding).toBe('utf-8');
  });

  it('refuses a file named in the address over plain http', async () => {
    const error: unknown = await fetchFiles(['http://data.example.org/moi.csv']).then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ reason: 'insecure' });
  });

  it('names the file and the HTTP status when a file is missing', async () => {
    server.use(http.get(BASE + 'merchants.csv', () => new HttpResponse('not here', { status: 404 })));
    const error = await loadError(BASE + 'project.json');
    expect(error.reason).toBe('http');
    expect(error.url).toBe(BASE + 'merchants.csv');
    expect(error.detail).toBe('404');
  });

  it('explains a failed cross-origin read as a server that does not allow it (CORS)', async () => {
    server.use(http.get(BASE + 'areas.geojson', () => HttpResponse.error()));
    const error = await loadError(BASE + 'project.json');
    expect(error.reason).toBe('cors');
    expect(error.url).toBe(BASE + 'areas.geojson');
  });

  it('refuses a project over plain http', async () => {
    const error = await loadError('http://data.example.org/projects/demo/project.json');
    expect(error.reason).toBe('insecure');
  });

  it('stops reading a file that passes the size limit, by its declared length', async () => {
    const error: unknown = await fetchProject(BASE + 'project.json', () => {}, undefined, 10_000).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ProjectLoadError);
    expect(error).toMatchObject({ reason: 'too-large', url: BASE + 'areas.geojson' });
  });

  it('stops reading a streamed file without a declared length once it passes the limit', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(4096));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent++;
        if (sent > 100) controller.close();
        else controller.enqueue(chunk);
      },
    });
    server.use(http.get(BASE + 'merchants.csv', () => new HttpResponse(stream)));
    const error: unknown = await fetchProject(BASE + 'project.json', () => {}, undefined, 100_000).then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ reason: 'too-large', url: BASE + 'merchants.csv' });
    // It stopped soon after the limit instead of reading all 400 kB.
    expect(sent).toBeLessThan(40);
  });

  it('recognises a web page (such as a login page) where data was expected', async () => {
    server.use(http.get(BASE + 'project.json', () => new HttpResponse('\n<!doctype html><html>login</html>', { headers: { 'Content-Type': 'text/html' } })));
    const error = await loadError(BASE + 'project.json');
    expect(error.reason).toBe('html');
  });

  it('reports a manifest that is not JSON', async () => {
    server.use(http.get(BASE + 'project.json', () => new HttpResponse('{"version": 1,', { headers: { 'Content-Type': 'application/json' } })));
    const error = await loadError(BASE + 'project.json');
    expect(error.reason).toBe('json');
  });

  it('recognises a web page served where a data file should be', async () => {
    server.use(http.get(BASE + 'areas.geojson', () => new HttpResponse('<!DOCTYPE html><html><body>Đăng nhập</body></html>')));
    const error = await loadError(BASE + 'project.json');
    expect(error.reason).toBe('html');
    expect(error.url).toBe(BASE + 'areas.geojson');
  });

  it('reports the first invalid field of a manifest', async () => {
    const manifest = JSON.parse(demo('project.json')) as { classification: { method: string } };
    manifest.classification.method = 'kmeans';
    server.use(http.get(BASE + 'project.json', () => HttpResponse.json(manifest)));
    const error = await loadError(BASE + 'project.json');
    expect(error.reason).toBe('manifest');
    expect(error.detail).toBe('classification.method');
  });
});
