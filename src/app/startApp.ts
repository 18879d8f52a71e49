import type { Formatter } from '../i18n/format.ts';
import type { Language } from '../i18n/messages.ts';
import { useAppStore } from '../store/appStore.ts';
import { buildInWorker, BuildError } from './buildInWorker.ts';
import { fetchProject, ProjectLoadError } from './fetchProject.ts';

export const DEFAULT_PROJECT_URL = `${import.meta.env.BASE_URL}data/demo/project.json`;

/** Settings read from the page address: `?project=<url>` and `?lang=en`. */
export function readAddress(search: string): { projectUrl: string; lang: Language } {
  const params = new URLSearchParams(search);
  return {
    projectUrl: params.get('project') ?? DEFAULT_PROJECT_URL,
    lang: params.get('lang') === 'en' ? 'en' : 'vi',
  };
}

/** A load error as a sentence in the current language. */
export function describeLoadError(error: unknown, f: Formatter): string {
  if (error instanceof DOMException && error.name === 'AbortError') return f.t('error.cancelled');
  if (error instanceof ProjectLoadError) {
    switch (error.reason) {
      case 'http':
        return f.t('error.http', { status: error.detail, url: error.url });
      case 'network':
        return f.t('error.network', { url: error.url });
      case 'json':
        return f.t('error.json', { url: error.url });
      case 'html':
        return f.t('error.html', { url: error.url });
      case 'manifest':
        return f.t('error.manifest', { field: error.detail });
    }
  }
  if (error instanceof BuildError) {
    const failure = error.failure;
    if (failure.kind === 'other') return failure.message;
    const file = f.t(`file.${failure.file}`);
    if (failure.reason === 'html') return f.t('error.fileHtml', { file });
    return f.t('error.fileJson', { file, line: String(failure.line ?? '?'), column: String(failure.column ?? '?') });
  }
  return String(error);
}

let current: AbortController | null = null;

/** Stops the load in progress, if any (the worker is terminated at once). */
export function cancelCurrentLoad(): void {
  current?.abort();
}

/** Loads the project named in the address into the store; parsing and joining run in a worker. */
export async function loadProjectIntoStore(projectUrl: string, format: () => Formatter): Promise<void> {
  current?.abort();
  const controller = new AbortController();
  current = controller;
  const store = useAppStore.getState();
  try {
    const texts = await fetchProject(projectUrl, (stage, progress) => store.setLoading(stage, progress), controller.signal);
    const project = await buildInWorker(texts, (stage) => store.setLoading(stage, 0), controller.signal);
    store.setProject(project);
  } catch (error) {
    if (current !== controller) return;
    console.warn(error);
    store.setError(describeLoadError(error, format()));
  } finally {
    if (current === controller) current = null;
  }
}
