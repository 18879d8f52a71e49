import type { MultiPolygon, Polygon, Position } from 'geojson';
import { areaCode, type AreaCode } from '../ids.ts';
import type { AreasSource } from '../manifest/types.ts';
import type { DataProblem, FileSummary } from '../report/problems.ts';
import { bboxOfRings, type Area, type AreaSet } from './area.ts';
import { featuresOf, ownProperty, propertyText, type FeatureInput } from './featureInput.ts';

export interface AreasResult extends AreaSet {
  readonly problems: readonly DataProblem[];
  readonly summary: FileSummary;
}

/** Reads area boundaries from parsed GeoJSON; every feature not used is reported with its index and reason. */
export function readAreas(json: unknown, source: Pick<AreasSource, 'codeProperty' | 'nameProperty'>): AreasResult {
  const problems: DataProblem[] = [];
  const { features, problem } = featuresOf(json, 'areas');
  if (problem) problems.push(problem);
  const areas: Area[] = [];
  const indexByCode = new Map<AreaCode, number>();
  features.forEach((feature, featureIndex) => {
    const reject = (code: DataProblem['code'], detail?: string) =>
      problems.push({ file: 'areas', code, severity: 'rejected', feature: featureIndex, ...(detail ? { detail } : {}) });
    const geometry = polygonGeometry(feature);
    if (typeof geometry === 'string') return reject(geometry === 'none' ? 'feature-no-geometry' : geometry === 'type' ? 'feature-wrong-geometry' : 'feature-invalid-geometry');
    const codeText = propertyText(feature, source.codeProperty);
    if (!codeText) return reject('feature-missing-code', source.codeProperty);
    const code = areaCode(codeText);
    if (indexByCode.has(code)) return reject('feature-duplicate-code', codeText);
    const name = propertyText(feature, source.nameProperty) ?? codeText;
    const level = propertyText(feature, 'level');
    const parentCode = propertyText(feature, 'parent_code');
    const targetRate = shareOf(finiteNumber(ownProperty(feature.properties, 'target_rate')), (detail) =>
      problems.push({ file: 'areas', code: 'feature-target-percent', severity: 'changed', feature: featureIndex, detail }),
    );
    const registered = finiteNumber(ownProperty(feature.properties, 'registered_businesses'));
    indexByCode.set(code, areas.length);
    areas.push({
      code,
      name,
      geometry,
      bbox: bboxOfRings(geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates),
      featureIndex,
      ...(level ? { level } : {}),
      ...(parentCode ? { parentCode } : {}),
      ...(targetRate !== undefined ? { targetRate } : {}),
      ...(registered !== undefined ? { registeredBusinesses: registered } : {}),
    });
  });
  const rejected = problems.filter((p) => p.severity === 'rejected' && p.feature !== undefined).length;
  return {
    areas,
    indexByCode,
    problems,
    summary: { file: 'areas', rows: features.length, loaded: areas.length, rejected },
  };
}

/**
 * A target as a share in 0..1. Files often write percentages: a value in (1, 100] is read as a
 * percentage and reported as changed; anything else outside 0..1 is dropped and reported.
 */
function shareOf(value: number | undefined, report: (detail: string) => void): number | undefined {
  if (value === undefined || (value >= 0 && value <= 1)) return value;
  report(String(value));
  return value > 1 && value <= 100 ? value / 100 : undefined;
}

function finiteNumber(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** The feature's Polygon or MultiPolygon with valid rings, or why it cannot be used. */
function polygonGeometry(feature: FeatureInput): Polygon | MultiPolygon | 'none' | 'type' | 'invalid' {
  const geometry = feature.geometry;
  if (geometry === null || typeof geometry !== 'object') return 'none';
  const type = ownProperty(geometry, 'type');
  const coordinates = ownProperty(geometry, 'coordinates');
  if (type === 'Polygon') {
    const rings = validPolygon(coordinates);
    return rings ? { type: 'Polygon', coordinates: rings } : 'invalid';
  }
  if (type === 'MultiPolygon') {
    if (!Array.isArray(coordinates) || coordinates.length === 0) return 'invalid';
    const polygons: Position[][][] = [];
    for (const polygon of coordinates) {
      const rings = validPolygon(polygon);
      if (!rings) return 'invalid';
      polygons.push(rings);
    }
    return { type: 'MultiPolygon', coordinates: polygons };
  }
  return 'type';
}

function validPolygon(value: unknown): Position[][] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const rings: Position[][] = [];
  for (const ring of value) {
    if (!Array.isArray(ring) || ring.length < 4) return null;
    const positions: Position[] = [];
    for (const position of ring) {
      if (!Array.isArray(position) || position.length < 2) return null;
      const lon = position[0];
      const lat = position[1];
      if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) return null;
      positions.push([lon, lat]);
    }
    const first = positions[0];
    const last = positions[positions.length - 1];
    if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) return null;
    rings.push(positions);
  }
  return rings;
}
