import { useEffect, useRef } from 'react';
import type { AreaCode } from '../core/ids.ts';
import { formatterFor, type Formatter } from '../i18n/format.ts';
import { MapController, type Camera, type MapInputs, type MapTexts } from '../map/MapController.ts';
import { useAppStore, type AppState } from '../store/appStore.ts';
import { selectAdoptionView, selectClassColors, useFormatter } from '../store/selectors.ts';

function mapInputs(state: AppState): MapInputs {
  const f = formatterFor(state.lang);
  const indexOf = (code: AreaCode | null) => (code && state.project ? (state.project.areas.indexByCode.get(code) ?? -1) : -1);
  return {
    project: state.project,
    view: selectAdoptionView(state),
    classColors: selectClassColors(state),
    selectedCategories: state.selectedCategories,
    qrStatus: state.qrStatus,
    selectedArea: indexOf(state.selectedArea),
    hoveredArea: indexOf(state.hoveredArea),
    areaTooltip: (index) => {
      const area = state.project?.areas.areas[index];
      const stat = selectAdoptionView(state)?.areas[index];
      if (!area || !stat) return '';
      return `${area.name} · ${f.percent(stat.rate)} · ${f.t('filters.merchantsCount', { count: stat.counts.merchants })}`;
    },
  };
}

function mapTexts(f: Formatter): MapTexts {
  return {
    hoangSa: f.t('map.hoangSa'),
    truongSa: f.t('map.truongSa'),
    attribution: 'Natural Earth',
    locale: f.locale,
    controls: {
      'NavigationControl.ZoomIn': f.t('map.zoomIn'),
      'NavigationControl.ZoomOut': f.t('map.zoomOut'),
      'AttributionControl.ToggleAttribution': f.t('map.attribution'),
      'Map.Title': f.t('map.label'),
    },
  };
}

/**
 * A thin shell: creates the map controller, feeds it store changes without re-rendering React,
 * destroys it. A language switch makes a new controller at the same camera.
 */
export function MapView() {
  const f = useFormatter();
  const container = useRef<HTMLDivElement>(null);
  const controller = useRef<MapController | null>(null);
  const camera = useRef<Camera | undefined>(undefined);
  useEffect(() => {
    if (!container.current) return;
    const store = useAppStore;
    const instance = new MapController(container.current, mapInputs(store.getState()), mapTexts(f), {
      onAreaClick: (index) => {
        const { project, selectedArea, selectArea } = store.getState();
        const code = project?.areas.areas[index]?.code ?? null;
        selectArea(code === selectedArea ? null : code);
      },
      onAreaHover: (index) => {
        const { project, hoveredArea, hoverArea } = store.getState();
        const code = project?.areas.areas[index]?.code ?? null;
        if (code !== hoveredArea) hoverArea(code);
      },
    }, camera.current);
    controller.current = instance;
    const unsubscribe = store.subscribe((state) => instance.update(mapInputs(state)));
    return () => {
      unsubscribe();
      if (store.getState().project) camera.current = instance.camera();
      instance.destroy();
      controller.current = null;
    };
  }, [f]);
  return (
    <div className="map-shell">
      <div ref={container} className="map" role="region" aria-label={f.t('map.label')} data-testid="map" />
      <button type="button" className="map-fit button" onClick={() => controller.current?.fitToProject()}>
        {f.t('map.fit')}
      </button>
    </div>
  );
}
