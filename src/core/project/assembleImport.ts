import { guessAreaProperties } from '../geo/guessAreaProperties.ts';
import { featuresOf } from '../geo/featureInput.ts';
import { geoJsonKind } from '../geo/featureKind.ts';
import { isMarketsCsv, marketsCsvToGeoJson } from '../geo/marketsFromCsv.ts';
import type { CategoryDefinition, FeatureSource, ProjectManifest } from '../manifest/types.ts';
import type { DataFile } from '../report/problems.ts';
import { knownCategoriesOf } from '../merchants/knownCategories.ts';

export { knownCategoriesOf } from '../merchants/knownCategories.ts';
import type { TextEncodingName } from '../text/decodeText.ts';
import { csvHead, csvString, type CsvText } from '../text/csvText.ts';
import { looksLikeHtml, parseJsonFile, ProjectFileError, type ProjectTexts } from './parseProjectTexts.ts';

/** A file the user brought, decoded to text (a UTF-8 CSV may stay bytes: see `decodeDataFile`). */
export interface NamedText {
  readonly name: string;
  readonly text: CsvText;
  /** How the file's bytes were decoded. */
  readonly encoding?: TextEncodingName;
}

export const FILE_ROLES = ['areas', 'merchants', 'markets', 'streets'] as const;
export type FileRole = (typeof FILE_ROLES)[number];

export type ImportFailure = 'no-areas' | 'no-merchants' | 'not-geojson' | 'html' | 'json' | 'same-role' | 'no-area-code' | 'binary' | 'legacy-encoding' | 'unreadable';

/** Why a set of files cannot make a project. */
export class ImportError extends Error {
  constructor(
    readonly reason: ImportFailure,
    readonly fileName?: string,
    readonly position?: { readonly line: number; readonly column: number },
    /** What the file was found to be instead, e.g. 'xlsx'. */
    readonly detail?: string,
  ) {
    super(`${reason}${fileName ? `: ${fileName}` : ''}`);
    this.name = 'ImportError';
  }
}

/** What a file is: a CSV merchant list, or GeoJSON areas, markets or streets by its geometries. */
export function roleOf(file: NamedText): FileRole {
  const head = csvHead(file.text);
  const start = head.replace(/^\uFEFF/, '').trimStart();
  if (looksLikeHtml(start)) throw new ImportError('html', file.name);
  if (!start.startsWith('{') && !start.startsWith('[')) return isMarketsCsv(head) ? 'markets' : 'merchants';
  let json: unknown;
  try {
    json = parseJsonFile(csvString(file.text), 'areas');
  } catch (error) {
    throw new ImportError('json', file.name, error instanceof ProjectFileError ? error.position : undefined);
  }
  const kind = geoJsonKind(featuresOf(json, 'areas').features);
  if (!kind) throw new ImportError('not-geojson', file.name);
  return kind;
}

const SITE_ID_KEYS = ['market_id', 'street_id', 'id', 'code', 'ma', 'mã'];
const SITE_NAME_KEYS = ['name', 'ten', 'tên', 'ten_cho', 'tên chợ', 'ten_duong'];

/** Id and name properties of markets or streets: the first known key that the features carry. */
function siteSource(name: string, text: string): FeatureSource {
  const first = featuresOf(parseJsonFile(text, 'markets'), 'markets').features[0]?.properties;
  const keys = first && typeof first === 'object' ? Object.keys(first) : [];
  const find = (candidates: readonly string[]) => keys.find((k) => candidates.includes(k.toLowerCase())) ?? candidates[0] ?? 'id';
  return { url: name, idProperty: find(SITE_ID_KEYS), nameProperty: find(SITE_NAME_KEYS) };
}

/** What a partial import completes: the manifest on screen and the texts of the roles it needs (see `rolesFromBase`). */
export interface ImportBase {
  readonly manifest: ProjectManifest;
  readonly knownCategories?: readonly CategoryDefinition[];
  readonly encodings?: Readonly<Partial<Record<DataFile, TextEncodingName>>>;
  readonly areas?: string;
  readonly merchants?: CsvText;
  readonly markets?: string;
  readonly streets?: string;
}

/** The project with its categories taken again from the merchant file's category column; known ones keep labels and colours. */
export function withCategoriesFromData(texts: ProjectTexts): ProjectTexts {
  return { ...texts, categoriesFromData: true };
}

/** Markets listed in a CSV as GeoJSON points, checked by the same reader as a markets file; GeoJSON as it is. */
export function marketsAsGeoJson(text: string): string {
  return isMarketsCsv(text) ? marketsCsvToGeoJson(text) : text;
}

const stem = (name: string) => name.replace(/\.[^.]+$/, '');

/** The role of each file brought; two files of one role are refused. */
export function recogniseFiles<F extends NamedText>(files: readonly F[]): ReadonlyMap<FileRole, F> {
  const byRole = new Map<FileRole, F>();
  for (const file of files) {
    const role = roleOf(file);
    if (byRole.has(role)) throw new ImportError('same-role', file.name);
    byRole.set(role, file);
  }
  return byRole;
}

/** The roles a base must supply when `brought` are given: markets and streets only go with the boundaries they lie on. */
export function rolesFromBase(brought: ReadonlyMap<FileRole, unknown>): FileRole[] {
  const keepsAreas = !brought.has('areas');
  return FILE_ROLES.filter((role) => !brought.has(role) && (keepsAreas || role === 'merchants'));
}

/**
 * Makes a project of the files a user brought. A file of a kind not given is taken from `base`
 * (so a new merchant list is shown over the current boundaries); categories the data shares with
 * `base` keep their labels and colours.
 */
export function assembleImport(files: readonly NamedText[], base: ImportBase | null): ProjectTexts {
  return assembleRecognised(recogniseFiles(files), base);
}

/** `assembleImport` of files whose roles are known; `base` needs the texts of `rolesFromBase` only. */
export function assembleRecognised(byRole: ReadonlyMap<FileRole, NamedText>, base: ImportBase | null): ProjectTexts {
  const areas = byRole.get('areas');
  const merchants = byRole.get('merchants');
  if (!areas && base?.areas === undefined) throw new ImportError('no-areas');
  if (!merchants && base?.merchants === undefined) throw new ImportError('no-merchants');
  const areasText = areas ? csvString(areas.text) : (base?.areas ?? '');
  const merchantsText = merchants?.text ?? base?.merchants ?? '';
  const known = knownCategoriesOf(base);

  let areasSource = base?.manifest.areas;
  if (areas || !areasSource) {
    const guess = guessAreaProperties(featuresOf(parseJsonFile(areasText, 'areas'), 'areas').features);
    if (!guess.codeProperty) throw new ImportError('no-area-code', areas?.name);
    areasSource = {
      url: areas?.name ?? 'areas.geojson',
      codeProperty: guess.codeProperty,
      nameProperty: guess.nameProperty ?? guess.codeProperty,
      level: 'ward',
      adminSystem: 'unknown',
    };
  }
  const markets = byRole.get('markets');
  const streets = byRole.get('streets');
  const marketsText = markets ? marketsAsGeoJson(csvString(markets.text)) : areas ? undefined : base?.markets;
  const streetsText = streets ? csvString(streets.text) : areas ? undefined : base?.streets;
  const manifest: ProjectManifest = {
    version: 1,
    title: stem(areas?.name ?? merchants?.name ?? 'data'),
    sample: false,
    areas: areasSource,
    merchants: { url: merchants?.name ?? base?.manifest.merchants.url ?? 'merchants.csv', columns: merchants ? {} : (base?.manifest.merchants.columns ?? {}) },
    // Made from the merchant file's category column as it is read (see `categoriesFromData`).
    categories: [],
    classification: base?.manifest.classification ?? { method: 'quantile', classes: 5 },
    ...(marketsText !== undefined ? { markets: markets ? siteSource(markets.name, marketsText) : (base?.manifest.markets ?? siteSource('markets', marketsText)) } : {}),
    ...(streetsText !== undefined ? { streets: streets ? siteSource(streets.name, streetsText) : (base?.manifest.streets ?? siteSource('streets', streetsText)) } : {}),
  };
  const texts = { areas: areasText, merchants: merchantsText, markets: marketsText, streets: streetsText };
  // A file taken from the base keeps the encoding it was read with, so the report still names it.
  const encodings: Partial<Record<FileRole, TextEncodingName>> = {};
  for (const role of FILE_ROLES) {
    const encoding = byRole.has(role) ? byRole.get(role)?.encoding : texts[role] !== undefined ? base?.encodings?.[role] : undefined;
    if (encoding) encodings[role] = encoding;
  }
  return {
    manifest,
    categoriesFromData: true,
    knownCategories: known,
    encodings,
    areas: areasText,
    merchants: merchantsText,
    ...(marketsText !== undefined ? { markets: marketsText } : {}),
    ...(streetsText !== undefined ? { streets: streetsText } : {}),
  };
}
