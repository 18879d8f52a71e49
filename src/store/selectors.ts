import { deriveAdoptionView, type AdoptionView } from '../core/aggregate/adoptionView.ts';
import { sequentialColors } from '../core/classify/palette.ts';
import type { LoadedProject } from '../core/project/buildProject.ts';
import { formatterFor, type Formatter } from '../i18n/format.ts';
import { useAppStore, type AppState } from './appStore.ts';

/** Memoises on the identity of its arguments, so selectors return the same object until an input changes. */
function memoise<Args extends readonly unknown[], R>(compute: (...args: Args) => R): (...args: Args) => R {
  let lastArgs: Args | null = null;
  let last: R | undefined;
  return (...args) => {
    if (lastArgs === null || args.some((arg, i) => arg !== lastArgs?.[i])) {
      last = compute(...args);
      lastArgs = args;
    }
    return last as R;
  };
}

const adoptionView = memoise((project: LoadedProject | null, selected: ReadonlySet<number>) =>
  project ? deriveAdoptionView(project, selected) : null,
);

export const selectAdoptionView = (state: AppState): AdoptionView | null => adoptionView(state.project, state.selectedCategories);

// Keyed on the number of classes, so a filter change that keeps it keeps the same array (and the map's paint).
const classColors = memoise((classes: number): readonly string[] => (classes >= 1 ? sequentialColors(classes) : []));

/** Colours of the map classes, as many as the breaks define. */
export const selectClassColors = (state: AppState): readonly string[] =>
  classColors(Math.max((selectAdoptionView(state)?.breaks.length ?? 0) - 1, 0));

export function useAdoptionView(): AdoptionView | null {
  return useAppStore(selectAdoptionView);
}

export function useClassColors(): readonly string[] {
  return useAppStore(selectClassColors);
}

export function useFormatter(): Formatter {
  return formatterFor(useAppStore((s) => s.lang));
}
