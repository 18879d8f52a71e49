import { parseManifest } from '../core/manifest/parseManifest.ts';
import { looksLikeHtml } from '../core/project/parseProjectTexts.ts';
import { decodeText } from '../core/text/decodeText.ts';
import type { ProjectSources, SourceFile } from './projectSources.ts';

/** A failure to read a project over the network, with what the message catalogue needs to explain it. */
export class ProjectLoadError extends Error {
  constructor(
    readonly reason: 'http' | 'network' | 'cors' | 'insecure' | 'too-large' | 'json' | 'html' | 'manifest',
    readonly url: string,
    readonly detail: string,
  ) {
    super(`${reason}: ${url} ${detail}`);
    this.name = 'ProjectLoadError';
  }
}

/** Largest file read from a URL; bigger lists belong in pre-aggregated tables (docs/scale.md). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

const pageOrigin = (): string | null => globalThis.location?.origin ?? null;

/** Only https, or the page's own origin: data must not travel in clear over the network. */
function checkAddress(url: string): void {
  const address = new URL(url);
  if (address.protocol !== 'https:' && address.origin !== pageOrigin()) throw new ProjectLoadError('insecure', url, address.protocol);
}

/** Reads a body into a Blob, stopping as soon as it passes the size limit. */
async function readLimited(response: Response, url: string, maxBytes: number): Promise<Blob> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) throw new ProjectLoadError('too-large', url, String(declared));
  if (!response.body) {
    const blob = await response.blob();
    if (blob.size > maxBytes) throw new ProjectLoadError('too-large', url, String(blob.size));
    return blob;
  }
  const reader = response.body.getReader();
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      // Not awaited: some bodies settle their cancel only when fully drained.
      reader.cancel().catch(() => {});
      throw new ProjectLoadError('too-large', url, String(received));
    }
    parts.push(value);
  }
  return new Blob(parts);
}

/** Bytes looked at for a web page: its first tag comes after a little white space at most. */
const HEAD_BYTES = 1024;

async function isWebPage(blob: Blob): Promise<boolean> {
  return looksLikeHtml(decodeText(new Uint8Array(await blob.slice(0, HEAD_BYTES).arrayBuffer())).text);
}

/**
 * Fetches a file as a Blob of the bytes served (the worker decodes them): https or same-origin
 * only, at most `maxBytes`, with a specific error for HTTP failures, servers that do not allow
 * cross-origin reading (CORS), network failures and web pages.
 */
export async function fetchBlob(url: string, signal?: AbortSignal, maxBytes = MAX_FILE_BYTES): Promise<Blob> {
  checkAddress(url);
  let response: Response;
  try {
    response = await fetch(url, signal ? { signal } : {});
  } catch (error) {
    if (signal?.aborted) throw error;
    // A browser hides why a cross-origin request failed; the usual reason is a server without CORS headers.
    const crossOrigin = new URL(url).origin !== pageOrigin();
    throw new ProjectLoadError(crossOrigin ? 'cors' : 'network', url, String(error));
  }
  if (!response.ok) throw new ProjectLoadError('http', url, String(response.status));
  const blob = await readLimited(response, url, maxBytes);
  // A web page where data was expected: a wrong path answered by a site's start page, or a login page.
  if (await isWebPage(blob)) throw new ProjectLoadError('html', url, '');
  return blob;
}

async function fetchManifestJson(url: string, signal?: AbortSignal): Promise<unknown> {
  const blob = await fetchBlob(url, signal);
  const text = decodeText(new Uint8Array(await blob.arrayBuffer())).text;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ProjectLoadError('json', url, String(error));
  }
}

export type ProgressStage = 'manifest' | 'files';

/** Reads a project manifest and fetches the files it names, as Blobs; the network edge of the app. */
export async function fetchProject(
  manifestUrl: string,
  onProgress: (stage: ProgressStage, progress: number) => void,
  signal?: AbortSignal,
  maxBytes = MAX_FILE_BYTES,
): Promise<ProjectSources> {
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
  const track = (url: string): Promise<SourceFile> =>
    fetchBlob(url, signal, maxBytes).then((blob) => {
      done++;
      onProgress('files', done / total);
      return { name: url, blob };
    });
  onProgress('files', 0);
  const [areas, merchants, markets, streets] = await Promise.all([
    track(manifest.areas.url),
    track(manifest.merchants.url),
    manifest.markets ? track(manifest.markets.url) : undefined,
    manifest.streets ? track(manifest.streets.url) : undefined,
  ]);
  return { manifest, files: { areas, merchants, ...(markets ? { markets } : {}), ...(streets ? { streets } : {}) } };
}

/** Fetches files named in the page address (`?areas=…&merchants=…`), each named after the last part of its path. */
export function fetchFiles(urls: readonly string[], signal?: AbortSignal, maxBytes = MAX_FILE_BYTES): Promise<SourceFile[]> {
  return Promise.all(
    urls.map(async (url) => {
      const absolute = new URL(url, globalThis.location?.href).href;
      return { name: absolute.split('/').pop() || absolute, blob: await fetchBlob(absolute, signal, maxBytes) };
    }),
  );
}
