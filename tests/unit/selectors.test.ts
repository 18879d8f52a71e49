import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/core/manifest/parseManifest.ts';
import { buildProject } from '../../src/core/project/buildProject.ts';
import { useAppStore } from '../../src/store/appStore.ts';
import { selectAdoptionView, selectClassColors } from '../../src/store/selectors.ts';

const demo = (file: string) => readFileSync(`data/demo/${file}`, 'utf8');
const project = buildProject({
  manifest: parseManifest(JSON.parse(demo('project.json')), 'file:///demo/project.json'),
  areasJson: JSON.parse(demo('areas.geojson')),
  merchantsCsv: demo('merchants.csv'),
});

describe('store selectors', () => {
  it('derive the view from the inputs and recompute it only when an input changes', () => {
    const store = useAppStore;
    store.getState().setProject(project, 'demo');
    const first = selectAdoptionView(store.getState());
    expect(selectAdoptionView(store.getState())).toBe(first);
    store.getState().toggleCategory(0);
    const second = selectAdoptionView(store.getState());
    expect(second).not.toBe(first);
    expect(second?.totals.merchants).toBeLessThan(first?.totals.merchants ?? 0);
  });

  it('keep the same class colours while the number of classes stays the same', () => {
    const store = useAppStore;
    store.getState().setProject(project, 'demo');
    const colours = selectClassColors(store.getState());
    expect(colours).toHaveLength(5);
    store.getState().toggleCategory(1);
    expect(selectClassColors(store.getState())).toBe(colours);
    store.getState().selectNoCategories();
    expect(selectClassColors(store.getState())).toEqual([]);
  });

  it('clear the selection and show every category when a new project is loaded', () => {
    const store = useAppStore;
    store.getState().selectArea(project.areas.areas[0]?.code ?? null);
    store.getState().selectNoCategories();
    store.getState().setProject(project, 'imported');
    expect(store.getState().selectedArea).toBeNull();
    expect(store.getState().selectedCategories.size).toBe(project.categories.length);
    expect(store.getState().source).toBe('imported');
  });
});
