import { parseManifest } from '../core/manifest/parseManifest.ts';
import { looksLikeHtml, type ProjectTexts } from '../core/project/parseProjectTexts.ts';
import type { DataFile } from '../core/report/problems.ts';
import { decodeText, type DecodedText, type TextEncodingName } from '../core/text/decodeText.ts';

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

/** Reads a body, stopping as soon as it passes the size limit. */
async function readLimited(response: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) throw new ProjectLoadError('too-large', url, String(declared));
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
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
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}

/**
 * Fetches a text file: https or same-origin only, at most `maxBytes`, with a specific error for
 * HTTP failures, servers that do not allow cross-origin reading (CORS), network failures and web pages.
 */
export async function fetchText(url: string, signal?: AbortSignal, maxBytes = MAX_FILE_BYTES): Promise<string> {
  return (await fetchDecoded(url, signal, maxBytes)).text;
}

/** `fetchText` that also says how the bytes were decoded (UTF-8, UTF-16 or Windows-1258; see decodeText). */
async function fetchDecoded(url: string, signal?: AbortSignal, maxBytes = MAX_FILE_BYTES): Promise<DecodedText> {
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
  const decoded = decodeText(await readLimited(response, url, maxBytes));
  // A web page where data was expected: a wrong path answered by a site's start page, or a login page.
  if (looksLikeHtml(decoded.text)) throw new ProjectLoadError('html', url, '');
  return decoded;
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
  maxBytes = MAX_FILE_BYTES,
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
  const encodings: Partial<Record<DataFile, TextEncodingName>> = {};
  const track = (url: string, file: DataFile): Promise<string> =>
    fetchDecoded(url, signal, maxBytes).then((value) => {
      done++;
      onProgress('files', done / total);
      encodings[file] = value.encoding;
      return value.text;
    });
  onProgress('files', 0);
  const [areas, merchants, markets, streets] = await Promise.all([
    track(manifest.areas.url, 'areas'),
    track(manifest.merchants.url, 'merchants'),
    manifest.markets ? track(manifest.markets.url, 'markets') : undefined,
    manifest.streets ? track(manifest.streets.url, 'streets') : undefined,
  ]);
  return {
    manifest,
    encodings,
    areas,
    merchants,
    ...(markets !== undefined ? { markets } : {}),
    ...(streets !== undefined ? { streets } : {}),
  };
}
