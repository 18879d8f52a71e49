import type { LineString, Position } from 'geojson';
import type { FeatureSource } from '../manifest/types.ts';
import type { DataFile, DataProblem, FileSummary } from '../report/problems.ts';
import { featuresOf, inFeatureOrder, ownProperty, propertyText, rejectedRows, showValue, type FeatureInput } from './featureInput.ts';
import { GeometryFault, geometryParts, LINES, outOfRange, positionOutOfRange, POINTS, type GeometryNote } from './geometryInput.ts';

/** Certification of a cashless market or street. */
export type CashlessStatus = 'certified' | 'in_progress' | 'not_started' | 'unknown';

export interface Market {
  readonly id: string;
  readonly name: string;
  readonly lon: number;
  readonly lat: number;
  readonly status: CashlessStatus;
  readonly grade?: number;
  readonly stallsTotal?: number;
  readonly stallsQr?: number;
  readonly featureIndex: number;
}

export interface Street {
  readonly id: string;
  readonly name: string;
  readonly geometry: LineString;
  readonly status: CashlessStatus;
  readonly lengthM?: number;
  readonly featureIndex: number;
}

export interface SitesResult<T> {
  readonly items: readonly T[];
  readonly problems: readonly DataProblem[];
  readonly summary: FileSummary;
}

const STATUSES: readonly CashlessStatus[] = ['certified', 'in_progress', 'not_started'];

function statusOf(feature: FeatureInput): CashlessStatus {
  const text = propertyText(feature, 'status');
  return STATUSES.find((s) => s === text) ?? 'unknown';
}

function count(feature: FeatureInput, key: string): number | undefined {
  const value = ownProperty(feature.properties, key);
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** A geometry as one item's shape, with the changes made to read it. */
interface Shape<G> {
  readonly value: G;
  readonly notes: readonly GeometryNote[];
}

/**
 * Reads the features of a markets or streets file. Each feature's geometry is checked first, then
 * its id; a feature not used is reported with its index, its id when it has one, and the reason.
 */
function readSites<G, T>(
  json: unknown,
  file: DataFile,
  source: FeatureSource,
  shapeOf: (geometry: unknown) => Shape<G> | GeometryFault,
  build: (feature: FeatureInput, shape: G, id: string, name: string, featureIndex: number) => T,
): SitesResult<T> {
  const problems: DataProblem[] = [];
  const { features, problem, notes } = featuresOf(json, file);
  if (problem) problems.push(problem);
  problems.push(...notes);
  const skip = rejectedRows(notes);
  const items: T[] = [];
  const seen = new Set<string>();
  features.forEach((feature, featureIndex) => {
    if (skip.has(featureIndex)) return;
    const id = propertyText(feature, source.idProperty);
    const reject = (code: DataProblem['code'], detail: string | undefined) => {
      const text = [id, detail].filter((part) => part !== undefined).join(': ');
      problems.push({ file, code, severity: 'rejected', feature: featureIndex, ...(text ? { detail: text } : {}) });
    };
    const shape = shapeOf(feature.geometry);
    if (shape instanceof GeometryFault) return reject(shape.code, shape.detail);
    if (id === undefined) return reject('feature-missing-code', source.idProperty);
    if (seen.has(id)) return reject('feature-duplicate-code', undefined);
    seen.add(id);
    for (const note of shape.notes) problems.push({ file, code: note.code, severity: 'changed', feature: featureIndex, detail: `${id}: ${note.detail}` });
    items.push(build(feature, shape.value, id, propertyText(feature, source.nameProperty) ?? id, featureIndex));
  });
  const rejected = problems.filter((p) => p.severity === 'rejected' && p.feature !== undefined).length;
  return { items, problems: inFeatureOrder(problems), summary: { file, rows: features.length, loaded: items.length, rejected } };
}

const key = (position: Position) => `${position[0] ?? NaN},${position[1] ?? NaN}`;

/**
 * A market's location: a Point, or a MultiPoint or GeometryCollection whose points are all the same
 * place (reported). Several places are rejected: a market is one point.
 */
function marketShape(geometry: unknown): Shape<Position> | GeometryFault {
  const read = geometryParts(geometry, POINTS);
  if (read instanceof GeometryFault) return read;
  const outside = positionOutOfRange(read.parts);
  if (outside) return outOfRange(outside);
  const places = new Set(read.parts.map(key));
  const at = read.parts[0];
  if (!at) return new GeometryFault('feature-no-coordinates');
  if (places.size > 1) return new GeometryFault('feature-multi-part', `${places.size} separate points`);
  const notes = read.source === 'multi' ? [...read.notes, { code: 'feature-multi-part-joined' as const, detail: `${read.parts.length} × ${showValue(at)}` }] : read.notes;
  return { value: at, notes };
}

/**
 * A street's line: a LineString, or a MultiLineString or GeometryCollection whose lines join end to
 * end in order (joined and reported). Lines that do not join are rejected: a street is one line.
 */
function streetShape(geometry: unknown): Shape<Position[]> | GeometryFault {
  const read = geometryParts(geometry, LINES);
  if (read instanceof GeometryFault) return read;
  for (const line of read.parts) {
    const outside = positionOutOfRange(line);
    if (outside) return outOfRange(outside);
  }
  const [first, ...rest] = read.parts;
  if (!first) return new GeometryFault('feature-no-coordinates');
  const joined = [...first];
  for (const line of rest) {
    const end = joined[joined.length - 1];
    const start = line[0];
    if (!end || !start || key(end) !== key(start)) return new GeometryFault('feature-multi-part', `${read.parts.length} lines that do not join end to end`);
    joined.push(...line.slice(1));
  }
  const notes = read.source === 'multi' ? [...read.notes, { code: 'feature-multi-part-joined' as const, detail: `${read.parts.length} lines` }] : read.notes;
  return { value: joined, notes };
}

/** Reads cashless markets (GeoJSON points). */
export function readMarkets(json: unknown, source: FeatureSource): SitesResult<Market> {
  return readSites<Position, Market>(json, 'markets', source, marketShape, (feature, at, id, name, featureIndex) => {
    const grade = count(feature, 'grade');
    const stallsTotal = count(feature, 'stalls_total');
    const stallsQr = count(feature, 'stalls_qr');
    return {
      id, name, lon: at[0] ?? NaN, lat: at[1] ?? NaN, status: statusOf(feature), featureIndex,
      ...(grade !== undefined ? { grade } : {}),
      ...(stallsTotal !== undefined ? { stallsTotal } : {}),
      ...(stallsQr !== undefined ? { stallsQr } : {}),
    };
  });
}

/** Reads cashless business streets (GeoJSON lines). */
export function readStreets(json: unknown, source: FeatureSource): SitesResult<Street> {
  return readSites<Position[], Street>(json, 'streets', source, streetShape, (feature, coordinates, id, name, featureIndex) => {
    const lengthM = count(feature, 'length_m');
    return {
      id, name, geometry: { type: 'LineString', coordinates }, status: statusOf(feature), featureIndex,
      ...(lengthM !== undefined ? { lengthM } : {}),
    };
  });
}
