import { aggregateByGroupCategory, type GroupCategoryTable } from '../aggregate/areaCategoryTable.ts';
import type { AreaSet } from '../geo/area.ts';
import { areaLabelPositions } from '../geo/labelPoints.ts';
import { readAreas } from '../geo/readAreas.ts';
import { readMarkets, readStreets, type Market, type Street } from '../geo/readSites.ts';
import { categoryId } from '../ids.ts';
import { buildAreaLocator } from '../join/areaLocator.ts';
import { joinMerchantsToAreas } from '../join/joinMerchantsToAreas.ts';
import type { CategoryDefinition, ProjectManifest } from '../manifest/types.ts';
import type { DictionaryColumn } from '../merchants/columns.ts';
import type { MerchantTable } from '../merchants/merchantTable.ts';
import { readMerchantsCsv } from '../merchants/readMerchantsCsv.ts';
import type { DataFile, DataProblem, FileSummary } from '../report/problems.ts';
import type { TextEncodingName } from '../text/decodeText.ts';

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
  readonly merchantsCsv: string;
  readonly marketsJson?: unknown;
  readonly streetsJson?: unknown;
  readonly encodings?: Readonly<Partial<Record<DataFile, TextEncodingName>>>;
}

/** How a file was read: its text encoding and, for CSV, the delimiter found. */
export interface FileFormat {
  readonly encoding?: TextEncodingName;
  readonly delimiter?: string;
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
  const merchantsResult = readMerchantsCsv(inputs.merchantsCsv, manifest.merchants.columns, manifest.categories);
  const categories = merchantsResult.usesOtherCategory ? [...manifest.categories, OTHER_CATEGORY] : manifest.categories;
  onStage('join');
  const locator = buildAreaLocator(areasResult.areas);
  const table = merchantsResult.table;
  const join = joinMerchantsToAreas(table, areasResult, locator);
  onStage('aggregate');
  const areaTable = aggregateByGroupCategory(join.areaOf, areasResult.areas.length, table.category, categories.length, table.hasQr, table.txCountMonth);

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

  // A row rejected by the join is rejected from the merchants file: rows = loaded + rejected.
  const merchantSummary: FileSummary = {
    ...merchantsResult.summary,
    loaded: merchantsResult.summary.loaded - join.unmatched,
    rejected: merchantsResult.summary.rejected + join.unmatched,
  };
  const files: FileSummary[] = [areasResult.summary, merchantSummary];
  if (marketsResult) files.push(marketsResult.summary);
  if (streetsResult) files.push(streetsResult.summary);
  // In file order, then by line or feature, as a reader goes through the files.
  const problems = [
    ...areasResult.problems,
    ...sortByPlace([...merchantsResult.problems, ...join.problems]),
    ...(marketsResult?.problems ?? []),
    ...(streetsResult?.problems ?? []),
  ];
  return {
    manifest,
    categories,
    areas: { areas: areasResult.areas, indexByCode: areasResult.indexByCode },
    merchants: table,
    areaOf: join.areaOf,
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
        merchants: { ...(inputs.encodings?.merchants ? { encoding: inputs.encodings.merchants } : {}), delimiter: merchantsResult.delimiter },
      },
      join: { matchedByLocation: join.matchedByLocation, matchedByCode: join.matchedByCode, matchedByName: join.matchedByName, unmatched: join.unmatched },
    },
  };
}

function sortByPlace(problems: DataProblem[]): DataProblem[] {
  return problems.sort((a, b) => (a.line ?? a.feature ?? 0) - (b.line ?? b.feature ?? 0));
}

/** Index into `ids` of each row's value in a dictionary column, -1 when absent or unknown. */
function groupIndexOf(column: DictionaryColumn, ids: readonly string[]): Int32Array {
  const position = new Map(ids.map((id, index) => [id, index]));
  const byCode = column.values.map((value) => position.get(value) ?? -1);
  return Int32Array.from(column.codes, (code) => (code < 0 ? -1 : (byCode[code] ?? -1)));
}
