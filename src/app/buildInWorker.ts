import type { BuildStage, LoadedProject } from '../core/project/buildProject.ts';
import type { ProjectTexts } from '../core/project/parseProjectTexts.ts';
import type { BuildFailure, BuildRequest, BuildResponse } from './projectWorkerProtocol.ts';

export class BuildError extends Error {
  constructor(readonly failure: BuildFailure) {
    super(failure.kind === 'file' ? `${failure.file}: ${failure.reason}` : failure.message);
    this.name = 'BuildError';
  }
}

/** Builds a project in a Web Worker; aborting the signal stops the worker at once. */
export function buildInWorker(texts: ProjectTexts, onStage: (stage: BuildStage) => void, signal?: AbortSignal): Promise<LoadedProject> {
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
      if (message.type === 'done') resolve(message.project);
      else reject(new BuildError(message.failure));
    };
    worker.onerror = (event) => {
      signal?.removeEventListener('abort', stop);
      worker.terminate();
      reject(new BuildError({ kind: 'other', message: event.message }));
    };
    const request: BuildRequest = { texts };
    worker.postMessage(request);
  });
}
