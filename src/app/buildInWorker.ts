import type { BuildStage, LoadedProject } from '../core/project/buildProject.ts';
import type { ProjectTexts } from '../core/project/parseProjectTexts.ts';
import type { BuildFailure, BuildRequest, BuildResponse, RawFile } from './projectWorkerProtocol.ts';

export class BuildError extends Error {
  constructor(readonly failure: BuildFailure) {
    super(failure.kind === 'other' ? failure.message : `${failure.kind === 'file' ? failure.file : (failure.fileName ?? '')}: ${failure.reason}`);
    this.name = 'BuildError';
  }
}

export interface Built {
  readonly project: LoadedProject;
  /** The texts the project was built from, to keep for a reload. */
  readonly texts: ProjectTexts;
}

/** Builds a project from a manifest's texts in a Web Worker; aborting the signal stops the worker at once. */
export function buildInWorker(texts: ProjectTexts, onStage: (stage: BuildStage) => void, signal?: AbortSignal): Promise<Built> {
  return runWorker({ kind: 'build', texts }, [], onStage, signal);
}

/** Makes a project of the files a user brought (missing kinds taken from `base`), in a Web Worker. */
export function importInWorker(files: readonly RawFile[], base: ProjectTexts | null, onStage: (stage: BuildStage) => void, signal?: AbortSignal): Promise<Built> {
  return runWorker({ kind: 'import', files, base }, files.map((f) => f.bytes), onStage, signal);
}

function runWorker(request: BuildRequest, transfer: Transferable[], onStage: (stage: BuildStage) => void, signal?: AbortSignal): Promise<Built> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./projectWorker.ts', import.meta.url), { type: 'module' });
    const stop = () => {
      worker.terminate();
      reject(new DOMException('The load was cancelled', 'AbortError'));
    };
    signal?.addEventListener('abort', stop, { once: true });
    worker.onmessage = (event: MessageEvent<BuildResponse>) => {
      const message = event.data;
      if (message.type === 'stage') return onStage(message.stage);
      signal?.removeEventListener('abort', stop);
      worker.terminate();
      if (message.type === 'done') resolve({ project: message.project, texts: message.texts });
      else reject(new BuildError(message.failure));
    };
    worker.onerror = (event) => {
      signal?.removeEventListener('abort', stop);
      worker.terminate();
      reject(new BuildError({ kind: 'other', message: event.message }));
    };
    worker.postMessage(request, transfer);
  });
}
