/** Our pipeline's steps, called exactly as `buildProject` and the map call them. */
import { deriveAdoptionView, type AdoptionView } from '../src/core/aggregate/adoptionView.ts';
import { aggregateByGroupCategory, type GroupCategoryTable } from '../src/core/aggregate/areaCategoryTable.ts';
import type { AreaSet } from '../src/core/geo/area.ts';
import { buildAreaLocator } from '../src/core/join/areaLocator.ts';
import { joinMerchantsToAreas } from '../src/core/join/joinMerchantsToAreas.ts';
import type { CategoryDefinition, MerchantColumns, ProjectManifest } from '../src/core/manifest/types.ts';
import type { DictionaryColumn } from '../src/core/merchants/columns.ts';
import type { MerchantTable } from '../src/core/merchants/merchantTable.ts';
import { readMerchantsCsv, type MerchantsResult } from '../src/core/merchants/readMerchantsCsv.ts';
import { buildProject, OTHER_CATEGORY, type LoadedProject } from '../src/core/project/buildProject.ts';
import { rowFilter } from '../src/core/aggregate/pointBins.ts';
import type { PointIndex } from '../src/core/aggregate/pointIndex.ts';
import { merchantFeatures } from '../src/map/sources.ts';
import { CsvByteScanner } from '../src/core/csv/csvByteScanner.ts';
import { ParseMemory } from '../src/core/wasm/parseMemory.ts';
import type { FeatureCollection, Point, Polygon } from 'geojson';
import { CATEGORIES, CSV_HEADER } from './generate.ts';

export const MAPPING: Partial<MerchantColumns> = {
  id: 'id', name: 'name', category: 'category', lat: 'lat', lon: 'lon', hasQr: 'has_qr',
  areaCode: 'ward_code', qrProvider: 'qr_provider', txCountMonth: 'tx_count_month',
};

/**
 * `readMerchantsCsv` on each file's UTF-8 bytes, as the app reads a file (one file, or the chunks
 * of a file too big for one string, each a CSV of its own).
 */
export function parseOurs(files: readonly Uint8Array[], categories: readonly CategoryDefinition[]): MerchantsResult[] {
  return files.map((bytes) => readMerchantsCsv(bytes, MAPPING, categories));
}

/** `readMerchantsCsv` on each text (encoded to UTF-8 in pieces, then read): what a caller holding a string pays. */
export function parseOursFromStrings(chunks: readonly string[], categories: readonly CategoryDefinition[]): number {
  return chunks.reduce((rows, text) => rows + readMerchantsCsv(text, MAPPING, categories).table.count, 0);
}

/**
 * Breakdown of parse: the byte scanner alone (records and fields, no cell conversion), reading in
 * WebAssembly's memory as `readMerchantsCsv` does where it runs; returns the records.
 */
export function scanOnly(files: readonly Uint8Array[]): number {
  let records = 0;
  for (const bytes of files) {
    const scanner = new CsvByteScanner(0x2c, () => { records++; }, () => {}, ParseMemory.create());
    scanner.push(bytes);
    scanner.finish();
  }
  return records;
}

/** Breakdown of join: building the locator and locating every row (`locateAll`, as the join does), nothing else; returns the rows found. */
export function locateOnly(areas: AreaSet, lon: Float64Array, lat: Float64Array): number {
  const locator = buildAreaLocator(areas.areas);
  const areaOf = new Int32Array(lon.length);
  locator.locateAll(lon, lat, areaOf);
  let found = 0;
  for (let row = 0; row < areaOf.length; row++) if ((areaOf[row] ?? -1) >= 0) found++;
  return found;
}

export interface OurJoin {
  readonly areaOf: Int32Array;
  readonly unmatched: number;
}

/** `buildAreaLocator` + `joinMerchantsToAreas` per table; area indexes concatenated in row order. */
export function joinOurs(areas: AreaSet, tables: readonly MerchantTable[]): OurJoin {
  const locator = buildAreaLocator(areas.areas);
  const joins = tables.map((table) => joinMerchantsToAreas(table, areas, locator));
  return { areaOf: concatInt32(joins.map((j) => j.areaOf)), unmatched: joins.reduce((s, j) => s + j.unmatched, 0) };
}

export function categoriesOf(results: readonly MerchantsResult[], categories: readonly CategoryDefinition[]): readonly CategoryDefinition[] {
  return results.some((r) => r.usesOtherCategory) ? [...categories, OTHER_CATEGORY] : categories;
}

export function aggregateOurs(areaOf: Int32Array, areaCount: number, table: MerchantTable, categoryCount: number): GroupCategoryTable {
  return aggregateByGroupCategory(areaOf, areaCount, table.category, categoryCount, table.hasQr, table.txCountMonth);
}

/** A filter change: the view for every category but the first. */
export function refilterOurs(project: LoadedProject): AdoptionView {
  const selected = new Set(project.categories.map((_, i) => i).filter((i) => i !== 0));
  return deriveAdoptionView(project, selected);
}

/**
 * What the map computes for its merchant layer: bins over the whole extent at country zoom (6)
 * and at province zoom (9) over it, as the map does on each move; returns the features sent.
 */
export function pointsOurs(project: LoadedProject): FeatureCollection<Point> {
  const all = new Set(project.categories.map((_, i) => i));
  const accept = rowFilter(project.merchants, project.areaOf, all, 'all');
  const extent = extentOf(project.merchants);
  const country = merchantFeatures(project, extent, 6, accept);
  const province = merchantFeatures(project, extent, 9, accept);
  return { type: 'FeatureCollection', features: [...country.features, ...province.features] };
}

/** One GeoJSON feature per merchant shown: what a clustered GeoJSON source (supercluster) needs as input. */
export function allPointFeatures(project: LoadedProject): FeatureCollection<Point> {
  const { lon, lat, category, hasQr, count } = project.merchants;
  const features: FeatureCollection<Point>['features'] = [];
  for (let row = 0; row < count; row++) {
    if ((project.areaOf[row] ?? -1) < 0) continue;
    features.push({ type: 'Feature', properties: { c: category[row] ?? 0, q: hasQr[row] ?? 0 }, geometry: { type: 'Point', coordinates: [lon[row] ?? NaN, lat[row] ?? NaN] } });
  }
  return { type: 'FeatureCollection', features };
}

function extentOf(table: MerchantTable): [number, number, number, number] {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (let i = 0; i < table.count; i++) {
    const x = table.lon[i] ?? NaN, y = table.lat[i] ?? NaN;
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return [w, s, e, n];
}

/**
 * One table for the rows of all chunks. With one chunk it is that chunk's table; with several, the
 * numeric columns are concatenated and the string columns left empty (no later step reads them).
 */
export function mergeTables(tables: readonly MerchantTable[]): MerchantTable {
  const [first] = tables;
  if (!first) throw new Error('mergeTables: no table');
  if (tables.length === 1) return first;
  const empty: DictionaryColumn = { values: [], codes: new Int32Array(0) };
  const count = tables.reduce((s, t) => s + t.count, 0);
  const concat = <A extends Float64Array | Uint16Array | Uint8Array | Uint32Array>(make: (n: number) => A, pick: (t: MerchantTable) => A): A => {
    const out = make(count);
    let offset = 0;
    for (const t of tables) { out.set(pick(t), offset); offset += t.count; }
    return out;
  };
  return {
    ...first, // any column added to MerchantTable later keeps the first chunk's values (not read here)
    count,
    lon: concat((n) => new Float64Array(n), (t) => t.lon),
    lat: concat((n) => new Float64Array(n), (t) => t.lat),
    category: concat((n) => new Uint16Array(n), (t) => t.category),
    hasQr: concat((n) => new Uint8Array(n), (t) => t.hasQr),
    txCountMonth: concat((n) => new Uint32Array(n), (t) => t.txCountMonth),
    line: concat((n) => new Uint32Array(n), (t) => t.line),
    id: empty, name: empty, areaCode: empty, qrProvider: empty, marketId: empty, streetId: empty,
  };
}

export function benchManifest(categories: readonly CategoryDefinition[]): ProjectManifest {
  return {
    version: 1,
    title: 'bench',
    sample: true,
    areas: { url: 'areas.geojson', codeProperty: 'ward_code', nameProperty: 'ward_name', level: 'ward', adminSystem: '2025' },
    merchants: { url: 'merchants.csv', columns: MAPPING },
    categories,
    classification: { method: 'quantile', classes: 5 },
  };
}

/**
 * A real LoadedProject from `buildProject` on the areas and a one-row CSV: the fields the bench does
 * not replace (report, labels, streets, …) stay whatever the current code makes them.
 */
export function templateProject(areas: FeatureCollection<Polygon>): LoadedProject {
  const [first] = areas.features;
  const [lon = 0, lat = 0] = first?.geometry.coordinates[0]?.[0] ?? [];
  const csv = `${CSV_HEADER}\r\nM1,Tạp hóa,Thực phẩm,${lat},${lon},,1,VietQR,3\r\n`;
  return buildProject({ manifest: benchManifest(CATEGORIES), areasJson: areas, merchantsCsv: csv });
}

/** The template with this run's merchants, join and table: what refilter and the point layer read. */
export function benchProject(template: LoadedProject, areas: AreaSet, merchants: MerchantTable, areaOf: Int32Array, areaTable: GroupCategoryTable, categories: readonly CategoryDefinition[], pointIndex: PointIndex): LoadedProject {
  return { ...template, manifest: benchManifest(categories), categories, areas, merchants, areaOf, areaTable, pointIndex };
}

function concatInt32(parts: readonly Int32Array[]): Int32Array {
  const [first] = parts;
  if (parts.length === 1 && first) return first;
  const out = new Int32Array(parts.reduce((s, p) => s + p.length, 0));
  let offset = 0;
  for (const p of parts) { out.set(p, offset); offset += p.length; }
  return out;
}
