import type { Position } from 'geojson';
import type { ProblemCode } from '../report/problems.ts';
import { GEOMETRY_TYPES, ownProperty, showValue } from './featureInput.ts';

/** Why a feature's geometry cannot be used: a problem code and what was found. */
export class GeometryFault {
  constructor(
    readonly code: ProblemCode,
    readonly detail: string | undefined = undefined,
  ) {}
}

/** A change made while reading a geometry that is used: reported as 'changed'. */
export interface GeometryNote {
  readonly code: ProblemCode;
  readonly detail: string;
}

/** The parts of a geometry that a reader uses, with the changes made to get them. */
export interface GeometryParts<T> {
  readonly parts: readonly T[];
  /** Where the parts came from: the single type, its Multi type, or a GeometryCollection. */
  readonly source: 'single' | 'multi' | 'collection';
  readonly notes: readonly GeometryNote[];
}

/** How a reader reads one part (a point, a line, a polygon) and which types hold such parts. */
export interface PartReader<T> {
  readonly single: string;
  readonly multi: string;
  /** Name of one part in details, e.g. 'polygon'. */
  readonly noun: string;
  readonly read: (coordinates: unknown, counter: PositionCounter, label: string) => T | GeometryFault;
}

/** Counts positions written with more than two values (elevation, measure): they are trimmed to [lon, lat]. */
export interface PositionCounter {
  trimmed: number;
}

/** GeometryCollections nested deeper than this are not read. */
const MAX_COLLECTION_DEPTH = 8;

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** One position as [lon, lat]; 3 or more finite values are trimmed to 2 and counted. */
export function readPosition(value: unknown, counter: PositionCounter): Position | GeometryFault {
  if (!Array.isArray(value)) {
    return new GeometryFault(typeof value === 'number' ? 'feature-coordinates-too-shallow' : 'feature-bad-coordinates', showValue(value));
  }
  if (value.some((item: unknown) => Array.isArray(item))) return new GeometryFault('feature-coordinates-too-deep', showValue(value));
  const [lon, lat] = value as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) return new GeometryFault('feature-bad-coordinates', showValue(value));
  for (let i = 2; i < value.length; i++) {
    const extra: unknown = value[i];
    if (typeof extra !== 'number' || !Number.isFinite(extra)) return new GeometryFault('feature-bad-coordinates', showValue(value));
  }
  if (value.length > 2) counter.trimmed++;
  return [lon, lat];
}

/** A list of parts read one by one; the first fault wins. */
function readList<T>(value: unknown, read: (item: unknown, index: number) => T | GeometryFault): T[] | GeometryFault {
  if (!Array.isArray(value)) {
    return new GeometryFault(typeof value === 'number' ? 'feature-coordinates-too-shallow' : 'feature-bad-coordinates', showValue(value));
  }
  const items: T[] = [];
  for (let index = 0; index < value.length; index++) {
    const item = read(value[index], index);
    if (item instanceof GeometryFault) return item;
    items.push(item);
  }
  return items;
}

const samePosition = (a: Position | undefined, b: Position | undefined) => a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];

/** A LineString's positions: at least 2. */
export function readLine(value: unknown, counter: PositionCounter, label = ''): Position[] | GeometryFault {
  const positions = readList(value, (item) => readPosition(item, counter));
  if (positions instanceof GeometryFault) return positions;
  if (positions.length < 2) return new GeometryFault('feature-line-too-short', `${label ? `${label}: ` : ''}${plural(positions.length, 'position')}`);
  return positions;
}

/** A Polygon's rings: at least one, each closed and of at least 4 positions. */
export function readPolygon(value: unknown, counter: PositionCounter, label = ''): Position[][] | GeometryFault {
  const rings = readList(value, (ring, index) => {
    const positions = readList(ring, (item) => readPosition(item, counter));
    if (positions instanceof GeometryFault) return positions;
    const where = `${label ? `${label}, ` : ''}ring ${index + 1}`;
    if (positions.length < 4) return new GeometryFault('feature-ring-too-short', `${where}: ${plural(positions.length, 'position')}`);
    const first = positions[0];
    const last = positions[positions.length - 1];
    if (!samePosition(first, last)) return new GeometryFault('feature-ring-not-closed', `${where}: ${showValue(first)} ≠ ${showValue(last)}`);
    return positions;
  });
  if (rings instanceof GeometryFault) return rings;
  if (rings.length === 0) return new GeometryFault('feature-no-coordinates', `${label ? `${label}: ` : ''}no rings`);
  return rings;
}

export const POINTS: PartReader<Position> = { single: 'Point', multi: 'MultiPoint', noun: 'point', read: (value, counter) => readPosition(value, counter) };
export const LINES: PartReader<Position[]> = { single: 'LineString', multi: 'MultiLineString', noun: 'line', read: readLine };
export const POLYGONS: PartReader<Position[][]> = { single: 'Polygon', multi: 'MultiPolygon', noun: 'polygon', read: readPolygon };

/** The type of a geometry object, or a fault when it is not one. */
function geometryType(geometry: unknown, inCollection: boolean): string | GeometryFault {
  if (geometry === null || geometry === undefined) {
    return inCollection ? new GeometryFault('feature-unknown-geometry-type', String(geometry)) : new GeometryFault('feature-no-geometry');
  }
  if (typeof geometry !== 'object' || Array.isArray(geometry)) return new GeometryFault('feature-unknown-geometry-type', showValue(geometry));
  const type = ownProperty(geometry, 'type');
  if (typeof type === 'string' && GEOMETRY_TYPES.includes(type)) return type;
  return new GeometryFault('feature-unknown-geometry-type', type === undefined ? 'no "type"' : showValue(type));
}

/** The non-collection geometries of a geometry, GeometryCollections flattened (nested ones too). */
export function leafGeometries(geometry: unknown, depth = 0): { type: string; geometry: unknown }[] | GeometryFault {
  const type = geometryType(geometry, depth > 0);
  if (type instanceof GeometryFault) return type;
  if (type !== 'GeometryCollection') return [{ type, geometry }];
  if (depth >= MAX_COLLECTION_DEPTH) return new GeometryFault('feature-invalid-geometry', `GeometryCollection nested more than ${MAX_COLLECTION_DEPTH} deep`);
  const members = ownProperty(geometry, 'geometries');
  if (!Array.isArray(members)) return new GeometryFault('feature-no-coordinates', 'GeometryCollection without "geometries"');
  const leaves: { type: string; geometry: unknown }[] = [];
  for (const member of members) {
    const inner = leafGeometries(member, depth + 1);
    if (inner instanceof GeometryFault) return inner;
    leaves.push(...inner);
  }
  return leaves;
}

/** The coordinates of a single or Multi geometry, read as parts. */
function readCoordinates<T>(geometry: unknown, type: string, reader: PartReader<T>, counter: PositionCounter): T[] | GeometryFault {
  const coordinates = ownProperty(geometry, 'coordinates');
  if (coordinates === undefined || coordinates === null) return new GeometryFault('feature-no-coordinates', type);
  if (Array.isArray(coordinates) && coordinates.length === 0) return new GeometryFault('feature-no-coordinates', `${type}: empty`);
  if (type === reader.single) {
    const part = reader.read(coordinates, counter, '');
    return part instanceof GeometryFault ? part : [part];
  }
  return readList(coordinates, (item, index) => reader.read(item, counter, `${reader.noun} ${index + 1}`));
}

/**
 * The parts a reader uses (points, lines or polygons) of a feature's geometry: its single type,
 * its Multi type, or the matching members of a GeometryCollection (the others are dropped and
 * reported). Any other geometry is 'feature-wrong-geometry'.
 */
export function geometryParts<T>(geometry: unknown, reader: PartReader<T>): GeometryParts<T> | GeometryFault {
  const leaves = leafGeometries(geometry);
  if (leaves instanceof GeometryFault) return leaves;
  const counter: PositionCounter = { trimmed: 0 };
  const isCollection = ownProperty(geometry, 'type') === 'GeometryCollection';
  const wanted = leaves.filter((leaf) => leaf.type === reader.single || leaf.type === reader.multi);
  if (wanted.length === 0) {
    if (!isCollection) return new GeometryFault('feature-wrong-geometry', leaves[0]?.type);
    return leaves.length === 0
      ? new GeometryFault('feature-no-coordinates', 'empty GeometryCollection')
      : new GeometryFault('feature-wrong-geometry', `GeometryCollection of ${[...new Set(leaves.map((leaf) => leaf.type))].join(', ')}`);
  }
  const parts: T[] = [];
  for (const leaf of wanted) {
    const read = readCoordinates(leaf.geometry, leaf.type, reader, counter);
    if (read instanceof GeometryFault) return read;
    parts.push(...read);
  }
  const notes: GeometryNote[] = [];
  if (isCollection) {
    const dropped = new Map<string, number>();
    for (const leaf of leaves) if (!wanted.includes(leaf)) dropped.set(leaf.type, (dropped.get(leaf.type) ?? 0) + 1);
    const droppedText = [...dropped].map(([type, n]) => `${n} ${type}`).join(', ');
    notes.push({ code: 'feature-collection-flattened', detail: `${plural(parts.length, reader.noun)} kept${droppedText ? `; dropped: ${droppedText}` : ''}` });
  }
  if (counter.trimmed > 0) notes.push({ code: 'feature-3d-trimmed', detail: plural(counter.trimmed, 'position') });
  return { parts, source: isCollection ? 'collection' : wanted[0]?.type === reader.single ? 'single' : 'multi', notes };
}

/** The first position that is not a longitude in −180…180 and a latitude in −90…90, if any. */
export function positionOutOfRange(positions: Iterable<Position>): Position | undefined {
  for (const position of positions) {
    const lon = position[0] ?? NaN;
    const lat = position[1] ?? NaN;
    if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) return position;
  }
  return undefined;
}

/** A fault for a position outside WGS84 degrees. */
export const outOfRange = (position: Position) => new GeometryFault('feature-bad-coordinates', `outside −180…180, −90…90: ${showValue(position)}`);
