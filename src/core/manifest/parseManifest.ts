import { categoryId } from '../ids.ts';
import { ownProperty } from '../geo/featureInput.ts';
import type {
  AreasSource, CategoryDefinition, ClassificationMethod, FeatureSource, LocalisedText, MerchantColumns, ProjectManifest,
} from './types.ts';

export class ManifestError extends Error {
  constructor(readonly field: string) {
    super(`Invalid project manifest: ${field}`);
    this.name = 'ManifestError';
  }
}

const METHODS: readonly ClassificationMethod[] = ['quantile', 'equal-interval', 'jenks'];
const LEVELS: readonly AreasSource['level'][] = ['province', 'district', 'ward'];
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new ManifestError(field);
  return value.trim().normalize('NFC');
}

function optionalText(value: unknown, field: string): string | undefined {
  return value === undefined ? undefined : text(value, field);
}

function localised(value: unknown, field: string): LocalisedText {
  if (typeof value === 'string') return text(value, field);
  return { vi: text(ownProperty(value, 'vi'), `${field}.vi`), en: text(ownProperty(value, 'en'), `${field}.en`) };
}

/** A URL of the manifest resolved against the manifest's own address. */
function url(value: unknown, field: string, base: string): string {
  return new URL(text(value, field), base).href;
}

function featureSource(value: unknown, field: string, base: string): FeatureSource | undefined {
  if (value === undefined) return undefined;
  return {
    url: url(ownProperty(value, 'url'), `${field}.url`, base),
    idProperty: text(ownProperty(value, 'idProperty'), `${field}.idProperty`),
    nameProperty: text(ownProperty(value, 'nameProperty'), `${field}.nameProperty`),
  };
}

const COLUMN_KEYS: readonly (keyof MerchantColumns)[] = [
  'id', 'name', 'category', 'lat', 'lon', 'hasQr', 'areaCode', 'areaName', 'qrProvider', 'marketId', 'streetId', 'txCountMonth',
];

function columns(value: unknown): Partial<MerchantColumns> {
  const result: Partial<Record<keyof MerchantColumns, string>> = {};
  for (const key of COLUMN_KEYS) {
    const named = optionalText(ownProperty(value, key), `merchants.columns.${key}`);
    if (named !== undefined) result[key] = named;
  }
  return result;
}

function category(value: unknown, index: number): CategoryDefinition {
  const field = `categories[${index}]`;
  const color = text(ownProperty(value, 'color'), `${field}.color`);
  if (!HEX_COLOR.test(color)) throw new ManifestError(`${field}.color`);
  const label = ownProperty(value, 'label');
  return {
    id: categoryId(text(ownProperty(value, 'id'), `${field}.id`)),
    label: { vi: text(ownProperty(label, 'vi'), `${field}.label.vi`), en: text(ownProperty(label, 'en'), `${field}.label.en`) },
    color,
  };
}

/**
 * Validates an untrusted project manifest, reading only known keys (nothing from the file is
 * merged into our objects), and resolves its file URLs against `baseUrl`.
 */
export function parseManifest(json: unknown, baseUrl: string): ProjectManifest {
  if (ownProperty(json, 'version') !== 1) throw new ManifestError('version');
  const areas = ownProperty(json, 'areas');
  const level = ownProperty(areas, 'level') ?? 'ward';
  if (!LEVELS.includes(level as AreasSource['level'])) throw new ManifestError('areas.level');
  const merchants = ownProperty(json, 'merchants');
  const rawCategories = ownProperty(json, 'categories');
  if (!Array.isArray(rawCategories) || rawCategories.length === 0 || rawCategories.length > 200) throw new ManifestError('categories');
  const categories = rawCategories.map(category);
  if (new Set(categories.map((c) => c.id)).size !== categories.length) throw new ManifestError('categories (duplicate id)');
  const classification = ownProperty(json, 'classification');
  const method = ownProperty(classification, 'method') ?? 'quantile';
  if (!METHODS.includes(method as ClassificationMethod)) throw new ManifestError('classification.method');
  const classes = ownProperty(classification, 'classes') ?? 5;
  if (typeof classes !== 'number' || !Number.isInteger(classes) || classes < 2 || classes > 9) throw new ManifestError('classification.classes');
  const markets = featureSource(ownProperty(json, 'markets'), 'markets', baseUrl);
  const streets = featureSource(ownProperty(json, 'streets'), 'streets', baseUrl);
  return {
    version: 1,
    title: localised(ownProperty(json, 'title'), 'title'),
    sample: ownProperty(json, 'sample') === true,
    areas: {
      url: url(ownProperty(areas, 'url'), 'areas.url', baseUrl),
      codeProperty: text(ownProperty(areas, 'codeProperty'), 'areas.codeProperty'),
      nameProperty: text(ownProperty(areas, 'nameProperty'), 'areas.nameProperty'),
      level: level as AreasSource['level'],
      adminSystem: optionalText(ownProperty(areas, 'adminSystem'), 'areas.adminSystem') ?? 'unknown',
    },
    merchants: {
      url: url(ownProperty(merchants, 'url'), 'merchants.url', baseUrl),
      columns: columns(ownProperty(merchants, "columns")),
    },
    categories,
    classification: { method: method as ClassificationMethod, classes },
    ...(markets ? { markets } : {}),
    ...(streets ? { streets } : {}),
  };
}
