import type { ProjectTexts } from '../core/project/parseProjectTexts.ts';

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

export async function saveImportedProject(texts: ProjectTexts): Promise<void> {
  await withStore('readwrite', (store) => store.put(texts, KEY));
}

/** The saved project, or null when none is saved (or storage is unavailable, e.g. a private window). */
export async function loadImportedProject(): Promise<ProjectTexts | null> {
  try {
    const value = await withStore<unknown>('readonly', (store) => store.get(KEY));
    return isProjectTexts(value) ? value : null;
  } catch {
    return null;
  }
}

export async function clearImportedProject(): Promise<void> {
  await withStore('readwrite', (store) => store.delete(KEY));
}

function isProjectTexts(value: unknown): value is ProjectTexts {
  if (value === null || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  return typeof record.areas === 'string' && typeof record.merchants === 'string' && typeof record.manifest === 'object' && record.manifest !== null;
}
