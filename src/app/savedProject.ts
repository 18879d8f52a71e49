import type { CategoryDefinition, ProjectManifest } from '../core/manifest/types.ts';
import { isProjectSources, type ProjectSources, type SourceFile } from './projectSources.ts';

/**
 * The user's imported project kept in this browser's IndexedDB, so a reload or an offline visit
 * shows it again. Nothing is sent anywhere; "clear data" deletes it.
 */
const DB_NAME = 'qr-cashless-market-map';
const STORE = 'projects';
const KEY = 'imported';

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB unavailable'));
  });
}

async function withStore<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDatabase();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = run(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

/** Keeps the sources: the manifest and the files' Blobs (IndexedDB stores a Blob without it passing through the page's memory). */
export async function saveImportedProject(sources: ProjectSources): Promise<void> {
  await withStore('readwrite', (store) => store.put(sources, KEY));
}

/** The saved project, or null when none is saved (or storage is unavailable, e.g. a private window). */
export async function loadImportedProject(): Promise<ProjectSources | null> {
  try {
    const value = await withStore<unknown>('readonly', (store) => store.get(KEY));
    if (isProjectSources(value)) return value;
    if (!isSavedTexts(value)) return null;
    // Kept as texts by an earlier version: made into Blobs once, and kept that way from now on.
    const sources = sourcesOfTexts(value);
    await saveImportedProject(sources).catch((error: unknown) => console.warn('Could not update the data kept in this browser', error));
    return sources;
  } catch {
    return null;
  }
}

export async function clearImportedProject(): Promise<void> {
  await withStore('readwrite', (store) => store.delete(KEY));
}

/** How earlier versions kept a project: the decoded text of each file. */
interface SavedTexts {
  readonly manifest: ProjectManifest;
  readonly areas: string;
  readonly merchants: string;
  readonly markets?: string;
  readonly streets?: string;
  readonly knownCategories?: readonly CategoryDefinition[];
}

function isSavedTexts(value: unknown): value is SavedTexts {
  if (value === null || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  return typeof record.areas === 'string' && typeof record.merchants === 'string' && typeof record.manifest === 'object' && record.manifest !== null;
}

/** Saved texts as sources; the Blobs hold UTF-8, so the report names that encoding from now on. */
function sourcesOfTexts(saved: SavedTexts): ProjectSources {
  const { manifest } = saved;
  const file = (name: string, text: string): SourceFile => ({ name, blob: new Blob([text]) });
  return {
    manifest,
    files: {
      areas: file(manifest.areas.url, saved.areas),
      merchants: file(manifest.merchants.url, saved.merchants),
      ...(saved.markets !== undefined ? { markets: file(manifest.markets?.url ?? 'markets.geojson', saved.markets) } : {}),
      ...(saved.streets !== undefined ? { streets: file(manifest.streets?.url ?? 'streets.geojson', saved.streets) } : {}),
    },
    ...(saved.knownCategories ? { knownCategories: saved.knownCategories } : {}),
  };
}
