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

/** The features of a FeatureCollection; anything else is reported as not GeoJSON features. */
export function featuresOf(json: unknown, file: DataFile): { features: FeatureInput[]; problem?: DataProblem } {
  const features = ownProperty(json, 'features');
  if (ownProperty(json, 'type') !== 'FeatureCollection' || !Array.isArray(features)) {
    return { features: [], problem: { file, code: 'geojson-invalid', severity: 'rejected', detail: 'FeatureCollection' } };
  }
  return {
    features: features.map((feature: unknown) => ({
      geometry: ownProperty(feature, 'geometry') ?? null,
      properties: ownProperty(feature, 'properties') ?? null,
    })),
  };
}
