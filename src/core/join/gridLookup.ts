import type { GrowableFloat64, GrowableInt32 } from '../typed/growable.ts';
import { BOX_TEST, PARITY } from './gridEntries.ts';

/** Doubles per grid below the top one: x0, y0, 1/w, 1/h, nx, ny, first cell, depth. */
export const GRID_STRIDE = 8;
/** Values before a leaf's entries: entry count, fallback, record (-1: none), lookups left before `refine(record)`. */
export const LEAF_HEADER = 4;
/** Values before an entry's breaks in a leaf: area, flags, part, breaks, runs of edges. */
export const LEAF_ENTRY_HEADER = 5;

/**
 * What a lookup reads. A cell's tag is an area (>= 0), -1 (no area), or -2 - code for a leaf
 * (code = 2 × its offset in `leaves`) or a finer grid (code = 2 × its record + 1).
 *
 * The top grid splits the extent into nx × ny cells; each top cell is split again into k × k cells
 * (k = 1 for most), whose tags are `cells[first + row * k + column]`, with `first` and `k` in
 * `blocks`. Every point thus reads two tags, whatever its cell: the branches stay predictable.
 *
 * `blocks` has one more column and row than the top grid, for points whose position rounds to nx
 * or ny (on the extent's far sides): they point into the last cells of the top grid's last
 * column or row, so the hot loop clamps nothing. Within a block, `(u - c) * k` is below k exactly
 * (u - c is exact and below 1, and the product rounds down), so the cell needs no clamp either.
 */
export interface GridIndex {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  /** Top grid: origin, cells per unit (0 along a side of zero size), cells per side. */
  readonly x0: number;
  readonly y0: number;
  readonly invW: number;
  readonly invH: number;
  readonly nx: number;
  readonly ny: number;
  /** Per top cell, (nx + 1) per row and ny + 1 rows: first tag in `cells`, and k. */
  readonly blocks: Int32Array;
  readonly cells: GrowableInt32;
  readonly grids: GrowableFloat64;
  /** Leaves: header, then each entry with its breaks and its crossing edges as runs [first vertex, edges] in `coords`. */
  readonly leaves: GrowableFloat64;
  /** All rings' vertices [x, y, …], each ring followed by a copy of its first vertex: the edges of a run are (v, v + 1) for consecutive v. */
  readonly coords: Float64Array;
  readonly partBox: Float64Array;
  /** Writes the leaf of a record, or splits it into a finer grid; returns the new tag. */
  refine(record: number): number;
}

/** Area of one point, or -1; `x` and `y` must be finite. */
export function locatePoint(index: GridIndex, x: number, y: number): number {
  if (!(x >= index.minX && x <= index.maxX && y >= index.minY && y <= index.maxY)) return -1;
  const blocks = index.blocks;
  const u = (x - index.x0) * index.invW, v = (y - index.y0) * index.invH;
  const c = u | 0, r = v | 0;
  const b = (r * (index.nx + 1) + c) * 2, k = blocks[b + 1] as number;
  const j = ((u - c) * k) | 0, m = ((v - r) * k) | 0;
  const tag = index.cells.data[(blocks[b] as number) + m * k + j] as number;
  return tag >= -1 ? tag : locateBelow(index, tag, x, y);
}

/**
 * The answer below a leaf or grid tag: finer grids down to a leaf, whose entries decide. `tag`
 * must be read from `cells` now: `refine` replaces the tag of a leaf it writes or splits, and the
 * old leaf (a stub, or one split since) must not be read again.
 */
export function locateBelow(index: GridIndex, tag: number, x: number, y: number): number {
  let t = tag;
  while (t < -1) {
    const code = -2 - t;
    if ((code & 1) === 0) {
      const at = code >> 1, L = index.leaves.data;
      const record = L[at + 2] as number;
      if (record >= 0) {
        const left = (L[at + 3] as number) - 1;
        L[at + 3] = left;
        if (left === 0) {
          t = index.refine(record);
          continue;
        }
      }
      return leafAnswer(index, at, x, y);
    }
    const G = index.grids.data, o = (code >> 1) * GRID_STRIDE;
    const nx = G[o + 4] as number, ny = G[o + 5] as number;
    const c = Math.max(0, Math.min(((x - (G[o] as number)) * (G[o + 2] as number)) | 0, nx - 1));
    const r = Math.max(0, Math.min(((y - (G[o + 1] as number)) * (G[o + 3] as number)) | 0, ny - 1));
    t = index.cells.data[(G[o + 6] as number) + r * nx + c] as number;
  }
  return t;
}

/** A leaf's answer: its entries lowest area first, then its fallback. */
function leafAnswer(index: GridIndex, at: number, x: number, y: number): number {
  const L = index.leaves.data, C = index.coords, box = index.partBox;
  const count = L[at] as number;
  let o = at + LEAF_HEADER;
  for (let k = 0; k < count; k++) {
    const flags = L[o + 1] as number, nb = L[o + 3] as number, runs = L[o + 4] as number;
    const next = o + LEAF_ENTRY_HEADER + nb + runs * 2;
    if ((flags & BOX_TEST) !== 0) {
      const p = (L[o + 2] as number) * 4;
      if (!(x >= (box[p] as number) && y >= (box[p + 1] as number) && x <= (box[p + 2] as number) && y <= (box[p + 3] as number))) {
        o = next;
        continue;
      }
    }
    let inside = flags & PARITY;
    let q = o + LEAF_ENTRY_HEADER;
    for (const breakEnd = q + nb; q < breakEnd; q++) inside ^= +(y >= (L[q] as number));
    for (; q < next; q += 2) inside ^= runCrossings(C, L[q] as number, L[q + 1] as number, x, y);
    if (inside !== 0) return L[o] as number;
    o = next;
  }
  return L[at + 1] as number;
}

/**
 * Parity of the edges (v, v + 1) … (v + n - 1, v + n) that count for (x, y): insidePolygon's rule
 * (ay <= y < by, lower end a first, which is exactly "one end at or below y and the other above")
 * and its expression, evaluated for those edges only.
 */
function runCrossings(C: Float64Array, v: number, n: number, x: number, y: number): number {
  let parity = 0;
  let i = v * 2, py = C[i + 1] as number;
  for (const end = i + n * 2; i < end; ) {
    i += 2;
    const qy = C[i + 1] as number;
    if (py <= y !== qy <= y) {
      const px = C[i - 2] as number, qx = C[i] as number;
      const cross = py < qy ? (qx - px) * (y - py) - (qy - py) * (x - px) : (px - qx) * (y - qy) - (py - qy) * (x - qx);
      if (cross > 0) parity ^= 1;
    }
    py = qy;
  }
  return parity;
}
