import type { MultiPolygon, Polygon, Position } from 'geojson';
import { areaCode, type AreaCode } from '../ids.ts';
import type { AreasSource } from '../manifest/types.ts';
import type { DataProblem, FileSummary } from '../report/problems.ts';
import { bboxOfRings, type Area, type AreaSet, type BBox } from './area.ts';
import { featuresOf, inFeatureOrder, ownProperty, propertyText, rejectedRows, showValue, type FeatureInput } from './featureInput.ts';
import { GeometryFault, geometryParts, outOfRange, positionOutOfRange, POLYGONS, type GeometryNote } from './geometryInput.ts';

export interface AreasResult extends AreaSet {
  readonly problems: readonly DataProblem[];
  readonly summary: FileSummary;
}

/** A feature whose geometry could be read, before the file-wide coordinate checks. */
interface Candidate {
  readonly featureIndex: number;
  readonly feature: FeatureInput;
  readonly polygons: Position[][][];
  readonly source: 'single' | 'multi' | 'collection';
  readonly notes: readonly GeometryNote[];
}

/**
 * Reads area boundaries from parsed GeoJSON; every feature not used is reported with its index and
 * reason. Coordinates must be WGS84 degrees: a file whose longitudes and latitudes are swapped is
 * swapped back and reported; a file in projected metres (VN-2000, UTM) is rejected as a whole.
 */
export function readAreas(json: unknown, source: Pick<AreasSource, 'codeProperty' | 'nameProperty'>): AreasResult {
  const problems: DataProblem[] = [];
  const { features, problem, notes } = featuresOf(json, 'areas');
  if (problem) problems.push(problem);
  problems.push(...notes);
  const skip = rejectedRows(notes);
  const reject = (featureIndex: number, code: DataProblem['code'], detail?: string) =>
    problems.push({ file: 'areas', code, severity: 'rejected', feature: featureIndex, ...(detail ? { detail } : {}) });

  const candidates: Candidate[] = [];
  features.forEach((feature, featureIndex) => {
    if (skip.has(featureIndex)) return;
    const read = geometryParts(feature.geometry, POLYGONS);
    if (read instanceof GeometryFault) return reject(featureIndex, read.code, read.detail);
    candidates.push({ featureIndex, feature, polygons: [...read.parts], source: read.source, notes: read.notes });
  });

  const frame = coordinateFrame(candidates);
  if (frame.kind === 'swapped') {
    problems.push({ file: 'areas', code: 'geojson-lat-lon-swapped', severity: 'changed', detail: frame.detail });
    for (const candidate of candidates) for (const rings of candidate.polygons) for (const ring of rings) for (const position of ring) position.reverse();
  }
  if (frame.kind === 'projected') problems.push({ file: 'areas', code: 'geojson-projected', severity: 'rejected', detail: frame.detail });

  const areas: Area[] = [];
  const indexByCode = new Map<AreaCode, number>();
  for (const { featureIndex, feature, polygons, source: geometrySource, notes: geometryNotes } of candidates) {
    if (frame.kind === 'projected') {
      reject(featureIndex, 'geojson-projected', showValue(polygons[0]?.[0]?.[0]));
      continue;
    }
    const outside = positionOutOfRange(polygons.flat(2));
    if (outside) {
      const fault = outOfRange(outside);
      reject(featureIndex, fault.code, fault.detail);
      continue;
    }
    const codeText = propertyText(feature, source.codeProperty);
    if (!codeText) {
      reject(featureIndex, 'feature-missing-code', source.codeProperty);
      continue;
    }
    const code = areaCode(codeText);
    if (indexByCode.has(code)) {
      reject(featureIndex, 'feature-duplicate-code', codeText);
      continue;
    }
    for (const note of geometryNotes) problems.push({ file: 'areas', code: note.code, severity: 'changed', feature: featureIndex, detail: note.detail });
    const geometry: Polygon | MultiPolygon = polygons.length === 1 && geometrySource !== 'multi'
      ? { type: 'Polygon', coordinates: polygons[0] ?? [] }
      : { type: 'MultiPolygon', coordinates: polygons };
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
      bbox: bboxOfRings(polygons),
      featureIndex,
      ...(level ? { level } : {}),
      ...(parentCode ? { parentCode } : {}),
      ...(targetRate !== undefined ? { targetRate } : {}),
      ...(registered !== undefined ? { registeredBusinesses: registered } : {}),
    });
  }
  const rejected = problems.filter((p) => p.severity === 'rejected' && p.feature !== undefined).length;
  return {
    areas,
    indexByCode,
    problems: inFeatureOrder(problems),
    summary: { file: 'areas', rows: features.length, loaded: areas.length, rejected },
  };
}

type CoordinateFrame = { readonly kind: 'degrees' } | { readonly kind: 'swapped' | 'projected'; readonly detail: string };

/**
 * Whether the file's coordinates are WGS84 degrees as GeoJSON requires ([longitude, latitude]).
 * Swapped: most features lie outside the degree ranges as written, and every feature lies inside
 * them once each position is read as [latitude, longitude] (e.g. Việt Nam written as [16, 108]).
 * Projected: most features lie outside the degree ranges and swapping does not help (metres, e.g.
 * VN-2000 / UTM values such as [500000, 1800000]). Otherwise the few features outside are
 * rejected one by one.
 */
function coordinateFrame(candidates: readonly Candidate[]): CoordinateFrame {
  let outside = 0;
  let swappable = 0;
  for (const candidate of candidates) {
    const box = bboxOfRings(candidate.polygons);
    if (!inDegrees(box)) outside++;
    if (inDegrees([box[1], box[0], box[3], box[2]])) swappable++;
  }
  if (outside === 0 || outside * 2 <= candidates.length) return { kind: 'degrees' };
  const box = bboxOfRings(candidates.flatMap((candidate) => candidate.polygons));
  const detail = `x ${round(box[0])}…${round(box[2])}, y ${round(box[1])}…${round(box[3])}`;
  return { kind: swappable === candidates.length ? 'swapped' : 'projected', detail };
}

const inDegrees = (box: BBox) => box[0] >= -180 && box[2] <= 180 && box[1] >= -90 && box[3] <= 90;
const round = (n: number) => String(Math.round(n * 1000) / 1000);

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
