import { aggregateByGroupCategory, tableFromCells, type GroupCategoryTable } from '../aggregate/areaCategoryTable.ts';
import { buildPointIndex, type PointIndex } from '../aggregate/pointIndex.ts';
import { isAggregateTable, readAggregateCsv } from '../merchants/readAggregateCsv.ts';
import { emptyMerchantTable, type MerchantTable } from '../merchants/merchantTable.ts';
import type { AreaSet } from '../geo/area.ts';
import { areaLabelPositions } from '../geo/labelPoints.ts';
import { featuresOf } from '../geo/featureInput.ts';
import { readAreas } from '../geo/readAreas.ts';
import { readMarkets, readStreets, type Market, type Street } from '../geo/readSites.ts';
import { categoryId } from '../ids.ts';
import { buildAreaLocator, type AreaLocator } from '../join/areaLocator.ts';
import { joinMerchantsToAreas, type MerchantJoin } from '../join/joinMerchantsToAreas.ts';
import type { CategoryDefinition, ProjectManifest } from '../manifest/types.ts';
import type { DictionaryColumn } from '../merchants/columns.ts';
import { readMerchantsCsv, type MerchantReader } from '../merchants/readMerchantsCsv.ts';
import type { MerchantField } from '../merchants/resolveColumns.ts';
import type { DataFile, DataProblem, FileSummary } from '../report/problems.ts';
import type { TextEncodingName } from '../text/decodeText.ts';
import { csvHead, csvString, type CsvText } from '../text/csvText.ts';
import type { CategorySource } from '../merchants/categoryCells.ts';
import { collectCategoryValues } from '../merchants/categoriesFromData.ts';
import { mergeKnownCategories } from '../merchants/knownCategories.ts';

/** Category that collects merchants whose category is not in the project's list. */
export const OTHER_CATEGORY: CategoryDefinition = {
  id: categoryId('other'),
  label: { vi: 'Khác', en: 'Other' },
  color: '#8c8c8c',
};

/** The raw contents of a project's files, as read from disk or network. */
export interface ProjectInputs {
  readonly manifest: ProjectManifest;
  readonly areasJson: unknown;
  readonly merchantsCsv: CsvText;
  /** When set, the categories are made from the merchant file's values, these known ones keeping their labels and colours. */
  readonly categoriesFromData?: readonly CategoryDefinition[];
  readonly marketsJson?: unknown;
  readonly streetsJson?: unknown;
  readonly encodings?: Readonly<Partial<Record<DataFile, TextEncodingName>>>;
}

/** How a file was read: its text encoding and, for CSV, the delimiter found. */
export interface FileFormat {
  readonly encoding?: TextEncodingName;
  readonly delimiter?: string;
  /** A merchant list's rows: read in WebAssembly memory, or in JavaScript alone (not shown; the browser benchmark and tests check it). */
  readonly reader?: MerchantReader;
}

export interface JoinSummary {
  readonly matchedByLocation: number;
  readonly matchedByCode: number;
  readonly matchedByName: number;
  readonly unmatched: number;
}

/** What happened to every file: counts, and each row or feature not used or changed. */
export interface DataReport {
  readonly files: readonly FileSummary[];
  readonly problems: readonly DataProblem[];
  readonly join: JoinSummary;
  readonly formats: Readonly<Partial<Record<DataFile, FileFormat>>>;
  /** The merchant file's header and the column read for each field; absent for pre-aggregated tables. */
  readonly columns?: { readonly header: readonly string[]; readonly chosen: Partial<Record<MerchantField, string>> };
  /** The boundary file's property names, and those read as code and name. */
  readonly areaProperties: { readonly available: readonly string[]; readonly code: string; readonly name: string };
}

/** A project after parsing, joining and aggregating: everything a filter change needs. */
export interface LoadedProject {
  readonly manifest: ProjectManifest;
  /** The manifest's categories, plus "other" when some rows needed it. */
  readonly categories: readonly CategoryDefinition[];
  readonly areas: AreaSet;
  readonly merchants: MerchantTable;
  /** Area index per merchant row, -1 for none. */
  readonly areaOf: Int32Array;
  /** The merchant rows by map cell, so a view visits only the rows near it (absent in hand-made projects: every row is visited). */
  readonly pointIndex?: PointIndex;
  readonly areaTable: GroupCategoryTable;
  readonly markets: readonly Market[];
  /** Area index per market, -1 for none. */
  readonly marketArea: Int32Array;
  readonly streets: readonly Street[];
  /** Area index per street (at its middle vertex), -1 for none. */
  readonly streetArea: Int32Array;
  /** Merchants per street × category, for colouring streets by adoption. */
  readonly streetTable: GroupCategoryTable;
  /** False when the merchant file has no transactions column: QR use cannot be told from QR display. */
  readonly hasTransactions: boolean;
  /** Where each area's name is drawn: [lon, lat] per area. */
  readonly areaLabels: Float64Array;
  readonly report: DataReport;
}

/** Steps of `buildProject`, reported as they start so a progress bar can name them. */
export type BuildStage = 'areas' | 'merchants' | 'join' | 'aggregate';

/** Parses, validates, joins and aggregates a project's files; pure, so it runs in a worker or in Node. */
export function buildProject(inputs: ProjectInputs, onStage: (stage: BuildStage) => void = () => {}): LoadedProject {
  const { manifest } = inputs;
  onStage('areas');
  const areasResult = readAreas(inputs.areasJson, manifest.areas);
  onStage('merchants');
  const locator = buildAreaLocator(areasResult.areas);
  const categorySource: CategorySource = inputs.categoriesFromData ? { fromData: inputs.categoriesFromData } : manifest.categories;
  const merchantsInput = isAggregateTable(csvHead(inputs.merchantsCsv))
    ? aggregateInput(csvString(inputs.merchantsCsv), categorySource, areasResult)
    : merchantRowsInput(inputs.merchantsCsv, manifest, categorySource, areasResult, locator, onStage);
  const { categories, table, join, areaTable, merchantsResult } = merchantsInput;

  const marketsResult = manifest.markets && inputs.marketsJson !== undefined ? readMarkets(inputs.marketsJson, manifest.markets) : undefined;
  const streetsResult = manifest.streets && inputs.streetsJson !== undefined ? readStreets(inputs.streetsJson, manifest.streets) : undefined;
  const markets = marketsResult?.items ?? [];
  const streets = streetsResult?.items ?? [];
  const marketArea = Int32Array.from(markets, (m) => locator.locate(m.lon, m.lat));
  const streetArea = Int32Array.from(streets, (s) => {
    const middle = s.geometry.coordinates[Math.floor(s.geometry.coordinates.length / 2)] ?? [NaN, NaN];
    return locator.locate(middle[0] ?? NaN, middle[1] ?? NaN);
  });
  const streetOf = groupIndexOf(table.streetId, streets.map((s) => s.id));
  // A row rejected by the join (see below) is counted nowhere, not even on its street.
  for (let row = 0; row < streetOf.length; row++) if ((join.areaOf[row] ?? -1) < 0) streetOf[row] = -1;
  const streetTable = aggregateByGroupCategory(streetOf, streets.length, table.category, categories.length, table.hasQr, table.txCountMonth);

  const merchantSummary = merchantsResult.summary;
  const files: FileSummary[] = [areasResult.summary, merchantSummary];
  if (marketsResult) files.push(marketsResult.summary);
  if (streetsResult) files.push(streetsResult.summary);
  // In file order, then by line or feature, as a reader goes through the files.
  const problems = [
    ...areasResult.problems,
    ...sortByPlace([...merchantsResult.problems]),
    ...(marketsResult?.problems ?? []),
    ...(streetsResult?.problems ?? []),
  ];
  return {
    // With categories from the data, the manifest lists the ones made (so a rebuild from it gives the same).
    manifest: inputs.categoriesFromData ? { ...manifest, categories: categories.filter((c) => c !== OTHER_CATEGORY) } : manifest,
    categories,
    areas: { areas: areasResult.areas, indexByCode: areasResult.indexByCode },
    merchants: table,
    areaOf: join.areaOf,
    pointIndex: buildPointIndex(table.lon, table.lat, table.count),
    areaTable,
    markets,
    marketArea,
    streets,
    streetArea,
    streetTable,
    hasTransactions: merchantsResult.hasTransactions,
    areaLabels: areaLabelPositions(areasResult.areas, join.areaOf, table.lon, table.lat, (lon, lat) => locator.locate(lon, lat)),
    report: {
      files,
      problems,
      formats: {
        ...Object.fromEntries(Object.entries(inputs.encodings ?? {}).map(([file, encoding]) => [file, { encoding }])),
        merchants: {
          ...(inputs.encodings?.merchants ? { encoding: inputs.encodings.merchants } : {}),
          delimiter: merchantsResult.delimiter,
          ...(merchantsResult.reader ? { reader: merchantsResult.reader } : {}),
        },
      },
      ...(merchantsResult.columns ? { columns: merchantsResult.columns } : {}),
      areaProperties: { available: propertyNames(inputs.areasJson), code: manifest.areas.codeProperty, name: manifest.areas.nameProperty },
      join: { matchedByLocation: join.matchedByLocation, matchedByCode: join.matchedByCode, matchedByName: join.matchedByName, unmatched: join.unmatched },
    },
  };
}

function sortByPlace(problems: DataProblem[]): DataProblem[] {
  return problems.sort((a, b) => (a.line ?? a.feature ?? 0) - (b.line ?? b.feature ?? 0));
}

interface MerchantInput {
  readonly categories: readonly CategoryDefinition[];
  readonly table: MerchantTable;
  readonly join: MerchantJoin;
  readonly areaTable: GroupCategoryTable;
  /** Summary and problems of the merchants file, join included: rows = loaded + rejected. */
  readonly merchantsResult: {
    readonly summary: FileSummary;
    readonly problems: readonly DataProblem[];
    readonly delimiter: string;
    readonly reader?: MerchantReader;
    readonly hasTransactions: boolean;
    readonly columns?: { readonly header: readonly string[]; readonly chosen: Partial<Record<MerchantField, string>> };
  };
}

const withOther = (categories: readonly CategoryDefinition[], usesOther: boolean) => (usesOther ? [...categories, OTHER_CATEGORY] : categories);

/** A merchant list: one row per merchant, joined to areas by location, code or name. */
function merchantRowsInput(csv: CsvText, manifest: ProjectManifest, categorySource: CategorySource, areas: AreaSet, locator: AreaLocator, onStage: (stage: BuildStage) => void): MerchantInput {
  const result = readMerchantsCsv(typeof csv === 'string' ? csv : csv.utf8, manifest.merchants.columns, categorySource);
  const categories = withOther(result.categories, result.usesOtherCategory);
  onStage('join');
  const table = result.table;
  const join = joinMerchantsToAreas(table, areas, locator);
  onStage('aggregate');
  const areaTable = aggregateByGroupCategory(join.areaOf, areas.areas.length, table.category, categories.length, table.hasQr, table.txCountMonth);
  return {
    categories,
    table,
    join,
    areaTable,
    merchantsResult: {
      // A row rejected by the join is rejected from the merchants file.
      summary: { ...result.summary, loaded: result.summary.loaded - join.unmatched, rejected: result.summary.rejected + join.unmatched },
      problems: [...result.problems, ...join.problems],
      delimiter: result.delimiter,
      reader: result.reader,
      hasTransactions: result.hasTransactions,
      columns: { header: result.header, chosen: result.columns },
    },
  };
}

/** A pre-aggregated table: counts per area × category, taken as they are. */
function aggregateInput(text: string, categorySource: CategorySource, areas: AreaSet): MerchantInput {
  // A table of counts is small: its categories are listed in a pass of their own.
  const known = 'fromData' in categorySource ? mergeKnownCategories(collectCategoryValues(text, {}), categorySource.fromData) : (categorySource as readonly CategoryDefinition[]);
  const result = readAggregateCsv(text, known, areas);
  const categories = withOther(known, result.usesOtherCategory);
  return {
    categories,
    table: emptyMerchantTable(),
    join: { areaOf: new Int32Array(0), matchedByLocation: 0, matchedByCode: result.cells.length, matchedByName: 0, unmatched: 0, problems: [] },
    areaTable: tableFromCells(result.cells, areas.areas.length, categories.length),
    merchantsResult: { summary: result.summary, problems: result.problems, delimiter: result.delimiter, hasTransactions: result.hasActive },
  };
}

/** Property names of the first features of a GeoJSON file, in order of first appearance. */
function propertyNames(json: unknown): string[] {
  const names = new Set<string>();
  for (const feature of featuresOf(json, 'areas').features.slice(0, 200)) {
    const properties = feature.properties;
    if (properties !== null && typeof properties === 'object' && !Array.isArray(properties)) for (const key of Object.keys(properties)) names.add(key);
  }
  return [...names];
}

/** Index into `ids` of each row's value in a dictionary column, -1 when absent or unknown. */
function groupIndexOf(column: DictionaryColumn, ids: readonly string[]): Int32Array {
  const position = new Map(ids.map((id, index) => [id, index]));
  const byCode = column.values.map((value) => position.get(value) ?? -1);
  return Int32Array.from(column.codes, (code) => (code < 0 ? -1 : (byCode[code] ?? -1)));
}
