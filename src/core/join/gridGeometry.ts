import { GridEntries } from './gridEntries.ts';

/** One polygon part (outer ring and holes) with finite coordinates. */
export interface GridPart {
  readonly area: number;
  /** Rings as flat [x, y, x, y, …]; the closing edge (last vertex to first) is implied as in `insidePolygon`. */
  readonly rings: readonly Float64Array[];
  /** Bounding box of the outer ring: the part is a candidate only for points inside it, edges included. */
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

/** The parts in typed arrays, and one entry per usable part (all of its edges), lowest area first. */
export interface GridGeometry {
  /** All rings' vertices [x, y, …], each ring followed by a copy of its first vertex, so that its closing edge is, like the others, the pair of vertices (v, v + 1). */
  readonly coords: Float64Array;
  /** minX, minY, maxX, maxY per part. */
  readonly partBox: Float64Array;
  readonly entries: GridEntries;
  readonly topEntries: Int32Array;
  /** Extent of the usable parts' boxes (empty, min > max, when there is none). */
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

/**
 * The parts in typed arrays. `laidOut`, when given, already holds the parts' rings in the layout
 * of `coords` (in order, each followed by a copy of its first vertex) and is used as it is.
 */
export function gridGeometry(parts: readonly GridPart[], laidOut?: Float64Array): GridGeometry {
  let vertexCount = 0;
  for (const part of parts) for (const ring of part.rings) if (ring.length >= 2) vertexCount += (ring.length >> 1) + 1;
  // Pools sized for a typical index (tens of cell entries per part, each edge in two or three cells), so they rarely grow.
  const entries = new GridEntries(parts.length * 64 + 1024, vertexCount * 3 + 1024);
  const coords = laidOut ?? new Float64Array(vertexCount * 2);
  const partBox = new Float64Array(parts.length * 4);
  const entryOfPart = new Int32Array(parts.length).fill(-1);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  let v = 0;
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index] as GridPart;
    partBox[index * 4] = part.minX;
    partBox[index * 4 + 1] = part.minY;
    partBox[index * 4 + 2] = part.maxX;
    partBox[index * 4 + 3] = part.maxY;
    const usable = part.minX <= part.maxX && part.minY <= part.maxY;
    if (usable) {
      entryOfPart[index] = entries.open(index, part.area, 0);
      if (part.minX < minX) minX = part.minX;
      if (part.minY < minY) minY = part.minY;
      if (part.maxX > maxX) maxX = part.maxX;
      if (part.maxY > maxY) maxY = part.maxY;
    }
    for (const ring of part.rings) {
      const n = ring.length >> 1;
      if (n === 0) continue;
      if (!laidOut) {
        coords.set(ring.length === n * 2 ? ring : ring.subarray(0, n * 2), v * 2);
        coords[(v + n) * 2] = ring[0] as number;
        coords[(v + n) * 2 + 1] = ring[1] as number;
      }
      if (usable) addEdges(coords, v, v + n, entries);
      v += n + 1;
    }
    if (usable) entries.close(entryOfPart[index] as number);
  }
  const order = parts.map((part, index) => ({ area: part.area, index })).sort((a, b) => a.area - b.area || a.index - b.index);
  const topEntries = Int32Array.from(order.map(({ index }) => entryOfPart[index] as number).filter((entry) => entry >= 0));
  return { coords, partBox, entries, topEntries, minX, minY, maxX, maxY };
}

/** The edges (v, v + 1) for v in [from, to), but horizontal ones: those never count (ay <= y < by is empty). */
function addEdges(coords: Float64Array, from: number, to: number, entries: GridEntries): void {
  const edges = entries.edges;
  let at = edges.length;
  const data = edges.grow(at + to - from);
  for (let k = from; k < to; k++) if (coords[k * 2 + 1] !== coords[k * 2 + 3]) data[at++] = k;
  edges.length = at;
}
