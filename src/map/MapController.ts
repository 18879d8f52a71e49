import { AttributionControl, Map as MapLibreMap, NavigationControl, Popup, ScaleControl, setWorkerUrl, type GeoJSONSource, type MapLayerMouseEvent } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { AdoptionView } from '../core/aggregate/adoptionView.ts';
import type { LoadedProject } from '../core/project/buildProject.ts';
import type { QrStatusFilter } from '../store/appStore.ts';
import { classColorExpression } from './layers/areaLayers.ts';
import { merchantPointLayer } from './layers/merchantLayers.ts';
import { buildMapStyle, sovereigntyLabels } from './mapStyle.ts';
import { areaLabelPoints, areasCollection, marketsCollection, merchantFeatures, streetsCollection } from './sources.ts';
import { rowFilter, type Bounds } from '../core/aggregate/pointBins.ts';

setWorkerUrl(workerUrl);

/** Everything the map shows; the controller applies only what changed since the last call. */
export interface MapInputs {
  readonly project: LoadedProject | null;
  readonly view: AdoptionView | null;
  readonly classColors: readonly string[];
  readonly selectedCategories: ReadonlySet<number>;
  readonly qrStatus: QrStatusFilter;
  readonly selectedArea: number;
  readonly hoveredArea: number;
  /** Text shown beside the pointer over an area (plain text, never HTML). */
  readonly areaTooltip: (index: number) => string;
}

/** Language-bound parts of the map, fixed for the life of a controller (a language switch makes a new one). */
export interface MapTexts {
  readonly hoangSa: string;
  readonly truongSa: string;
  readonly attribution: string;
  /** BCP 47 locale for numbers drawn on the map. */
  readonly locale: string;
  /** MapLibre's own control strings (zoom buttons, attribution toggle, map title). */
  readonly controls: Readonly<Record<string, string>>;
}

export interface Camera {
  readonly center: [number, number];
  readonly zoom: number;
}

export interface MapCallbacks {
  onAreaClick(index: number): void;
  onAreaHover(index: number): void;
}

const VIETNAM_VIEW = { center: [107.5, 14.5] as [number, number], zoom: 4.6 };
/** The land layer covers more than this, so its clipped edges are never on screen. */
const MAX_BOUNDS: [[number, number], [number, number]] = [[92, 0], [128, 30]];

/** The one owner of the MapLibre map: creates it, diffs inputs and calls setData / setFeatureState / setPaintProperty. */
export class MapController {
  private readonly map: MapLibreMap;
  private loaded = false;
  private applied: MapInputs | null = null;
  private pending: MapInputs | null = null;
  /** What the merchant layer was last computed for. */
  private merchantsShown: { project: LoadedProject; categories: ReadonlySet<number>; qrStatus: QrStatusFilter; view: Bounds; zoom: number } | null = null;
  private readonly tooltip = new Popup({ closeButton: false, closeOnClick: false, offset: 14, className: 'map-tooltip', maxWidth: '260px' });

  /** A camera to keep (after a language switch), instead of framing the first project. */
  private keepCamera: boolean;

  constructor(container: HTMLElement, initial: MapInputs, texts: MapTexts, private readonly callbacks: MapCallbacks, camera?: Camera) {
    this.keepCamera = camera !== undefined;
    this.map = new MapLibreMap({
      container,
      style: buildMapStyle({
        baseUrl: document.baseURI,
        classColors: initial.classColors,
        categoryColors: initial.project?.categories.map((c) => c.color) ?? [],
        sovereignty: sovereigntyLabels(texts.hoangSa, texts.truongSa),
        locale: texts.locale,
      }),
      ...(camera ?? VIETNAM_VIEW),
      locale: texts.controls,
      attributionControl: false,
      maxZoom: 18,
      minZoom: 3,
      maxBounds: MAX_BOUNDS,
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    this.map.addControl(new NavigationControl({ showCompass: false }), 'bottom-right');
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
    this.map.addControl(new AttributionControl({ compact: true, customAttribution: texts.attribution }), 'bottom-right');
    this.pending = initial;
    // aria-busy tells assistive technology (and tests) when the map is still drawing.
    container.setAttribute('aria-busy', 'true');
    this.map.on('dataloading', () => container.setAttribute('aria-busy', 'true'));
    this.map.on('idle', () => container.setAttribute('aria-busy', 'false'));
    this.map.on('load', () => {
      this.loaded = true;
      // The land layer is a chunk of its own so that the first paint does not wait for it.
      import('virtual:land')
        .then(({ default: land }) => this.map.getSource<GeoJSONSource>('land')?.setData(land))
        .catch((error: unknown) => console.warn('The land layer could not be loaded', error));
      if (this.pending) this.update(this.pending);
    });
    this.map.on('moveend', () => {
      if (this.loaded) this.showMerchants();
    });
    this.map.on('click', 'area-fill', (event) => this.callbacks.onAreaClick(areaIndexAt(event)));
    this.map.on('mousemove', 'area-fill', (event) => {
      this.map.getCanvas().style.cursor = 'pointer';
      const index = areaIndexAt(event);
      this.callbacks.onAreaHover(index);
      const text = this.applied?.areaTooltip(index) ?? '';
      if (text) this.tooltip.setLngLat(event.lngLat).setText(text).addTo(this.map);
    });
    this.map.on('mouseleave', 'area-fill', () => {
      this.map.getCanvas().style.cursor = '';
      this.callbacks.onAreaHover(-1);
      this.tooltip.remove();
    });
  }

  update(next: MapInputs): void {
    if (!this.loaded) {
      this.pending = next;
      return;
    }
    const prev = this.applied;
    this.applied = next;
    this.pending = null;
    const projectChanged = prev?.project !== next.project;
    if (projectChanged) this.showProject(next.project);
    if (projectChanged || prev?.view !== next.view) this.showView(projectChanged ? null : (prev?.view ?? null), next);
    if (prev?.classColors !== next.classColors) this.map.setPaintProperty('area-fill', 'fill-color', classColorExpression(next.classColors));
    if (projectChanged || prev?.selectedCategories !== next.selectedCategories || prev?.qrStatus !== next.qrStatus) this.showMerchants();
    if (projectChanged || prev?.selectedArea !== next.selectedArea) this.flag('selected', prev?.selectedArea ?? -1, next.selectedArea, projectChanged);
    if (projectChanged || prev?.hoveredArea !== next.hoveredArea) this.flag('hover', prev?.hoveredArea ?? -1, next.hoveredArea, projectChanged);
  }

  /** Merchant bins or points for the current view and filters (on every move, from the typed columns). */
  private showMerchants(): void {
    const inputs = this.applied;
    if (!inputs?.project) return;
    const { project } = inputs;
    const bounds = this.map.getBounds();
    // A margin around the view, so a short pan shows merchants straight away.
    const padX = (bounds.getEast() - bounds.getWest()) * 0.15;
    const padY = (bounds.getNorth() - bounds.getSouth()) * 0.15;
    const view: Bounds = [bounds.getWest() - padX, bounds.getSouth() - padY, bounds.getEast() + padX, bounds.getNorth() + padY];
    const zoom = this.map.getZoom();
    // A new project moves the camera (its `moveend` shows the merchants) and is then shown by
    // `update`: the same view twice, a scan of every row each at country zoom.
    const shown = this.merchantsShown;
    if (shown && shown.project === project && shown.categories === inputs.selectedCategories && shown.qrStatus === inputs.qrStatus && shown.zoom === zoom && shown.view.every((v, k) => v === view[k])) return;
    this.merchantsShown = { project, categories: inputs.selectedCategories, qrStatus: inputs.qrStatus, view, zoom };
    const accept = rowFilter(project.merchants, project.areaOf, inputs.selectedCategories, inputs.qrStatus);
    this.source('merchants').setData(merchantFeatures(project, view, zoom, accept));
  }

  camera(): Camera {
    const { lng, lat } = this.map.getCenter();
    return { center: [lng, lat], zoom: this.map.getZoom() };
  }

  /** Frames the project's areas. */
  fitToProject(animate = true): void {
    const areas = this.applied?.project?.areas.areas;
    if (!areas || areas.length === 0) return;
    let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity;
    for (const { bbox } of areas) {
      minLon = Math.min(minLon, bbox[0]);
      minLat = Math.min(minLat, bbox[1]);
      maxLon = Math.max(maxLon, bbox[2]);
      maxLat = Math.max(maxLat, bbox[3]);
    }
    // Keep the areas clear of the legend in the lower left corner.
    const width = this.map.getContainer().clientWidth;
    const left = Math.min(220, Math.round(width * 0.25));
    this.map.fitBounds([minLon, minLat, maxLon, maxLat], { padding: { top: 56, bottom: 32, left, right: 32 }, animate });
  }

  destroy(): void {
    this.map.remove();
  }

  private source(id: string): GeoJSONSource {
    const source = this.map.getSource<GeoJSONSource>(id);
    if (!source) throw new Error(`Map source ${id} is missing`);
    return source;
  }

  private showProject(project: LoadedProject | null): void {
    this.map.removeFeatureState({ source: 'areas' });
    this.map.removeFeatureState({ source: 'streets' });
    if (!project) return;
    this.source('areas').setData(areasCollection(project));
    this.source('area-labels').setData(areaLabelPoints(project));
    this.source('markets').setData(marketsCollection(project));
    this.source('streets').setData(streetsCollection(project));
    const points = merchantPointLayer(project.categories.map((c) => c.color)).paint;
    this.map.setPaintProperty('merchant-points', 'circle-color', points?.['circle-color']);
    this.map.setPaintProperty('merchant-points', 'circle-stroke-color', points?.['circle-stroke-color']);
    if (this.keepCamera) this.keepCamera = false;
    else this.fitToProject(false);
  }

  /** Class of each area and adoption of each street, as feature state (no setData on a filter change). */
  private showView(prev: AdoptionView | null, next: MapInputs): void {
    const view = next.view;
    if (!view) return;
    view.areas.forEach((area, index) => {
      if (prev === null || prev.areas[index]?.classIndex !== area.classIndex) {
        this.map.setFeatureState({ source: 'areas', id: index }, { cls: area.classIndex });
      }
    });
    // A street without merchants under the filter has no rate (drawn grey), not a rate of 0.
    view.streets.forEach((street, index) => {
      this.map.setFeatureState({ source: 'streets', id: index }, { rate: street.merchants > 0 ? street.withQr / street.merchants : null });
    });
  }

  private flag(key: 'hover' | 'selected', previous: number, next: number, reset: boolean): void {
    if (previous >= 0 && !reset) this.map.setFeatureState({ source: 'areas', id: previous }, { [key]: false });
    if (next >= 0) this.map.setFeatureState({ source: 'areas', id: next }, { [key]: true });
  }
}

function areaIndexAt(event: MapLayerMouseEvent): number {
  const id = event.features?.[0]?.id;
  return typeof id === 'number' ? id : -1;
}
