import { buildProject } from '../core/project/buildProject.ts';
import type { Formatter } from '../i18n/format.ts';
import type { Language } from '../i18n/messages.ts';
import { useAppStore } from '../store/appStore.ts';
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
  return String(error);
}

/** Loads the project named in the address into the store. */
export async function loadProjectIntoStore(projectUrl: string, format: () => Formatter): Promise<void> {
  const store = useAppStore.getState();
  try {
    const inputs = await fetchProject(projectUrl, (stage, progress) => store.setLoading(stage, progress));
    store.setLoading('join', 0);
    // Let the progress state paint before the synchronous parse and join.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const project = buildProject(inputs);
    store.setProject(project);
  } catch (error) {
    console.warn(error);
    store.setError(describeLoadError(error, format()));
  }
}
