import { parseManifest } from '../core/manifest/parseManifest.ts';
import { looksLikeHtml, type ProjectTexts } from '../core/project/parseProjectTexts.ts';

/** A failure to read a project over the network, with what the message catalogue needs to explain it. */
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

/** Fetches a text file, with a specific error for HTTP failures, network failures and web pages. */
export async function fetchText(url: string, signal?: AbortSignal): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, signal ? { signal } : {});
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ProjectLoadError('network', url, String(error));
  }
  if (!response.ok) throw new ProjectLoadError('http', url, String(response.status));
  const text = await response.text();
  // A web page where data was expected: a wrong path answered by a site's start page, or a login page.
  if (looksLikeHtml(text)) throw new ProjectLoadError('html', url, '');
  return text;
}

async function fetchManifestJson(url: string, signal?: AbortSignal): Promise<unknown> {
  const text = await fetchText(url, signal);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ProjectLoadError('json', url, String(error));
  }
}

export type ProgressStage = 'manifest' | 'files';

/** Reads a project manifest and the files it names, as text; the network edge of the app. */
export async function fetchProject(
  manifestUrl: string,
  onProgress: (stage: ProgressStage, progress: number) => void,
  signal?: AbortSignal,
): Promise<ProjectTexts> {
  onProgress('manifest', 0);
  const absolute = new URL(manifestUrl, globalThis.location?.href).href;
  const json = await fetchManifestJson(absolute, signal);
  let manifest;
  try {
    manifest = parseManifest(json, absolute);
  } catch (error) {
    throw new ProjectLoadError('manifest', absolute, error instanceof Error && 'field' in error ? String(error.field) : String(error));
  }
  const total = 2 + (manifest.markets ? 1 : 0) + (manifest.streets ? 1 : 0);
  let done = 0;
  const track = (url: string): Promise<string> =>
    fetchText(url, signal).then((value) => {
      done++;
      onProgress('files', done / total);
      return value;
    });
  onProgress('files', 0);
  const [areas, merchants, markets, streets] = await Promise.all([
    track(manifest.areas.url),
    track(manifest.merchants.url),
    manifest.markets ? track(manifest.markets.url) : undefined,
    manifest.streets ? track(manifest.streets.url) : undefined,
  ]);
  return {
    manifest,
    areas,
    merchants,
    ...(markets !== undefined ? { markets } : {}),
    ...(streets !== undefined ? { streets } : {}),
  };
}
