import type { BuildStage, LoadedProject } from '../core/project/buildProject.ts';
import type { ProjectSources, SourceFile } from './projectSources.ts';
import type { BuildFailure, BuildRequest, BuildResponse } from './projectWorkerProtocol.ts';

export class BuildError extends Error {
  constructor(readonly failure: BuildFailure) {
    super(failure.kind === 'other' ? failure.message : `${failure.kind === 'file' ? failure.file : (failure.fileName ?? '')}: ${failure.reason}`);
    this.name = 'BuildError';
  }
}

export interface Built {
  readonly project: LoadedProject;
  /** What the project was built from (the manifest used, the same Blobs), to rebuild, complete or keep it. */
  readonly sources: ProjectSources;
}

/**
 * Builds a project from its sources in a Web Worker; `categoriesFromData` takes the categories
 * again from the merchant file. Aborting the signal stops the worker at once.
 */
export function buildInWorker(sources: ProjectSources, onStage: (stage: BuildStage) => void, signal?: AbortSignal, categoriesFromData = false): Promise<Built> {
  return runWorker({ kind: 'build', sources, categoriesFromData }, onStage, signal);
}

/** Makes a project of the files a user brought (missing kinds taken from `base`), in a Web Worker. */
export function importInWorker(files: readonly SourceFile[], base: ProjectSources | null, onStage: (stage: BuildStage) => void, signal?: AbortSignal): Promise<Built> {
  return runWorker({ kind: 'import', files, base }, onStage, signal);
}

function runWorker(request: BuildRequest, onStage: (stage: BuildStage) => void, signal?: AbortSignal): Promise<Built> {
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
      // The worker's own steps, on the page's timeline for the browser benchmark.
      if (message.type === 'step') return void performance.mark(`load:${message.step}`);
      signal?.removeEventListener('abort', stop);
      worker.terminate();
      if (message.type === 'done') resolve({ project: message.project, sources: message.sources });
      else reject(new BuildError(message.failure));
    };
    worker.onerror = (event) => {
      signal?.removeEventListener('abort', stop);
      worker.terminate();
      reject(new BuildError({ kind: 'other', message: event.message }));
    };
    // Blobs cross as handles: nothing to transfer, nothing copied.
    worker.postMessage(request);
  });
}
