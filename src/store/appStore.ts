import { create, type StateCreator } from 'zustand';
import type { LoadedProject } from '../core/project/buildProject.ts';
import type { AreaCode } from '../core/ids.ts';
import type { DataFile } from '../core/report/problems.ts';
import type { Language, MessageKey } from '../i18n/messages.ts';

export type LoadStage = 'manifest' | 'files' | 'areas' | 'merchants' | 'join' | 'aggregate';

/** Why loading failed, as a message key and its values (so it follows the language switch). */
export interface LoadFailure {
  readonly key: MessageKey;
  readonly params: Readonly<Record<string, string>>;
  /** A file of the project named in the message as `{file}`, in the interface language. */
  readonly fileRole?: DataFile;
}

export type LoadStatus =
  | { readonly kind: 'loading'; readonly stage: LoadStage; readonly progress: number }
  | { readonly kind: 'ready' }
  | { readonly kind: 'error'; readonly failure: LoadFailure };

/** Where the data on screen comes from: the demo, a project or files named in the address, or an import kept in this browser. */
export type DataSource = 'demo' | 'project' | 'imported';

export type QrStatusFilter = 'all' | 'with' | 'without';
export type RankingSortKey = 'rate' | 'merchants';

interface DataSlice {
  status: LoadStatus;
  project: LoadedProject | null;
  source: DataSource;
  /** True while the imported data is being written to this browser's storage. */
  saving: boolean;
  setLoading(stage: LoadStage, progress: number): void;
  setProject(project: LoadedProject, source: DataSource): void;
  setError(failure: LoadFailure): void;
  setSaving(saving: boolean): void;
}

interface FiltersSlice {
  /** Category indexes (into the project's categories) that are shown. */
  selectedCategories: ReadonlySet<number>;
  qrStatus: QrStatusFilter;
  toggleCategory(index: number): void;
  selectAllCategories(): void;
  selectNoCategories(): void;
  setQrStatus(status: QrStatusFilter): void;
}

interface UiSlice {
  lang: Language;
  selectedArea: AreaCode | null;
  hoveredArea: AreaCode | null;
  rankingSort: { readonly key: RankingSortKey; readonly descending: boolean };
  reportOpen: boolean;
  importOpen: boolean;
  setLang(lang: Language): void;
  selectArea(code: AreaCode | null): void;
  hoverArea(code: AreaCode | null): void;
  sortRanking(key: RankingSortKey): void;
  setReportOpen(open: boolean): void;
  setImportOpen(open: boolean): void;
}

export type AppState = DataSlice & FiltersSlice & UiSlice;

const allCategories = (project: LoadedProject | null) => new Set(project ? project.categories.map((_, i) => i) : []);

const createDataSlice: StateCreator<AppState, [], [], DataSlice> = (set) => ({
  status: { kind: 'loading', stage: 'manifest', progress: 0 },
  project: null,
  source: 'demo',
  saving: false,
  setLoading: (stage, progress) => set({ status: { kind: 'loading', stage, progress } }),
  setProject: (project, source) =>
    set({ project, source, status: { kind: 'ready' }, selectedCategories: allCategories(project), selectedArea: null, hoveredArea: null }),
  setError: (failure) => set({ status: { kind: 'error', failure } }),
  setSaving: (saving) => set({ saving }),
});

const createFiltersSlice: StateCreator<AppState, [], [], FiltersSlice> = (set, get) => ({
  selectedCategories: new Set<number>(),
  qrStatus: 'all',
  toggleCategory: (index) => {
    const next = new Set(get().selectedCategories);
    if (next.has(index)) next.delete(index);
    else next.add(index);
    set({ selectedCategories: next });
  },
  selectAllCategories: () => set({ selectedCategories: allCategories(get().project) }),
  selectNoCategories: () => set({ selectedCategories: new Set<number>() }),
  setQrStatus: (qrStatus) => set({ qrStatus }),
});

const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set, get) => ({
  lang: 'vi',
  selectedArea: null,
  hoveredArea: null,
  rankingSort: { key: 'rate', descending: true },
  reportOpen: false,
  importOpen: false,
  setLang: (lang) => set({ lang }),
  selectArea: (selectedArea) => set({ selectedArea }),
  hoverArea: (hoveredArea) => set({ hoveredArea }),
  sortRanking: (key) => {
    const current = get().rankingSort;
    set({ rankingSort: { key, descending: current.key === key ? !current.descending : true } });
  },
  setReportOpen: (reportOpen) => set({ reportOpen }),
  setImportOpen: (importOpen) => set({ importOpen }),
});

/** Inputs only: raw data, filter choices and view state. Everything else is derived in selectors. */
export const useAppStore = create<AppState>()((...a) => ({
  ...createDataSlice(...a),
  ...createFiltersSlice(...a),
  ...createUiSlice(...a),
}));
