import { BOX_TEST, ENTRY_BREAK_COUNT, ENTRY_BREAK_START, ENTRY_EDGE_COUNT, ENTRY_EDGE_START, ENTRY_FLAGS, PARITY, type GridEntries } from './gridEntries.ts';

/** Entries with more breaks and edges than this are not compared (a leaf that busy is split anyway). */
const MAX_PAIR_TESTS = 64;
/** Which of the second entry's breaks and edges are matched so far. */
const taken = new Uint8Array(MAX_PAIR_TESTS);

/**
 * Whether every point of the entries' cell is in exactly one of the two entries `a` and `b`:
 * neither needs its part's box tested, their parities differ, and they have the same breaks and
 * the same crossing edges (the same two vertices, in either order: a boundary the two parts
 * share). A point's parities then differ by the same constant whatever the point, since an edge
 * counts for a point whichever way it runs (its lower end is taken first) and a break counts by its
 * value alone. `coords`: the rings' vertices, as the entries' edge ids index them.
 */
export function complementary(entries: GridEntries, coords: Float64Array, a: number, b: number): boolean {
  const F = entries.fields.data;
  const fa = F[a + ENTRY_FLAGS] as number, fb = F[b + ENTRY_FLAGS] as number;
  if (((fa | fb) & BOX_TEST) !== 0 || ((fa ^ fb) & PARITY) === 0) return false;
  const nb = F[a + ENTRY_BREAK_COUNT] as number, ne = F[a + ENTRY_EDGE_COUNT] as number;
  if (nb !== F[b + ENTRY_BREAK_COUNT] || ne !== F[b + ENTRY_EDGE_COUNT] || nb + ne > MAX_PAIR_TESTS) return false;
  taken.fill(0, 0, nb + ne);
  return sameBreaks(entries.breaks.data, F[a + ENTRY_BREAK_START] as number, F[b + ENTRY_BREAK_START] as number, nb) && sameEdges(coords, entries.edges.data, F[a + ENTRY_EDGE_START] as number, F[b + ENTRY_EDGE_START] as number, ne, nb);
}

/** Each of the n breaks from `a` on matched with one from `b` on, not matched yet (a multiset comparison). */
function sameBreaks(breaks: Float64Array, a: number, b: number, n: number): boolean {
  for (let i = 0; i < n; i++) {
    let j = 0;
    while (j < n && (taken[j] === 1 || breaks[b + j] !== breaks[a + i])) j++;
    if (j === n) return false;
    taken[j] = 1;
  }
  return true;
}

/** Each of the n edges from `a` on matched with one from `b` on with the same ends, in either order; `taken` from `offset` on. */
function sameEdges(C: Float64Array, edges: Int32Array, a: number, b: number, n: number, offset: number): boolean {
  for (let i = 0; i < n; i++) {
    const p = (edges[a + i] as number) * 2;
    const px = C[p] as number, py = C[p + 1] as number, qx = C[p + 2] as number, qy = C[p + 3] as number;
    let j = 0;
    for (; j < n; j++) {
      if (taken[offset + j] === 1) continue;
      const o = (edges[b + j] as number) * 2;
      const ox = C[o] as number, oy = C[o + 1] as number, rx = C[o + 2] as number, ry = C[o + 3] as number;
      if ((ox === px && oy === py && rx === qx && ry === qy) || (ox === qx && oy === qy && rx === px && ry === py)) break;
    }
    if (j === n) return false;
    taken[offset + j] = 1;
  }
  return true;
}
