import { parseManifest } from '../core/manifest/parseManifest.ts';
import type { ProjectInputs } from '../core/project/buildProject.ts';

/** A failure to read a project, with what the message catalogue needs to explain it. */
export class ProjectLoadError extends Error {
  constructor(
    readonly reason: 'http' | 'network' | 'json' | 'html' | 'manifest',
    readonly url: string,
    readonly detail: string,
  ) {
    super(`${reason}: ${url} ${detail}`);
    this.name = 'ProjectLoadError';
  }
}

async function fetchText(url: string, signal?: AbortSignal): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, signal ? { signal } : {});
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ProjectLoadError('network', url, String(error));
  }
  if (!response.ok) throw new ProjectLoadError('http', url, String(response.status));
  return response.text();
}

async function fetchJson(url: string, signal?: AbortSignal): Promise<unknown> {
  const text = await fetchText(url, signal);
  // A web page where data was expected: a wrong path answered by a site's start page, or a login page.
  if (/^\s*</.test(text)) throw new ProjectLoadError('html', url, '');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ProjectLoadError('json', url, String(error));
  }
}

export type ProgressStage = 'manifest' | 'files';

/** Reads a project manifest and the files it names; the network edge of the app. */
export async function fetchProject(
  manifestUrl: string,
  onProgress: (stage: ProgressStage, progress: number) => void,
  signal?: AbortSignal,
): Promise<ProjectInputs> {
  onProgress('manifest', 0);
  const absolute = new URL(manifestUrl, globalThis.location?.href).href;
  const json = await fetchJson(absolute, signal);
  let manifest;
  try {
    manifest = parseManifest(json, absolute);
  } catch (error) {
    throw new ProjectLoadError('manifest', absolute, error instanceof Error && 'field' in error ? String(error.field) : String(error));
  }
  const total = 2 + (manifest.markets ? 1 : 0) + (manifest.streets ? 1 : 0);
  let done = 0;
  const track = <T>(promise: Promise<T>): Promise<T> =>
    promise.then((value) => {
      done++;
      onProgress('files', done / total);
      return value;
    });
  onProgress('files', 0);
  const [areasJson, merchantsCsv, marketsJson, streetsJson] = await Promise.all([
    track(fetchJson(manifest.areas.url, signal)),
    track(fetchText(manifest.merchants.url, signal)),
    manifest.markets ? track(fetchJson(manifest.markets.url, signal)) : undefined,
    manifest.streets ? track(fetchJson(manifest.streets.url, signal)) : undefined,
  ]);
  return {
    manifest,
    areasJson,
    merchantsCsv,
    ...(marketsJson !== undefined ? { marketsJson } : {}),
    ...(streetsJson !== undefined ? { streetsJson } : {}),
  };
}
