/// <reference lib="webworker" />
import { assembleImport, ImportError } from '../core/project/assembleImport.ts';
import { buildProject } from '../core/project/buildProject.ts';
import { parseProjectTexts, ProjectFileError, type ProjectTexts } from '../core/project/parseProjectTexts.ts';
import { decodeFile } from './decodeFile.ts';
import { transferables, type BuildFailure, type BuildRequest, type BuildResponse } from './projectWorkerProtocol.ts';

/** Decodes, parses, joins and aggregates off the main thread, so the page stays responsive while a project loads. */
const scope = self as unknown as DedicatedWorkerGlobalScope;

function failureOf(error: unknown): BuildFailure {
  if (error instanceof ProjectFileError) return { kind: 'file', file: error.file, reason: error.reason, ...(error.position ?? {}) };
  if (error instanceof ImportError) {
    return { kind: 'import', reason: error.reason, ...(error.fileName ? { fileName: error.fileName } : {}), ...(error.detail ? { detail: error.detail } : {}), ...(error.position ?? {}) };
  }
  return { kind: 'other', message: String(error) };
}

scope.onmessage = (event: MessageEvent<BuildRequest>) => {
  const post = (response: BuildResponse, transfer: Transferable[] = []) => scope.postMessage(response, transfer);
  try {
    const request = event.data;
    const texts: ProjectTexts =
      request.kind === 'build' ? request.texts : assembleImport(request.files.map(decodeFile), request.base);
    const project = buildProject(parseProjectTexts(texts), (stage) => post({ type: 'stage', stage }));
    post({ type: 'done', project, texts }, transferables(project));
  } catch (error) {
    post({ type: 'error', failure: failureOf(error) });
  }
};
