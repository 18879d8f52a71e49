import type { LineString, Position } from 'geojson';
import type { FeatureSource } from '../manifest/types.ts';
import type { DataFile, DataProblem, FileSummary } from '../report/problems.ts';
import { featuresOf, ownProperty, propertyText, type FeatureInput } from './featureInput.ts';

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

/** Why a feature is not used; a class so it can never be confused with a parsed item. */
class Rejection {
  constructor(readonly code: DataProblem['code']) {}
}
const reject = (code: DataProblem['code']) => new Rejection(code);

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

function position(value: unknown): Position | null {
  if (!Array.isArray(value) || value.length < 2) return null;
  const [lon, lat] = value as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) return null;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return [lon, lat];
}

function readSites<T>(
  json: unknown,
  file: DataFile,
  source: FeatureSource,
  build: (feature: FeatureInput, id: string, name: string, featureIndex: number) => T | Rejection,
): SitesResult<T> {
  const problems: DataProblem[] = [];
  const { features, problem } = featuresOf(json, file);
  if (problem) problems.push(problem);
  const items: T[] = [];
  const seen = new Set<string>();
  features.forEach((feature, featureIndex) => {
    const id = propertyText(feature, source.idProperty);
    const result: T | Rejection = id === undefined ? reject('feature-missing-code') : seen.has(id) ? reject('feature-duplicate-code') : build(feature, id, propertyText(feature, source.nameProperty) ?? id, featureIndex);
    if (result instanceof Rejection) {
      problems.push({ file, code: result.code, severity: 'rejected', feature: featureIndex, ...(id ? { detail: id } : {}) });
      return;
    }
    if (id !== undefined) seen.add(id);
    items.push(result);
  });
  return { items, problems, summary: { file, rows: features.length, loaded: items.length, rejected: features.length - items.length } };
}

/** Reads cashless markets (GeoJSON points). */
export function readMarkets(json: unknown, source: FeatureSource): SitesResult<Market> {
  return readSites<Market>(json, 'markets', source, (feature, id, name, featureIndex) => {
    const geometry = feature.geometry;
    if (geometry === null) return reject('feature-no-geometry');
    if (ownProperty(geometry, 'type') !== 'Point') return reject('feature-wrong-geometry');
    const at = position(ownProperty(geometry, 'coordinates'));
    if (!at) return reject('feature-invalid-geometry');
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
  return readSites<Street>(json, 'streets', source, (feature, id, name, featureIndex) => {
    const geometry = feature.geometry;
    if (geometry === null) return reject('feature-no-geometry');
    if (ownProperty(geometry, 'type') !== 'LineString') return reject('feature-wrong-geometry');
    const raw = ownProperty(geometry, 'coordinates');
    if (!Array.isArray(raw) || raw.length < 2) return reject('feature-invalid-geometry');
    const coordinates: Position[] = [];
    for (const value of raw) {
      const at = position(value);
      if (!at) return reject('feature-invalid-geometry');
      coordinates.push(at);
    }
    const lengthM = count(feature, 'length_m');
    return {
      id, name, geometry: { type: 'LineString', coordinates }, status: statusOf(feature), featureIndex,
      ...(lengthM !== undefined ? { lengthM } : {}),
    };
  });
}
