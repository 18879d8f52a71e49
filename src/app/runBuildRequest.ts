import { assembleRecognised, FILE_ROLES, ImportError, marketsAsGeoJson, recogniseFiles, rolesFromBase, withCategoriesFromData, type FileRole, type ImportBase } from '../core/project/assembleImport.ts';
import { buildProject } from '../core/project/buildProject.ts';
import { parseProjectTexts, ProjectFileError, type ProjectTexts } from '../core/project/parseProjectTexts.ts';
import type { TextEncodingName } from '../core/text/decodeText.ts';
import { csvString, decodeDataFile } from '../core/text/csvText.ts';
import { Utf8Checker } from '../core/text/utf8.ts';
import { decodeFile } from './decodeFile.ts';
import type { ProjectSources, SourceFile } from './projectSources.ts';
import { transferables, type BuildFailure, type BuildRequest, type BuildResponse } from './projectWorkerProtocol.ts';

type Post = (response: BuildResponse, transfer?: Transferable[]) => void;

/** The texts to build from, and the sources to hand back in their place. */
interface Prepared {
  readonly texts: ProjectTexts;
  readonly sources: ProjectSources;
}

/**
 * Carries out one request of the project worker: reads the Blobs (here, off the main thread),
 * decodes, recognises, builds, and posts the project with its sources, never the texts.
 */
export async function runBuildRequest(request: BuildRequest, post: Post): Promise<void> {
  try {
    const { texts, sources } = request.kind === 'build' ? await rebuild(request.sources, request.categoriesFromData, post) : await importFiles(request.files, request.base, post);
    const project = buildProject(parseProjectTexts(texts), (stage) => post({ type: 'stage', stage }));
    const reader = project.report.formats.merchants?.reader;
    if (reader) post({ type: 'step', step: `merchants-${reader}` });
    // The manifest the project was built with, its categories made from the data when they were.
    post({ type: 'done', project, sources: { ...sources, manifest: project.manifest } }, transferables(project));
  } catch (error) {
    post({ type: 'error', failure: failureOf(error) });
  }
}

async function rebuild(sources: ProjectSources, categoriesFromData: boolean, post: Post): Promise<Prepared> {
  const base = await readSources(sources, FILE_ROLES, post);
  // Every source has both: readSources read them.
  const texts: ProjectTexts = { ...base, areas: base.areas ?? '', merchants: base.merchants ?? '' };
  // Once made from the data, the categories are made again on every build: a later correction of another column may load rows that bring new ones.
  const fromData = categoriesFromData || sources.categoriesFromData === true;
  const built = fromData ? withCategoriesFromData(texts) : texts;
  return { texts: built, sources: { ...sources, manifest: built.manifest, ...(fromData ? { categoriesFromData: true } : {}) } };
}

async function importFiles(files: readonly SourceFile[], base: ProjectSources | null, post: Post): Promise<Prepared> {
  const read = await Promise.all(files.map(async (source) => ({ source, ...(await bytesOf(source)) })));
  post({ type: 'step', step: 'files-read' });
  const decoded = read.map(({ source, pieces, validUtf8 }) => ({ ...decodeFile(source.name, pieces, validUtf8), source }));
  post({ type: 'step', step: 'decoded' });
  const byRole = recogniseFiles(decoded);
  // Only the base files this import keeps are read: a new merchant list does not need the old one.
  const baseTexts = base ? await readSources(base, rolesFromBase(byRole)) : null;
  const texts = assembleRecognised(byRole, baseTexts);
  post({ type: 'step', step: 'assembled' });
  const sourceOf = (role: FileRole): SourceFile | undefined => byRole.get(role)?.source ?? base?.files[role];
  const areas = sourceOf('areas');
  const merchants = sourceOf('merchants');
  const markets = texts.markets !== undefined ? sourceOf('markets') : undefined;
  const streets = texts.streets !== undefined ? sourceOf('streets') : undefined;
  // Not reached: assembleRecognised has refused an import without either.
  if (!areas || !merchants) throw new ImportError(areas ? 'no-merchants' : 'no-areas');
  return {
    texts,
    sources: {
      manifest: texts.manifest,
      files: { areas, merchants, ...(markets ? { markets } : {}), ...(streets ? { streets } : {}) },
      ...(texts.knownCategories ? { knownCategories: texts.knownCategories } : {}),
      ...(texts.categoriesFromData ? { categoriesFromData: true } : {}),
    },
  };
}

/**
 * A file's bytes in the pieces its stream gives: never one array, so a list bigger than the ~1 GB
 * a browser allocates at once is still read (and the pieces go to the reader as they are). Each
 * piece is checked for UTF-8 while the next one is read.
 */
async function bytesOf(file: SourceFile): Promise<{ pieces: Uint8Array[]; validUtf8: boolean }> {
  const pieces: Uint8Array[] = [];
  const checker = new Utf8Checker();
  try {
    const reader = file.blob.stream().getReader();
    let next = reader.read();
    for (let piece = await next; !piece.done; piece = await next) {
      next = reader.read();
      pieces.push(piece.value);
      checker.push(piece.value);
    }
  } catch {
    // A picked file changed, moved or deleted on disk since: the browser refuses to read it (Chrome's
    // stream says "TypeError: network error", a FileReader NotReadableError).
    throw new ImportError('unreadable', file.name);
  }
  return { pieces, validUtf8: checker.valid() };
}

/** The texts of `roles` that the sources have; files already shown are decoded without new refusals. */
async function readSources(sources: ProjectSources, roles: readonly FileRole[], post?: Post): Promise<ImportBase> {
  const wanted = roles.flatMap((role) => {
    const file = sources.files[role];
    return file ? [{ role, file }] : [];
  });
  const read = await Promise.all(wanted.map(async ({ role, file }) => ({ role, ...(await bytesOf(file)) })));
  post?.({ type: 'step', step: 'files-read' });
  const encodings: Partial<Record<FileRole, TextEncodingName>> = {};
  const texts: { -readonly [R in FileRole]?: NonNullable<ImportBase[R]> } = {};
  for (const { role, pieces, validUtf8 } of read) {
    const decoded = decodeDataFile(pieces, validUtf8);
    encodings[role] = decoded.encoding;
    // The merchant list may stay UTF-8 bytes; a markets file imported as CSV is kept as the user gave it, and read as points again.
    if (role === 'merchants') texts.merchants = decoded.contents;
    else texts[role] = role === 'markets' ? marketsAsGeoJson(csvString(decoded.contents)) : csvString(decoded.contents);
  }
  post?.({ type: 'step', step: 'decoded' });
  return { manifest: sources.manifest, ...(sources.knownCategories ? { knownCategories: sources.knownCategories } : {}), encodings, ...texts };
}

function failureOf(error: unknown): BuildFailure {
  if (error instanceof ProjectFileError) return { kind: 'file', file: error.file, reason: error.reason, ...(error.position ?? {}) };
  if (error instanceof ImportError) {
    return { kind: 'import', reason: error.reason, ...(error.fileName ? { fileName: error.fileName } : {}), ...(error.detail ? { detail: error.detail } : {}), ...(error.position ?? {}) };
  }
  return { kind: 'other', message: String(error) };
}
