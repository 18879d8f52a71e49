import { readFileSync } from 'node:fs';
import { featuresOf, type FeatureInput } from '../core/geo/featureInput.ts';
import { decodeText, sniffFileKind, type DecodedText, type FileKind } from '../core/text/decodeText.ts';
import { fileKindAdvice, legacyEncodingAdvice } from './messages.ts';

/** A file that cannot be read at all: exit code 2, message on stderr. */
export class CliInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliInputError';
  }
}

/** A usage mistake (unknown option, missing argument): exit code 2 with a pointer to --help. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

export interface TextInput extends DecodedText {
  readonly path: string;
  readonly kind: FileKind;
}

/** Reads and decodes a file; refuses workbooks, PDFs, binary files and legacy Vietnamese encodings. */
export function readTextInput(path: string): TextInput {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    throw new CliInputError(`${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : 'cannot be read'}`);
  }
  if (bytes.length === 0) throw new CliInputError(`${path}: the file is empty`);
  const kind = sniffFileKind(bytes);
  const advice = fileKindAdvice(kind);
  if (advice !== '') throw new CliInputError(`${path}: ${advice}`);
  const decoded = decodeText(bytes);
  for (const notice of decoded.notices) {
    if (notice.kind === 'legacy-vietnamese-encoding') throw new CliInputError(`${path}: ${legacyEncodingAdvice(notice.encoding)}`);
  }
  return { ...decoded, path, kind };
}

export interface GeoJsonInput extends TextInput {
  readonly json: unknown;
  readonly features: readonly FeatureInput[];
}

/** Reads a GeoJSON FeatureCollection; anything else cannot be read. */
export function readGeoJsonInput(path: string): GeoJsonInput {
  return parseGeoJsonInput(readTextInput(path));
}

/** Parses a file already read as a GeoJSON FeatureCollection. */
export function parseGeoJsonInput(input: TextInput): GeoJsonInput {
  const { path } = input;
  if (input.kind !== 'json') throw new CliInputError(`${path}: not a GeoJSON file (it does not start with “{”)`);
  let json: unknown;
  try {
    json = JSON.parse(input.text);
  } catch (error) {
    throw new CliInputError(`${path}: invalid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const { features, problem } = featuresOf(json, 'areas');
  if (problem) {
    const manifest = json !== null && typeof json === 'object' && 'version' in json && 'areas' in json;
    throw new CliInputError(
      manifest
        ? `${path}: this is a project manifest; validate the data files it names instead`
        : `${path}: not a GeoJSON FeatureCollection`,
    );
  }
  return { ...input, json, features };
}

/** Every property name used by the features, in first-seen order. */
export function propertyNames(features: readonly FeatureInput[]): string[] {
  const names = new Set<string>();
  for (const feature of features.slice(0, 5000)) {
    const properties = feature.properties;
    if (properties !== null && typeof properties === 'object' && !Array.isArray(properties)) for (const key of Object.keys(properties)) names.add(key);
  }
  return [...names];
}
