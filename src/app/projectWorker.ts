/// <reference lib="webworker" />
import type { BuildRequest } from './projectWorkerProtocol.ts';
import { runBuildRequest } from './runBuildRequest.ts';

/** Reads, decodes, parses, joins and aggregates off the main thread, so the page stays responsive while a project loads. */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<BuildRequest>) => {
  void runBuildRequest(event.data, (response, transfer = []) => scope.postMessage(response, transfer));
};
