import { countInto, countsToEnds, takeSlot } from '../typed/buckets.ts';
import { GrowableInt32 } from '../typed/growable.ts';
import { locateBelow, type GridIndex } from './gridLookup.ts';

/** Points per call of `tagsOf`: short calls are optimised as a whole (see `CellClassifier`). */
const CHUNK = 4096;
/** The pending points are answered in about 2^SORT_BITS groups of neighbouring cells (see `resolve`). */
const SORT_BITS = 12;

/**
 * out[i] = area of (xs[i], ys[i]), or -1 (non-finite coordinates included), in two passes. The
 * first reads every point's tag without a branch on what the tag is, so the CPU never
 * mispredicts and keeps several points' memory reads in flight, and only the top grid's tables
 * are in cache. The second answers the points whose tag is a leaf or a finer grid
 * (about one in eight), grouped by cell, with the leaves and ring coordinates in cache instead.
 */
export function locatePoints(index: GridIndex, xs: Float64Array, ys: Float64Array, out: Int32Array): void {
  const n = Math.min(xs.length, ys.length, out.length);
  const pending = new GrowableInt32(Math.min(n, (n >> 3) + CHUNK)), positions = new GrowableInt32(pending.data.length);
  for (let from = 0; from < n; from += CHUNK) {
    const count = pending.length;
    const kept = tagsOf(index, xs, ys, out, from, Math.min(n, from + CHUNK), pending.grow(count + CHUNK), positions.grow(count + CHUNK), count);
    pending.length = positions.length = count + kept;
  }
  resolve(index, xs, ys, out, pending.data, positions.data, pending.length);
}

/**
 * out[i] = the tag of point i's cell, for i in [from, to); the points whose tag is not an answer
 * are listed from `at` on in `pending`, with the position of their tag in `cells`; returns how many.
 */
function tagsOf(index: GridIndex, xs: Float64Array, ys: Float64Array, out: Int32Array, from: number, to: number, pending: Int32Array, positions: Int32Array, at: number): number {
  const { minX, minY, maxX, maxY, x0, y0, invW, invH, blocks } = index;
  const stride = index.nx + 1, cells = index.cells.data;
  let count = at;
  for (let i = from; i < to; i++) {
    const x = xs[i] as number, y = ys[i] as number;
    if (!(x >= minX && x <= maxX && y >= minY && y <= maxY)) {
      out[i] = -1;
      continue;
    }
    const u = (x - x0) * invW, v = (y - y0) * invH;
    const c = u | 0, r = v | 0;
    const b = (r * stride + c) * 2, k = blocks[b + 1] as number;
    const j = ((u - c) * k) | 0, m = ((v - r) * k) | 0;
    const position = (blocks[b] as number) + m * k + j;
    const tag = cells[position] as number;
    out[i] = tag;
    // Written always, kept only when tag < -1: (tag + 1) >>> 31 is 1 exactly then.
    pending[count] = i;
    positions[count] = position;
    count += (tag + 1) >>> 31;
  }
  return count - at;
}

/**
 * The pending points, from their cell's tag as it is now: an earlier one may have written or split
 * that cell's leaf. Answered by groups of neighbouring cells (their tags' positions in `cells`, in
 * about 2^SORT_BITS buckets), with their coordinates gathered: the leaves and ring edges of a group
 * are then read while in cache (in the file's order, a point's leaf is rarely in cache).
 */
function resolve(index: GridIndex, xs: Float64Array, ys: Float64Array, out: Int32Array, pending: Int32Array, positions: Int32Array, count: number): void {
  const shift = Math.max(0, 32 - Math.clz32(index.cells.length) - SORT_BITS);
  const buckets = (index.cells.length >>> shift) + 1;
  const ends = new Int32Array(buckets + 1);
  for (let q = 0; q < count; q++) countInto(ends, (positions[q] as number) >>> shift);
  countsToEnds(ends, buckets);
  const sx = new Float64Array(count), sy = new Float64Array(count), sp = new Int32Array(count), si = new Int32Array(count);
  for (let q = count - 1; q >= 0; q--) {
    const i = pending[q] as number, p = positions[q] as number, at = takeSlot(ends, p >>> shift);
    sx[at] = xs[i] as number;
    sy[at] = ys[i] as number;
    sp[at] = p;
    si[at] = i;
  }
  const cells = index.cells;
  for (let q = 0; q < count; q++) out[si[q] as number] = locateBelow(index, cells.data[sp[q] as number] as number, sx[q] as number, sy[q] as number);
}
