import type { MerchantReader } from '../core/merchants/readMerchantsCsv.ts';
import type { ImportFailure } from '../core/project/assembleImport.ts';
import type { BuildStage, LoadedProject } from '../core/project/buildProject.ts';
import type { DataFile } from '../core/report/problems.ts';
import type { ProjectSources, SourceFile } from './projectSources.ts';

export type BuildRequest =
  /** Rebuild from known sources; `categoriesFromData` takes the categories again from the merchant file (its category column changed). */
  | { readonly kind: 'build'; readonly sources: ProjectSources; readonly categoriesFromData: boolean }
  /** Files a user brought; the roles they do not fill are taken from `base`. */
  | { readonly kind: 'import'; readonly files: readonly SourceFile[]; readonly base: ProjectSources | null };

export type BuildFailure =
  | { readonly kind: 'file'; readonly file: DataFile; readonly reason: 'json' | 'html'; readonly line?: number; readonly column?: number }
  | { readonly kind: 'import'; readonly reason: ImportFailure; readonly fileName?: string; readonly detail?: string; readonly line?: number; readonly column?: number }
  | { readonly kind: 'other'; readonly message: string };

/**
 * Steps around `buildProject`'s own stages, marked for the browser benchmark (and its tests): the
 * files read, decoded and assembled, and how the merchant rows were read.
 */
export type WorkerStep = 'files-read' | 'decoded' | 'assembled' | `merchants-${MerchantReader}`;

export type BuildResponse =
  | { readonly type: 'stage'; readonly stage: BuildStage }
  | { readonly type: 'step'; readonly step: WorkerStep }
  /** The sources the project was built from: the manifest used (assembled, for an import) and the same Blobs, never their text. */
  | { readonly type: 'done'; readonly project: LoadedProject; readonly sources: ProjectSources }
  | { readonly type: 'error'; readonly failure: BuildFailure };

/** The typed arrays of a project, handed to the main thread without copying (each buffer once). */
export function transferables(project: LoadedProject): Transferable[] {
  const m = project.merchants;
  const columns = [m.id, m.name, m.areaCode, m.areaName, m.qrProvider, m.marketId, m.streetId];
  const arrays: ArrayBufferView[] = [
    m.lon, m.lat, m.category, m.hasQr, m.txCountMonth, m.line,
    ...columns.map((c) => c.codes),
    ...columns.flatMap((c) => (c.table ? [c.table.bytes, c.table.starts, ...(c.table.lengths ? [c.table.lengths] : [])] : [])),
    project.areaOf, project.marketArea, project.streetArea, project.areaLabels,
    ...(project.pointIndex ? [project.pointIndex.cellStart, project.pointIndex.order] : []),
    project.areaTable.merchants, project.areaTable.withQr, project.areaTable.activeQr,
    project.streetTable.merchants, project.streetTable.withQr, project.streetTable.activeQr,
  ];
  return [...new Set(arrays.map((array) => array.buffer as ArrayBuffer))];
}
