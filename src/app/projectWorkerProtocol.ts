import type { ImportFailure } from '../core/project/assembleImport.ts';
import type { BuildStage, LoadedProject } from '../core/project/buildProject.ts';
import type { ProjectTexts } from '../core/project/parseProjectTexts.ts';
import type { DataFile } from '../core/report/problems.ts';

/** A file as the user gave it: its name and raw bytes (decoded in the worker). */
export interface RawFile {
  readonly name: string;
  readonly bytes: ArrayBuffer;
}

export type BuildRequest =
  | { readonly kind: 'build'; readonly texts: ProjectTexts }
  | { readonly kind: 'import'; readonly files: readonly RawFile[]; readonly base: ProjectTexts | null };

export type BuildFailure =
  | { readonly kind: 'file'; readonly file: DataFile; readonly reason: 'json' | 'html'; readonly line?: number; readonly column?: number }
  | { readonly kind: 'import'; readonly reason: ImportFailure; readonly fileName?: string; readonly detail?: string; readonly line?: number; readonly column?: number }
  | { readonly kind: 'other'; readonly message: string };

export type BuildResponse =
  | { readonly type: 'stage'; readonly stage: BuildStage }
  | { readonly type: 'done'; readonly project: LoadedProject; readonly texts: ProjectTexts }
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
    project.areaTable.merchants, project.areaTable.withQr, project.areaTable.activeQr,
    project.streetTable.merchants, project.streetTable.withQr, project.streetTable.activeQr,
  ];
  return [...new Set(arrays.map((array) => array.buffer as ArrayBuffer))];
}
