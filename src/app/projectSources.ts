import { FILE_ROLES } from '../core/project/assembleImport.ts';
import type { CategoryDefinition, ProjectManifest } from '../core/manifest/types.ts';

/**
 * A project's files as the page keeps them: Blobs (a dropped `File` is one), never their text.
 * A Blob crosses `postMessage` and goes into IndexedDB as a handle, so 84 MB of CSV is neither
 * copied nor decoded on the main thread; the worker reads and decodes it.
 */
export interface SourceFile {
  readonly name: string;
  readonly blob: Blob;
}

/** What a project is built from: its manifest and, per role, the file it names. */
export interface ProjectSources {
  readonly manifest: ProjectManifest;
  readonly files: {
    readonly areas: SourceFile;
    readonly merchants: SourceFile;
    readonly markets?: SourceFile;
    readonly streets?: SourceFile;
  };
  /** Categories met so far, so that a corrected mapping still finds their labels and colours. */
  readonly knownCategories?: readonly CategoryDefinition[];
  /**
   * True when the categories are made from the merchant file's values on every build (a file
   * brought without a manifest, or one whose category column was chosen): the manifest's list is
   * then the last one made, and counts as known.
   */
  readonly categoriesFromData?: boolean;
}

const isSourceFile = (value: unknown): value is SourceFile =>
  value !== null && typeof value === 'object' && typeof (value as Record<string, unknown>).name === 'string' && (value as Record<string, unknown>).blob instanceof Blob;

/** True for sources as this version keeps them (read back from IndexedDB, which may hold anything). */
export function isProjectSources(value: unknown): value is ProjectSources {
  if (value === null || typeof value !== 'object') return false;
  const { manifest, files } = value as Record<string, unknown>;
  if (manifest === null || typeof manifest !== 'object' || files === null || typeof files !== 'object') return false;
  const byRole = files as Record<string, unknown>;
  return isSourceFile(byRole.areas) && isSourceFile(byRole.merchants) && FILE_ROLES.every((role) => byRole[role] === undefined || isSourceFile(byRole[role]));
}
