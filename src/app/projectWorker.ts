/// <reference lib="webworker" />
import { buildProject } from '../core/project/buildProject.ts';
import { parseProjectTexts, ProjectFileError } from '../core/project/parseProjectTexts.ts';
import { transferables, type BuildRequest, type BuildResponse } from './projectWorkerProtocol.ts';

/** Parses, joins and aggregates off the main thread, so the page stays responsive while a project loads. */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<BuildRequest>) => {
  const post = (response: BuildResponse, transfer: Transferable[] = []) => scope.postMessage(response, transfer);
  try {
    const inputs = parseProjectTexts(event.data.texts);
    const project = buildProject(inputs, (stage) => post({ type: 'stage', stage }));
    post({ type: 'done', project }, transferables(project));
  } catch (error) {
    if (error instanceof ProjectFileError) {
      post({ type: 'error', failure: { kind: 'file', file: error.file, reason: error.reason, ...(error.position ?? {}) } });
    } else {
      post({ type: 'error', failure: { kind: 'other', message: String(error) } });
    }
  }
};
