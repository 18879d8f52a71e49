import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { featuresOf } from '../../src/core/geo/featureInput.ts';
import { geoJsonKind, type GeoJsonKind } from '../../src/core/geo/featureKind.ts';
import { readAreas } from '../../src/core/geo/readAreas.ts';
import { readMarkets, readStreets } from '../../src/core/geo/readSites.ts';
import { parseJsonFile, ProjectFileError } from '../../src/core/project/parseProjectTexts.ts';
import type { DataProblem, FileSummary, ProblemCode } from '../../src/core/report/problems.ts';

/**
 * The fixtures of a GeoJSON validator (check-geojson), kept beside the repository (never copied
 * into it): every file goes through the same parse and readers as a user's file.
 */
const PEER = path.resolve('../shared/data/peer/check-geojson');
if (!existsSync(PEER)) throw new Error(`Peer GeoJSON fixtures not found at ${PEER}`);
const filesOf = (set: 'bad' | 'good') => readdirSync(path.join(PEER, set)).filter((name) => name.endsWith('.geojson')).sort();

interface ReaderResult {
  readonly problems: readonly DataProblem[];
  readonly summary: FileSummary;
  readonly loaded: readonly { readonly featureIndex: number }[];
}

/** The three readers with the property `code` as code / id and `name` as name. */
const READERS: Readonly<Record<GeoJsonKind, (json: unknown) => ReaderResult>> = {
  areas: (json) => {
    const r = readAreas(json, { codeProperty: 'code', nameProperty: 'name' });
    return { problems: r.problems, summary: r.summary, loaded: r.areas };
  },
  markets: (json) => {
    const r = readMarkets(json, { url: 'peer', idProperty: 'code', nameProperty: 'name' });
    return { problems: r.problems, summary: r.summary, loaded: r.items };
  },
  streets: (json) => {
    const r = readStreets(json, { url: 'peer', idProperty: 'code', nameProperty: 'name' });
    return { problems: r.problems, summary: r.summary, loaded: r.items };
  },
};
const KINDS = ['areas', 'markets', 'streets'] as const;

type Parsed = { readonly json: unknown } | { readonly error: ProjectFileError };

function parse(set: 'bad' | 'good', name: string): Parsed {
  try {
    return { json: parseJsonFile(readFileSync(path.join(PEER, set, name), 'utf8'), 'areas') };
  } catch (error) {
    if (error instanceof ProjectFileError) return { error };
    throw error;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The same file with a unique `code` property on every feature (the validator's fixtures carry
 * none of ours, so without this every feature is rejected for its missing code before anything
 * else is looked at). A bare geometry is put in a Feature here to carry the code; the readers'
 * own wrapping is checked on the file as it is.
 */
function withCodes(json: unknown): unknown {
  const coded = (feature: unknown, index: number): unknown =>
    isObject(feature) ? { ...feature, properties: { ...(isObject(feature.properties) ? feature.properties : {}), code: `f${index}` } } : feature;
  if (Array.isArray(json)) return json.map(coded);
  if (!isObject(json)) return json;
  if (json.type === 'FeatureCollection' && Array.isArray(json.features)) return { ...json, features: json.features.map(coded) };
  if (json.type === 'Feature') return coded(json, 0);
  return { type: 'Feature', properties: { code: 'f0' }, geometry: json };
}

const brief = (problems: readonly DataProblem[]) =>
  problems.map((p) => `${p.severity === 'rejected' ? '✗' : '~'}${p.code}${p.feature !== undefined ? `#${p.feature}` : ''}${p.detail ? ` (${p.detail})` : ''}`).join('; ') || '—';

/** Problem codes that only say "something is wrong"; a specific code must be given where one applies. */
const CATCH_ALL: readonly ProblemCode[] = ['feature-invalid-geometry'];

/**
 * The code each bad file must produce (from any reader, on the file as it is or with codes added),
 * or 'json' for a file that is not JSON. Files about GeoJSON details that do not matter here (bbox,
 * id, properties, members of other types, 3D positions) get a 'changed' problem with a clear message.
 */
const BAD_EXPECTED: Readonly<Record<string, ProblemCode | 'json'>> = {
  // JSON.parse keeps the last of two "type" members: a Feature without geometry.
  'bad-duplicate-properties.geojson': 'feature-no-geometry',
  'bad-featurelist.geojson': 'feature-coordinates-too-shallow',
  'bad-json.geojson': 'json',
  'bad-object-type.geojson': 'geojson-invalid',
  'bad-polygonloop.geojson': 'feature-coordinates-too-shallow',
  'bad-properties-as-array.geojson': 'feature-bad-properties',
  'badcoord.geojson': 'feature-bad-coordinates',
  'badcoordtype.geojson': 'feature-coordinates-too-shallow',
  // A Feature without "properties" is read with none; its null geometry is what is rejected.
  'badfeature-no-properties.geojson': 'feature-no-geometry',
  'badfeature.geojson': 'feature-not-object',
  'badfeatureid.geojson': 'feature-bad-id',
  'bbox-4or6elements.geojson': 'geojson-bad-bbox',
  'bbox-contains-string.geojson': 'geojson-bad-bbox',
  'bbox-string.geojson': 'geojson-bad-bbox',
  'different-first-last.geojson': 'feature-ring-not-closed',
  // Closed once its 3D last position is trimmed to 2D: used, and the trim is reported.
  'different-first-size.geojson': 'feature-3d-trimmed',
  'expected_object.geojson': 'feature-bad-properties',
  'false.geojson': 'feature-unknown-geometry-type',
  'feature_changed_semantics.geojson': 'geojson-ignored-members',
  'featurecollection-obj.geojson': 'geojson-invalid',
  'featurecollection-type-case.geojson': 'geojson-invalid',
  'featurecollection.geojson': 'geojson-invalid',
  'featurecollection_changed_semantics.geojson': 'geojson-ignored-members',
  'geometry_changed_semantics.geojson': 'geojson-ignored-members',
  // Flattened; its two points are two places, so not one market.
  'geometrycollection_nested.geojson': 'feature-multi-part',
  'multiple_problems.geojson': 'feature-bad-coordinates',
  'multipoint-multidimension.geojson': 'feature-coordinates-too-deep',
  'multipoint-nocoordinates.geojson': 'feature-no-coordinates',
  'multipoint-nondimension.geojson': 'feature-coordinates-too-shallow',
  'nofeaturetype.geojson': 'feature-wrong-type',
  'notype.geojson': 'geojson-invalid',
  'point-labeled-as-a-multipolygon.geojson': 'feature-coordinates-too-shallow',
  'point-string.geojson': 'feature-bad-coordinates',
  'point-toofew.geojson': 'feature-bad-coordinates',
  // Four values: trimmed to [lon, lat] and reported.
  'point-toomany.geojson': 'feature-3d-trimmed',
  'point.geojson': 'feature-no-coordinates',
  'rootstring.geojson': 'geojson-invalid',
  'short-line.geojson': 'feature-line-too-short',
  'short-linearring.geojson': 'feature-ring-too-short',
  'short-multilinestring.geojson': 'feature-line-too-short',
  'stringcoord.geojson': 'feature-bad-coordinates',
  'unknowntype.geojson': 'geojson-invalid',
};

/**
 * Valid GeoJSON that this app rejects on purpose, with the code it gives: a feature without
 * geometry cannot be drawn or joined, and a street must be one continuous line (two separate
 * lines under one street id are not one street).
 */
const GOOD_REJECTED: Readonly<Record<string, ProblemCode>> = {
  'nullgeometry.geojson': 'feature-no-geometry',
  'good-multilinestring.geojson': 'feature-multi-part',
};

const table: string[] = [];
afterAll(() => {
  console.log(`peer GeoJSON fixtures (reader chosen by geoJsonKind; ✗ rejected, ~ changed)\n${table.join('\n')}`);
});

/** Runs every reader on the file as it is and with codes added; none may throw, and rows = loaded + rejected. */
function runAll(json: unknown) {
  const runs = KINDS.flatMap((kind) => [
    { kind, coded: false, result: READERS[kind](json) },
    { kind, coded: true, result: READERS[kind](withCodes(json)) },
  ]);
  for (const { result } of runs) {
    expect(result.summary.rows).toBe(result.summary.loaded + result.summary.rejected);
    expect(result.problems.filter((p) => p.severity === 'rejected' && p.feature !== undefined)).toHaveLength(result.summary.rejected);
  }
  return runs;
}

describe('peer GeoJSON fixtures: bad files', () => {
  it.each(filesOf('bad'))('%s: nothing throws, and a specific problem is reported', (name) => {
    const parsed = parse('bad', name);
    const expected = BAD_EXPECTED[name];
    if ('error' in parsed) {
      table.push(`bad  ${name.padEnd(44)} —        ProjectFileError (${parsed.error.reason})`);
      expect(expected).toBe(parsed.error.reason);
      return;
    }
    const runs = runAll(parsed.json);
    const kind = geoJsonKind(featuresOf(parsed.json, 'areas').features);
    const shown = runs.find((run) => run.kind === (kind ?? 'areas') && !run.coded);
    table.push(`bad  ${name.padEnd(44)} ${(kind ?? '(none)').padEnd(8)} ${brief(shown?.result.problems ?? [])}`);
    const codes = new Set(runs.flatMap((run) => run.result.problems.map((p) => p.code)));
    expect(expected, `add ${name} to BAD_EXPECTED`).toBeDefined();
    expect([...codes]).toContain(expected);
    for (const generic of CATCH_ALL) expect([...codes]).not.toContain(generic);
  });
});

describe('peer GeoJSON fixtures: good files', () => {
  it.each(filesOf('good'))('%s: loads with the reader matching its geometry', (name) => {
    const parsed = parse('good', name);
    if ('error' in parsed) throw parsed.error;
    const runs = runAll(parsed.json);
    const kind = geoJsonKind(featuresOf(parsed.json, 'areas').features);
    const raw = runs.find((run) => run.kind === (kind ?? 'areas') && !run.coded)?.result;
    const coded = runs.find((run) => run.kind === (kind ?? 'areas') && run.coded)?.result;
    if (!raw || !coded) throw new Error('missing run');
    table.push(`good ${name.padEnd(44)} ${(kind ?? '(none)').padEnd(8)} ${brief(raw.problems)}  | with codes: ${brief(coded.problems)}`);

    const allowed = GOOD_REJECTED[name];
    if (allowed) {
      expect(coded.problems.filter((p) => p.severity === 'rejected').map((p) => p.code)).toEqual([allowed]);
      return;
    }
    expect(kind).not.toBeNull();
    // As it is, the only rejections are for the code property the fixtures do not have, or for
    // features of another kind (a mixed file).
    const features = featuresOf(withCodes(parsed.json), 'areas').features;
    const kindOf = (index: number) => geoJsonKind(features.slice(index, index + 1));
    for (const p of raw.problems.filter((q) => q.severity === 'rejected')) {
      expect(p.feature).toBeDefined();
      if (kindOf(p.feature ?? -1) === kind) expect(p.code).toBe('feature-missing-code');
      else expect(p.code).toBe('feature-wrong-geometry');
    }
    // With codes, every feature of the matching kind loads, and nothing of that kind is rejected.
    const matching = features.flatMap((_feature, index) => (kindOf(index) === kind ? [index] : []));
    expect(matching.length).toBeGreaterThan(0);
    expect(coded.loaded.map((item) => item.featureIndex)).toEqual(matching);
    for (const p of coded.problems) if (p.severity === 'rejected') expect(matching).not.toContain(p.feature);
  });
});
