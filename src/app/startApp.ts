import type { BuildStage } from '../core/project/buildProject.ts';
import type { MerchantColumns } from '../core/manifest/types.ts';
import type { Language } from '../i18n/messages.ts';
import { useAppStore, type DataSource, type LoadFailure } from '../store/appStore.ts';
import { buildInWorker, BuildError, importInWorker, type Built } from './buildInWorker.ts';
import { fetchFiles, fetchProject, ProjectLoadError } from './fetchProject.ts';
import type { ProjectSources } from './projectSources.ts';
import { clearImportedProject, loadImportedProject, saveImportedProject } from './savedProject.ts';

export const DEFAULT_PROJECT_URL = `${import.meta.env.BASE_URL}data/demo/project.json`;

const FILE_PARAMS = ['areas', 'merchants', 'markets', 'streets'] as const;

/** What the page address asks for: `?project=<url>`, or `?areas=<url>&merchants=<url>…`, and `?lang=en`. */
export interface AddressRequest {
  readonly projectUrl: string | null;
  readonly fileUrls: readonly string[];
  readonly lang: Language;
}

export function readAddress(search: string): AddressRequest {
  const params = new URLSearchParams(search);
  return {
    projectUrl: params.get('project'),
    fileUrls: FILE_PARAMS.map((key) => params.get(key)).filter((url): url is string => url !== null && url !== ''),
    lang: params.get('lang') === 'en' ? 'en' : 'vi',
  };
}

/** A load error as a message key and its values, so it can be shown in either language. */
export function describeLoadError(error: unknown): LoadFailure {
  if (error instanceof DOMException && error.name === 'AbortError') return { key: 'error.cancelled', params: {} };
  if (error instanceof ProjectLoadError) {
    switch (error.reason) {
      case 'http':
        return { key: 'error.http', params: { status: error.detail, url: error.url } };
      case 'network':
        return { key: 'error.network', params: { url: error.url } };
      case 'cors':
        return { key: 'error.cors', params: { url: error.url } };
      case 'insecure':
        return { key: 'error.insecure', params: { url: error.url } };
      case 'too-large':
        return { key: 'error.tooLarge', params: { url: error.url, size: String(Math.round(Number(error.detail) / 1024 / 1024)) } };
      case 'json':
        return { key: 'error.json', params: { url: error.url } };
      case 'html':
        return { key: 'error.html', params: { url: error.url } };
      case 'manifest':
        return { key: 'error.manifest', params: { field: error.detail } };
    }
  }
  if (error instanceof BuildError) {
    const failure = error.failure;
    const where = { line: String(failure.kind === 'other' ? '' : (failure.line ?? '?')), column: String(failure.kind === 'other' ? '' : (failure.column ?? '?')) };
    switch (failure.kind) {
      case 'file':
        return failure.reason === 'html' ? { key: 'error.fileHtml', params: {}, fileRole: failure.file } : { key: 'error.fileJson', params: where, fileRole: failure.file };
      case 'import':
        return { key: `import.error.${failure.reason}`, params: { file: failure.fileName ?? '', kind: failure.detail ?? '', ...where } };
      case 'other':
        return { key: 'error.unexpected', params: { detail: failure.message } };
    }
  }
  return { key: 'error.unexpected', params: { detail: String(error) } };
}

let current: AbortController | null = null;
/** The sources of the project on screen: the base that a partial import (say, a new merchant list) completes. */
let shownSources: ProjectSources | null = null;

/** Stops the load in progress, if any (the worker is terminated at once). */
export function cancelCurrentLoad(): void {
  current?.abort();
}

async function run(source: DataSource, load: (signal: AbortSignal, onStage: (stage: BuildStage) => void) => Promise<Built>): Promise<boolean> {
  current?.abort();
  const controller = new AbortController();
  current = controller;
  const store = useAppStore.getState();
  store.setLoading('files', 0);
  // Marks of each stage of a load, for the browser benchmark (performance.getEntriesByType('mark')).
  performance.mark('load:start');
  try {
    const built = await load(controller.signal, (stage) => {
      performance.mark(`load:${stage}`);
      store.setLoading(stage, 0);
    });
    if (current !== controller) return false;
    performance.mark('load:received');
    shownSources = built.sources;
    store.setProject(built.project, source);
    performance.mark('load:shown');
    return true;
  } catch (error) {
    if (current !== controller) return false;
    console.warn(error);
    store.setError(describeLoadError(error));
    return false;
  } finally {
    if (current === controller) current = null;
  }
}

/** Loads a project manifest and its files. */
export function loadProject(url: string, source: DataSource = 'project'): Promise<boolean> {
  const store = useAppStore.getState();
  return run(source, async (signal, onStage) => {
    const sources = await fetchProject(url, (stage, progress) => store.setLoading(stage, progress), signal);
    return buildInWorker(sources, onStage, signal);
  });
}

/**
 * Makes a project of the files a user dropped or picked, and keeps it in this browser. Resolves
 * once it is on screen; writing it to the browser's storage goes on after (see `saveGuarded`).
 */
export async function importFiles(files: readonly File[]): Promise<boolean> {
  // A File is a Blob: the worker reads it, the page never holds its bytes or its text.
  const ok = await run('imported', (signal, onStage) => importInWorker(files.map((file) => ({ name: file.name, blob: file })), shownSources, onStage, signal));
  if (ok) void keepImported();
  return ok;
}

/**
 * Keeps the sources on screen in this browser and works from the stored copies from then on:
 * unlike a picked file, they stay readable when the user edits or moves the file on disk.
 */
async function keepImported(): Promise<void> {
  const sources = shownSources;
  if (!sources) return;
  try {
    await saveGuarded(sources);
    const stored = await loadImportedProject();
    if (stored && shownSources === sources) shownSources = stored;
  } catch (error) {
    console.warn('Could not keep the data in this browser', error);
  }
}

/**
 * Writes the sources to this browser's storage. Until the write is done the header says so, and
 * leaving or reloading the page asks first: a big list takes a moment to write, and a reload
 * during it would lose the import.
 */
async function saveGuarded(sources: ProjectSources): Promise<void> {
  const ask = (event: BeforeUnloadEvent) => event.preventDefault();
  window.addEventListener('beforeunload', ask);
  useAppStore.getState().setSaving(true);
  try {
    await saveImportedProject(sources);
  } finally {
    window.removeEventListener('beforeunload', ask);
    useAppStore.getState().setSaving(false);
  }
}

/** Opens files named in the address (`?areas=…&merchants=…`), as an import of those files. */
function importFromUrls(urls: readonly string[]): Promise<boolean> {
  return run('project', async (signal, onStage) => importInWorker(await fetchFiles(urls, signal), null, onStage, signal));
}

/** Corrections the user makes to the guessed column mapping or area properties. */
export interface Remapping {
  readonly areaCode?: string;
  readonly areaName?: string;
  /** Header per merchant field; '' means "do not read this field". */
  readonly columns?: Partial<MerchantColumns>;
}

/** Rebuilds the project on screen with a corrected mapping (kept, like the data, when it was imported). */
export async function remapProject(change: Remapping): Promise<void> {
  const sources = shownSources;
  if (!sources) return;
  const { manifest } = sources;
  const next: ProjectSources = {
    ...sources,
    manifest: {
      ...manifest,
      areas: { ...manifest.areas, codeProperty: change.areaCode ?? manifest.areas.codeProperty, nameProperty: change.areaName ?? manifest.areas.nameProperty },
      merchants: { ...manifest.merchants, columns: { ...manifest.merchants.columns, ...change.columns } },
    },
  };
  // A new category column brings its own values: the worker takes the categories again from the data.
  const categoriesFromData = change.columns?.category !== undefined;
  const source = useAppStore.getState().source;
  const ok = await run(source, (signal, onStage) => buildInWorker(next, onStage, signal, categoriesFromData));
  if (ok && source === 'imported' && shownSources) await saveGuarded(shownSources).catch((error: unknown) => console.warn(error));
}

/** Removes the imported data from this browser and shows the demo again. */
export async function clearImportedData(): Promise<void> {
  await clearImportedProject();
  shownSources = null;
  await loadProject(DEFAULT_PROJECT_URL, 'demo');
}

/** First load: what the address asks for, else the data kept from the last import, else the demo. */
export async function startApp(request: AddressRequest): Promise<void> {
  if (request.fileUrls.length > 0) {
    await importFromUrls(request.fileUrls);
    return;
  }
  if (request.projectUrl) {
    await loadProject(request.projectUrl);
    return;
  }
  const saved = await loadImportedProject();
  if (saved) {
    const ok = await run('imported', (signal, onStage) => buildInWorker(saved, onStage, signal));
    if (ok) return;
  }
  await loadProject(DEFAULT_PROJECT_URL, 'demo');
}
