import type { DataFile, DataProblem } from '../report/problems.ts';

/** A feature from an untrusted file: only its own `geometry` and `properties` are ever read. */
export interface FeatureInput {
  readonly geometry: unknown;
  readonly properties: unknown;
}

/** Own property of an untrusted object, never one inherited from its prototype (e.g. `__proto__`). */
export function ownProperty(value: unknown, key: string): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

/** A property as trimmed NFC text (numbers are written as they are), or undefined when empty. */
export function propertyText(feature: FeatureInput, key: string): string | undefined {
  const value = ownProperty(feature.properties, key);
  if (typeof value === 'string') {
    const text = value.trim().normalize('NFC');
    return text === '' ? undefined : text;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** The GeoJSON geometry types (RFC 7946 §3.1), spelled as the standard spells them. */
export const GEOMETRY_TYPES: readonly string[] = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection'];

const isObject = (value: unknown): value is object => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A short, bounded rendering of an untrusted value for a problem's detail (never the whole of a large array). */
export function showValue(value: unknown, room = 60): string {
  const text = render(value, 3);
  return text.length > room ? `${text.slice(0, room - 1)}…` : text;
}

function render(value: unknown, depth: number): string {
  if (Array.isArray(value)) {
    if (depth === 0) return '[…]';
    const shown = value.slice(0, 4).map((item: unknown) => render(item, depth - 1));
    return `[${shown.join(', ')}${value.length > 4 ? ', …' : ''}]`;
  }
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (isObject(value)) {
    const type = ownProperty(value, 'type');
    return typeof type === 'string' ? `{"type": ${JSON.stringify(type)}, …}` : Object.keys(value).length === 0 ? '{}' : '{…}';
  }
  return String(value);
}

/** Members that belong to other GeoJSON object types: ignored where they appear, and reported. */
const FOREIGN_MEMBERS = {
  FeatureCollection: ['geometry', 'properties', 'coordinates', 'geometries'],
  Feature: ['features', 'coordinates', 'geometries'],
  GeometryCollection: ['features', 'geometry', 'properties', 'coordinates'],
  Geometry: ['features', 'geometry', 'properties', 'geometries'],
} as const;

function foreignMembers(value: unknown, kind: keyof typeof FOREIGN_MEMBERS): string | undefined {
  const found = FOREIGN_MEMBERS[kind].filter((key) => ownProperty(value, key) !== undefined);
  return found.length > 0 ? found.join(', ') : undefined;
}

/** A `bbox` member that is not 4 or 6 finite numbers, shown as text; undefined when absent or valid. */
function badBbox(value: unknown): string | undefined {
  const bbox = ownProperty(value, 'bbox');
  if (bbox === undefined) return undefined;
  if (Array.isArray(bbox) && (bbox.length === 4 || bbox.length === 6) && bbox.every((n: unknown) => typeof n === 'number' && Number.isFinite(n))) return undefined;
  return showValue(bbox);
}

/** What a top-level value is, for the detail of a 'geojson-invalid' problem. */
function describeTop(json: unknown): string {
  if (json === null) return 'null';
  if (Array.isArray(json)) return 'array';
  if (!isObject(json)) return typeof json === 'string' ? 'text' : typeof json;
  const type = ownProperty(json, 'type');
  if (type === undefined) return 'an object without "type"';
  if (type === 'FeatureCollection') return 'FeatureCollection without a "features" list';
  return `"type": ${showValue(type)}`;
}

export interface FeaturesResult {
  /** One entry per row of the file, in file order (a wrapped bare Feature or geometry is one row). */
  readonly features: FeatureInput[];
  /** Set when the file holds no GeoJSON features at all (the file cannot be read). */
  readonly problem?: DataProblem;
  /**
   * Everything else found while reading the rows: a wrapped top level, members that are ignored, and
   * entries that are not features (these are 'rejected', with their index; the readers skip them).
   */
  readonly notes: readonly DataProblem[];
}

/**
 * The features of a GeoJSON file. A FeatureCollection is read as it is; a bare Feature, a bare
 * geometry or an array of features is wrapped and reported ('geojson-wrapped'); anything else is
 * reported as 'geojson-invalid' with what was found.
 */
export function featuresOf(json: unknown, file: DataFile): FeaturesResult {
  const notes: DataProblem[] = [];
  const note = (code: DataProblem['code'], detail: string, feature?: number, severity: DataProblem['severity'] = 'changed') =>
    notes.push({ file, code, severity, ...(feature !== undefined ? { feature } : {}), detail });
  const type = ownProperty(json, 'type');
  let entries: readonly unknown[];
  if (Array.isArray(json)) {
    note('geojson-wrapped', 'array');
    entries = json;
  } else if (type === 'FeatureCollection' && Array.isArray(ownProperty(json, 'features'))) {
    entries = ownProperty(json, 'features') as unknown[];
    const foreign = foreignMembers(json, 'FeatureCollection');
    if (foreign) note('geojson-ignored-members', foreign);
    const bbox = badBbox(json);
    if (bbox) note('geojson-bad-bbox', bbox);
  } else if (type === 'Feature') {
    note('geojson-wrapped', 'Feature');
    entries = [json];
  } else if (typeof type === 'string' && GEOMETRY_TYPES.includes(type)) {
    note('geojson-wrapped', 'Geometry');
    entries = [{ type: 'Feature', properties: null, geometry: json }];
  } else {
    return { features: [], problem: { file, code: 'geojson-invalid', severity: 'rejected', detail: describeTop(json) }, notes: [] };
  }
  const features = entries.map((entry, index): FeatureInput => {
    if (!isObject(entry)) {
      note('feature-not-object', showValue(entry), index, 'rejected');
      return { geometry: null, properties: null };
    }
    const entryType = ownProperty(entry, 'type');
    // A geometry where a feature was expected: read as a feature without properties.
    const bareGeometry = typeof entryType === 'string' && GEOMETRY_TYPES.includes(entryType) && ownProperty(entry, 'geometry') === undefined;
    if (entryType !== 'Feature') note('feature-wrong-type', entryType === undefined ? 'no "type"' : showValue(entryType), index);
    if (bareGeometry) return { geometry: entry, properties: null };
    const foreign = foreignMembers(entry, 'Feature');
    if (foreign) note('geojson-ignored-members', foreign, index);
    const id = ownProperty(entry, 'id');
    if (id !== undefined && typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id))) note('feature-bad-id', showValue(id), index);
    let properties = ownProperty(entry, 'properties') ?? null;
    if (properties !== null && !isObject(properties)) {
      note('feature-bad-properties', showValue(properties), index);
      properties = null;
    }
    const geometry = ownProperty(entry, 'geometry') ?? null;
    const bbox = badBbox(entry) ?? badBbox(geometry);
    if (bbox) note('geojson-bad-bbox', bbox, index);
    const geometryType = ownProperty(geometry, 'type');
    const foreignInGeometry = foreignMembers(geometry, geometryType === 'GeometryCollection' ? 'GeometryCollection' : 'Geometry');
    if (foreignInGeometry) note('geojson-ignored-members', `geometry: ${foreignInGeometry}`, index);
    return { geometry, properties };
  });
  return { features, notes };
}

/** Indices of the rows already rejected by `featuresOf` (entries that are not features). */
export function rejectedRows(notes: readonly DataProblem[]): ReadonlySet<number> {
  return new Set(notes.flatMap((p) => (p.severity === 'rejected' && p.feature !== undefined ? [p.feature] : [])));
}

/** File-level problems first, then by feature index, keeping the order of problems of one feature. */
export function inFeatureOrder(problems: readonly DataProblem[]): DataProblem[] {
  return problems
    .map((problem, order) => ({ problem, order }))
    .sort((a, b) => (a.problem.feature ?? -1) - (b.problem.feature ?? -1) || a.order - b.order)
    .map((entry) => entry.problem);
}
