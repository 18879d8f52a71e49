/**
 * An exact grid index for point in polygon, used by `buildAreaLocator`.
 *
 * What it must reproduce, for every point, bit for bit: the area of the lowest index among the
 * polygon parts whose outer-ring bounding box holds the point (edges included) and whose even-odd
 * crossing count is odd, where an edge (a lower, b upper end) counts for (x, y) when
 * `ay <= y && y < by && (bx - ax) * (y - ay) - (by - ay) * (x - ax) > 0`, evaluated in doubles
 * exactly as written (see `insidePolygon`).
 *
 * How: a uniform grid over the parts' extent, whose busy cells are split again into finer grids.
 * For each cell and each part that may hold some of its points, every edge of the part that can
 * count for a point of the cell's strip of rows is one of three kinds, decided at build time with
 * the same double-precision formula:
 *
 * - **left** of the cell: the formula is `<= 0` for every point of the cell → never counts;
 * - **right** of the cell: the formula is `> 0` for every point of the cell → counts exactly when
 *   `ay <= y < by`, i.e. `[y >= ay] xor [y >= by]`. An end below the strip is a constant 1, one
 *   above it a constant 0, and one within the strip a *break*: a y value to compare the point with;
 * - **crossing**: neither could be proven; the edge is kept in the cell and tested per point.
 *
 * The proofs use that the formula, rounding included, is monotone in x (non-increasing) and in y
 * (one direction per edge): its extremes over a cell are at the cell's corners. Cell rectangles
 * are widened by a margin larger than the rounding of the cell index, so a point always lies in
 * the (widened) rectangle of the cell it is looked up in.
 *
 * A cell is then answered by: the lowest area whose part holds the whole cell (no test), or -1;
 * or a short list of parts, lowest area first, each with a constant parity, its breaks and its
 * crossing edges (stored inline, lower end first).
 *
 * Busy cells (more tests than `maxCellWork`) are split into a finer grid the `refineAfter`-th time
 * a point is looked up in them, so the fine levels are only built where the points are (city
 * cores), not over the whole country; the answers do not depend on when (or whether) a cell is split.
 */

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

export interface AreaGridStats {
  readonly grids: number;
  readonly cells: number;
  readonly leaves: number;
  readonly entries: number;
  readonly edgeRefs: number;
  readonly breaks: number;
}

export interface AreaGrid {
  /** Area index, or -1; `x` and `y` must be finite. */
  locate(x: number, y: number): number;
  /** Size of the index, for tests and reports. */
  readonly stats: AreaGridStats;
}

export interface AreaGridOptions {
  /** Cells of the top grid per part (default 32). */
  readonly cellsPerPart?: number;
  /** A cell whose tests (entries + edges + breaks) exceed this is split again (default 8). */
  readonly maxCellWork?: number;
  /** Levels of splitting below the top grid (default 3). */
  readonly maxDepth?: number;
  /** Levels split while building; deeper ones are split when a busy cell has answered `refineAfter` points (default 0). */
  readonly eagerDepth?: number;
  /** Lookups in a busy leaf after which it is split (default 256). */
  readonly refineAfter?: number;
  /** Largest split of a cell, per side (default 16). */
  readonly maxSplit?: number;
}

const MAX_TOP_CELLS = 1 << 22;
/** Doubles per grid in the grid table: x0, y0, 1/w, 1/h, nx, ny, first cell. */
const GRID_STRIDE = 8;
/** Doubles per entry header in a leaf: area, flags (bit 0 parity, bit 1 box test), part, breaks, edges. */
const ENTRY_HEADER = 5;
/** Doubles in a leaf's header: entries, fallback, refinement record (-1: none). */
const LEAF_HEADER = 3;

/** A growable Int32Array. */
class Ints {
  data: Int32Array;
  length = 0;
  constructor(capacity = 256) {
    this.data = new Int32Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = value;
  }
  /** Capacity for at least n values (contents kept). */
  grow(n: number): Int32Array {
    if (n > this.data.length) {
      const next = new Int32Array(Math.max(n, this.data.length * 2));
      next.set(this.data.subarray(0, this.length));
      this.data = next;
    }
    return this.data;
  }
}

/** A growable Float64Array. */
class Floats {
  data: Float64Array;
  length = 0;
  constructor(capacity = 256) {
    this.data = new Float64Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  /** Capacity for at least n values (contents not kept). */
  scratch(n: number): Float64Array {
    if (n > this.data.length) this.data = new Float64Array(Math.max(n, this.data.length * 2));
    return this.data;
  }
}

/** Scratch of one level of grids (a grid's children use the next level's). */
class Level {
  readonly colLo = new Floats(16);
  readonly colHi = new Floats(16);
  readonly rowLo = new Floats(16);
  readonly rowHi = new Floats(16);
  readonly full = new Ints(64);
  readonly cellStart = new Ints(64);
  readonly cursor = new Ints(64);
  readonly sorted = new Ints(64);
}

export function buildAreaGrid(parts: readonly GridPart[], options: AreaGridOptions = {}): AreaGrid {
  const builder = new GridBuilder(parts, options);
  return builder.finish();
}

/**
 * Builds the grids. Entries (a part as seen from one cell: constant parity, breaks, crossing
 * edges) live in pools of typed arrays; a cell's entries are kept lowest area first.
 */
class GridBuilder {
  private readonly coords: Float64Array;
  private readonly partBox: Float64Array;
  private readonly partArea: Int32Array;
  private readonly cellsPerPart: number;
  private readonly maxCellWork: number;
  private readonly maxDepth: number;
  private readonly eagerDepth: number;
  private readonly refineAfter: number;
  private readonly maxSplit: number;
  private minX = Infinity;
  private minY = Infinity;
  private maxX = -Infinity;
  private maxY = -Infinity;

  // Entry pool.
  private readonly entPart: Ints;
  private readonly entParity: Ints;
  private readonly entBreakStart: Ints;
  private readonly entBreakCount: Ints;
  private readonly entEdgeStart: Ints;
  private readonly entEdgeCount: Ints;
  private readonly breakPool: Floats;
  private readonly edgePool: Ints;
  private readonly topEntries = new Ints();

  // Output.
  private readonly grids = new Floats();
  private readonly tags: Ints;
  private readonly leaves: Floats;
  // Busy leaves to split later: the tag that points at them, their depth, cell, entries, lookups so far.
  private readonly refTag = new Ints();
  private readonly refDepth = new Ints();
  private readonly refRect = new Floats();
  private readonly refListStart = new Ints();
  private readonly refListEnd = new Ints();
  private readonly refLists = new Ints();
  private readonly refHits = new Ints();
  private leafCount = 0;
  private leafEntries = 0;
  private leafEdges = 0;
  private leafBreaks = 0;

  // Scratch (only used while one grid's entries are being placed, never across a recursion).
  private readonly outCell = new Ints();
  private readonly outEntry = new Ints();
  private readonly rowStart = new Ints();
  private readonly rowFill = new Ints();
  private readonly rowEdges = new Ints();
  private readonly right = new Ints();
  private readonly left = new Ints();
  private readonly eventStart = new Ints();
  private readonly events = new Ints();
  private readonly crossStart = new Ints();
  private readonly crossings = new Ints();
  private readonly open = new Floats(64);
  private readonly levels: Level[] = [];

  constructor(parts: readonly GridPart[], options: AreaGridOptions) {
    this.cellsPerPart = options.cellsPerPart ?? 32;
    this.maxCellWork = options.maxCellWork ?? 8;
    this.maxDepth = options.maxDepth ?? 3;
    this.eagerDepth = options.eagerDepth ?? 0;
    this.refineAfter = options.refineAfter ?? 256;
    this.maxSplit = options.maxSplit ?? 16;
    // All rings in one array; each ring is followed by a copy of its first vertex so that its
    // closing edge is, like the others, the pair of vertices (v, v + 1).
    let vertexCount = 0;
    for (const part of parts) for (const ring of part.rings) if (ring.length >= 2) vertexCount += (ring.length >> 1) + 1;
    // Pools sized for a typical index (about two cell entries per part and edge), so they rarely grow.
    const entries = parts.length * 64 + 1024;
    this.entPart = new Ints(entries);
    this.entParity = new Ints(entries);
    this.entBreakStart = new Ints(entries);
    this.entBreakCount = new Ints(entries);
    this.entEdgeStart = new Ints(entries);
    this.entEdgeCount = new Ints(entries);
    this.breakPool = new Floats(entries);
    this.edgePool = new Ints(vertexCount * 3 + 1024);
    this.tags = new Ints(parts.length * this.cellsPerPart * 2 + 1024);
    this.leaves = new Floats(vertexCount * 2 + 1024);
    const coords = new Float64Array(vertexCount * 2);
    this.coords = coords;
    this.partBox = new Float64Array(parts.length * 4);
    this.partArea = new Int32Array(parts.length);
    const order = parts.map((part, index) => ({ area: part.area, index })).sort((a, b) => a.area - b.area || a.index - b.index);
    let v = 0;
    parts.forEach((part, index) => {
      this.partBox[index * 4] = part.minX;
      this.partBox[index * 4 + 1] = part.minY;
      this.partBox[index * 4 + 2] = part.maxX;
      this.partBox[index * 4 + 3] = part.maxY;
      this.partArea[index] = part.area;
      const usable = part.minX <= part.maxX && part.minY <= part.maxY;
      if (usable) {
        this.entPart.push(index);
        this.entParity.push(0);
        this.entBreakStart.push(0);
        this.entBreakCount.push(0);
        this.entEdgeStart.push(this.edgePool.length);
        if (part.minX < this.minX) this.minX = part.minX;
        if (part.minY < this.minY) this.minY = part.minY;
        if (part.maxX > this.maxX) this.maxX = part.maxX;
        if (part.maxY > this.maxY) this.maxY = part.maxY;
      }
      for (const ring of part.rings) {
        const n = ring.length >> 1;
        if (n === 0) continue;
        coords.set(ring.subarray(0, n * 2), v * 2);
        coords[(v + n) * 2] = ring[0] as number;
        coords[(v + n) * 2 + 1] = ring[1] as number;
        // Horizontal edges never count (ay <= y < by is empty).
        if (usable) for (let k = v; k < v + n; k++) if (coords[k * 2 + 1] !== coords[k * 2 + 3]) this.edgePool.push(k);
        v += n + 1;
      }
      if (usable) this.entEdgeCount.push(this.edgePool.length - (this.entEdgeStart.data[this.entEdgeStart.length - 1] as number));
    });
    // Top entries lowest area first (entry ids follow the order of the usable parts).
    const entryOfPart = new Int32Array(parts.length).fill(-1);
    for (let e = 0; e < this.entPart.length; e++) entryOfPart[this.entPart.data[e] as number] = e;
    for (const { index } of order) if ((entryOfPart[index] as number) >= 0) this.topEntries.push(entryOfPart[index] as number);
  }

  finish(): AreaGrid {
    const { minX, minY, maxX, maxY } = this;
    const count = this.topEntries.length;
    if (count === 0) return { stats: this.stats(), locate: () => -1 };
    const width = maxX - minX, height = maxY - minY;
    const cellSize = Math.sqrt((width * height) / Math.min(MAX_TOP_CELLS, Math.max(1, count * this.cellsPerPart)));
    const nx = splittable(minX, maxX, width) && cellSize > 0 ? Math.max(1, Math.min(8192, Math.round(width / cellSize))) : 1;
    const ny = splittable(minY, maxY, height) && cellSize > 0 ? Math.max(1, Math.min(8192, Math.round(height / cellSize))) : 1;
    this.buildGrid(minX, minY, maxX, maxY, minX, minY, maxX, maxY, nx, ny, this.topEntries.data.slice(0, count), 0, count, -1, 0);
    const partBox = this.partBox, refineAfter = this.refineAfter;
    // The arrays grow when a busy leaf is split: re-read after each split.
    let G = this.grids.data, TAGS = this.tags.data, L = this.leaves.data, HITS = this.refHits.data;
    const x0 = G[0] as number, y0 = G[1] as number, invW = G[2] as number, invH = G[3] as number, nx0 = G[4] as number, ny0 = G[5] as number;
    const locate = (x: number, y: number): number => {
      if (!(x >= minX && x <= maxX && y >= minY && y <= maxY)) return -1;
      let c = ((x - x0) * invW) | 0;
      if (c >= nx0) c = nx0 - 1;
      let r = ((y - y0) * invH) | 0;
      if (r >= ny0) r = ny0 - 1;
      let tag = TAGS[r * nx0 + c] as number;
      while (tag < -1) {
        const code = -2 - tag;
        if ((code & 1) === 0) {
          const offset = code >> 1;
          const ref = L[offset + 2] as number;
          if (ref >= 0) {
            const hits = (HITS[ref] as number) + 1;
            HITS[ref] = hits;
            if (hits === refineAfter) {
              this.refine(ref);
              G = this.grids.data;
              TAGS = this.tags.data;
              L = this.leaves.data;
              HITS = this.refHits.data;
              return locate(x, y);
            }
          }
          return locateInLeaf(L, offset, partBox, x, y);
        }
        const o = (code >> 1) * GRID_STRIDE;
        const nx = G[o + 4] as number, ny = G[o + 5] as number;
        c = ((x - (G[o] as number)) * (G[o + 2] as number)) | 0;
        if (c >= nx) c = nx - 1;
        else if (c < 0) c = 0;
        r = ((y - (G[o + 1] as number)) * (G[o + 3] as number)) | 0;
        if (r >= ny) r = ny - 1;
        else if (r < 0) r = 0;
        tag = TAGS[(G[o + 6] as number) + r * nx + c] as number;
      }
      return tag;
    };
    const stats = () => this.stats();
    return {
      get stats() {
        return stats();
      },
      locate,
    };
  }

  stats(): AreaGridStats {
    return { grids: this.grids.length / GRID_STRIDE, cells: this.tags.length, leaves: this.leafCount, entries: this.leafEntries, edgeRefs: this.leafEdges, breaks: this.leafBreaks };
  }

  /** Splits a busy leaf into a grid of its own (the leaf stays in the pool, unused). */
  private refine(ref: number): void {
    const R = this.refRect.data, o = ref * 8;
    const start = this.refListStart.data[ref] as number, end = this.refListEnd.data[ref] as number;
    const list = this.refLists.data.slice(start, end);
    let work = 0;
    for (let k = 0; k < list.length; k++) {
      const e = list[k] as number;
      work += 1 + (this.entEdgeCount.data[e] as number) + (this.entBreakCount.data[e] as number);
    }
    const leafOffset = -2 - (this.tags.data[this.refTag.data[ref] as number] as number);
    const fallback = this.leaves.data[(leafOffset >> 1) + 1] as number;
    const k = this.splitOf(work);
    const child = this.buildGrid(R[o] as number, R[o + 1] as number, R[o + 2] as number, R[o + 3] as number, R[o + 4] as number, R[o + 5] as number, R[o + 6] as number, R[o + 7] as number, k, k, list, 0, list.length, fallback, (this.refDepth.data[ref] as number) + 1);
    this.tags.data[this.refTag.data[ref] as number] = -2 - (child * 2 + 1);
  }

  private splitOf(work: number): number {
    return Math.min(this.maxSplit, Math.max(2, Math.ceil(work / this.maxCellWork)));
  }

  /**
   * Builds a grid of nx × ny cells over the nominal rectangle (x0, y0)–(x1, y1), for points known
   * to lie in the widened rectangle (ex0, ey0)–(ex1, ey1), from the entries list[from, to)
   * (lowest area first); returns its index.
   */
  private buildGrid(
    x0: number, y0: number, x1: number, y1: number,
    ex0: number, ey0: number, ex1: number, ey1: number,
    nx: number, ny: number, list: Int32Array, from: number, to: number, inherited: number, depth: number,
  ): number {
    const g = this.grids.length / GRID_STRIDE;
    const w = (x1 - x0) / nx, h = (y1 - y0) / ny;
    const invW = nx > 1 ? nx / (x1 - x0) : 0, invH = ny > 1 ? ny / (y1 - y0) : 0;
    const base = this.tags.length;
    const G = this.grids;
    G.push(x0); G.push(y0); G.push(invW); G.push(invH); G.push(nx); G.push(ny); G.push(base); G.push(0);
    const cells = nx * ny;
    this.tags.grow(base + cells).fill(-1, base, base + cells);
    this.tags.length = base + cells;
    const dx = slack(x0, x1, w), dy = slack(y0, y1, h);
    let level = this.levels[depth];
    if (!level) {
      level = new Level();
      this.levels.push(level);
    }
    const colLo = level.colLo.scratch(nx), colHi = level.colHi.scratch(nx), rowLo = level.rowLo.scratch(ny), rowHi = level.rowHi.scratch(ny);
    for (let c = 0; c < nx; c++) {
      colLo[c] = c === 0 ? ex0 : Math.max(ex0, x0 + c * w - dx);
      colHi[c] = c === nx - 1 ? ex1 : Math.min(ex1, x0 + (c + 1) * w + dx);
    }
    for (let r = 0; r < ny; r++) {
      rowLo[r] = r === 0 ? ey0 : Math.max(ey0, y0 + r * h - dy);
      rowHi[r] = r === ny - 1 ? ey1 : Math.min(ey1, y0 + (r + 1) * h + dy);
    }
    const full = level.full.grow(cells).fill(inherited, 0, cells);
    this.outCell.length = 0;
    this.outEntry.length = 0;
    for (let i = from; i < to; i++) this.place(list[i] as number, x0, y0, invW, invH, nx, ny, colLo, colHi, rowLo, rowHi, full);

    // The placed entries by cell, keeping their order (lowest area first).
    const placed = this.outCell.length;
    const cellStart = level.cellStart.grow(cells + 1).fill(0, 0, cells + 1);
    const outCell = this.outCell.data, outEntry = this.outEntry.data;
    for (let i = 0; i < placed; i++) {
      const at = (outCell[i] as number) + 1;
      cellStart[at] = (cellStart[at] as number) + 1;
    }
    for (let c = 0; c < cells; c++) cellStart[c + 1] = (cellStart[c + 1] as number) + (cellStart[c] as number);
    const sorted = level.sorted.grow(placed);
    const cursor = level.cursor.grow(cells);
    cursor.set(cellStart.subarray(0, cells));
    for (let i = 0; i < placed; i++) {
      const cell = outCell[i] as number;
      sorted[cursor[cell] as number] = outEntry[i] as number;
      cursor[cell] = (cursor[cell] as number) + 1;
    }

    const partArea = this.partArea, entPart = this.entPart, entEdgeCount = this.entEdgeCount, entBreakCount = this.entBreakCount;
    for (let r = 0; r < ny; r++) {
      for (let c = 0; c < nx; c++) {
        const cell = r * nx + c;
        const fallback = full[cell] as number;
        const start = cellStart[cell] as number;
        let end = cellStart[cell + 1] as number;
        // Entries of areas at or above a part that holds the whole cell never win.
        if (fallback !== -1) {
          let k = start;
          while (k < end && (partArea[entPart.data[sorted[k] as number] as number] as number) < fallback) k++;
          end = k;
        }
        if (end === start) {
          this.tags.data[base + cell] = fallback;
          continue;
        }
        let work = 0;
        for (let k = start; k < end; k++) {
          const e = sorted[k] as number;
          work += 1 + (entEdgeCount.data[e] as number) + (entBreakCount.data[e] as number);
        }
        const cx0 = x0 + c * w, cx1 = c === nx - 1 ? x1 : x0 + (c + 1) * w;
        const cy0 = y0 + r * h, cy1 = r === ny - 1 ? y1 : y0 + (r + 1) * h;
        const lo = colLo[c] as number, hi = colHi[c] as number, bottom = rowLo[r] as number, top = rowHi[r] as number;
        const busy = work > this.maxCellWork && depth < this.maxDepth && splittable(cx0, cx1, cx1 - cx0) && splittable(cy0, cy1, cy1 - cy0);
        if (busy && depth < this.eagerDepth) {
          const child = this.buildGrid(cx0, cy0, cx1, cy1, lo, bottom, hi, top, this.splitOf(work), this.splitOf(work), sorted, start, end, fallback, depth + 1);
          this.tags.data[base + cell] = -2 - (child * 2 + 1);
        } else {
          let ref = -1;
          if (busy) {
            ref = this.refTag.length;
            this.refTag.push(base + cell);
            this.refDepth.push(depth);
            for (const v of [cx0, cy0, cx1, cy1, lo, bottom, hi, top]) this.refRect.push(v);
            this.refListStart.push(this.refLists.length);
            for (let k = start; k < end; k++) this.refLists.push(sorted[k] as number);
            this.refListEnd.push(this.refLists.length);
            this.refHits.push(0);
          }
          const leaf = this.leaf(sorted, start, end, fallback, ref, lo, bottom, hi, top);
          this.tags.data[base + cell] = -2 - leaf * 2;
        }
      }
    }
    return g;
  }

  /** Places one entry in the cells of a grid: constant cells into `full`, the others as new entries. */
  private place(
    entry: number, x0: number, y0: number, invW: number, invH: number, nx: number, ny: number,
    colLo: Float64Array, colHi: Float64Array, rowLo: Float64Array, rowHi: Float64Array, full: Int32Array,
  ): void {
    const coords = this.coords;
    const part = this.entPart.data[entry] as number;
    const pb = part * 4;
    const bx0 = this.partBox[pb] as number, by0 = this.partBox[pb + 1] as number, bx1 = this.partBox[pb + 2] as number, by1 = this.partBox[pb + 3] as number;
    const area = this.partArea[part] as number;
    // Cells overlapping the part's box (the others never ask about this part).
    let cA = Math.max(0, Math.min(nx - 1, Math.max(0, Math.floor((bx0 - x0) * invW))) - 1);
    let cB = Math.min(nx - 1, Math.min(nx - 1, Math.max(0, Math.floor((bx1 - x0) * invW))) + 1);
    while (cA <= cB && (colHi[cA] as number) < bx0) cA++;
    while (cB >= cA && (colLo[cB] as number) > bx1) cB--;
    let rA = Math.max(0, Math.min(ny - 1, Math.max(0, Math.floor((by0 - y0) * invH))) - 1);
    let rB = Math.min(ny - 1, Math.min(ny - 1, Math.max(0, Math.floor((by1 - y0) * invH))) + 1);
    while (rA <= rB && (rowHi[rA] as number) < by0) rA++;
    while (rB >= rA && (rowLo[rB] as number) > by1) rB--;
    if (cA > cB || rA > rB) return;
    const rows = rB - rA + 1, columns = cB - cA + 1;
    const parity0 = this.entParity.data[entry] as number;
    const breakStart = this.entBreakStart.data[entry] as number, breakEnd = breakStart + (this.entBreakCount.data[entry] as number);
    const edgeStart = this.entEdgeStart.data[entry] as number, edgeEnd = edgeStart + (this.entEdgeCount.data[entry] as number);

    // Edges per row of cells (those whose y range meets the row's widened strip), as CSR.
    const rowStart = this.rowStart.grow(rows + 1);
    rowStart.fill(0, 0, rows + 1);
    let pool = this.edgePool.data;
    for (let q = edgeStart; q < edgeEnd; q++) {
      const e = pool[q] as number;
      const y1 = coords[e * 2 + 1] as number, y2 = coords[e * 2 + 3] as number;
      const ay = y1 < y2 ? y1 : y2, by = y1 < y2 ? y2 : y1;
      const first = Math.max(rA, Math.min(ny - 1, Math.max(0, Math.floor((ay - y0) * invH))) - 1);
      const last = Math.min(rB, Math.min(ny - 1, Math.max(0, Math.floor((by - y0) * invH))) + 1);
      for (let r = first; r <= last; r++) if (by >= (rowLo[r] as number) && ay <= (rowHi[r] as number)) rowStart[r - rA + 1] = (rowStart[r - rA + 1] as number) + 1;
    }
    for (let i = 0; i < rows; i++) rowStart[i + 1] = (rowStart[i + 1] as number) + (rowStart[i] as number);
    const rowFill = this.rowFill.grow(rows);
    rowFill.set(rowStart.subarray(0, rows));
    const rowEdges = this.rowEdges.grow(rowStart[rows] as number);
    for (let q = edgeStart; q < edgeEnd; q++) {
      const e = pool[q] as number;
      const y1 = coords[e * 2 + 1] as number, y2 = coords[e * 2 + 3] as number;
      const ay = y1 < y2 ? y1 : y2, by = y1 < y2 ? y2 : y1;
      const first = Math.max(rA, Math.min(ny - 1, Math.max(0, Math.floor((ay - y0) * invH))) - 1);
      const last = Math.min(rB, Math.min(ny - 1, Math.max(0, Math.floor((by - y0) * invH))) + 1);
      for (let r = first; r <= last; r++) {
        if (by >= (rowLo[r] as number) && ay <= (rowHi[r] as number)) {
          rowEdges[rowFill[r - rA] as number] = e;
          rowFill[r - rA] = (rowFill[r - rA] as number) + 1;
        }
      }
    }

    const eventStart = this.eventStart.grow(columns + 1), crossStart = this.crossStart.grow(columns + 1);
    for (let r = rA; r <= rB; r++) {
      const sLo = rowLo[r] as number, sHi = rowHi[r] as number;
      const s = rowStart[r - rA] as number, n = (rowStart[r - rA + 1] as number) - s;
      const right = this.right.grow(n), left = this.left.grow(n);
      eventStart.fill(0, 0, columns + 1);
      crossStart.fill(0, 0, columns + 1);
      let crossTotal = 0;
      // Per edge: the last column (from the left) where it is right of the cell, and the first where it is left of it.
      for (let i = 0; i < n; i++) {
        const e = rowEdges[s + i] as number;
        // The edge lower end first, as insidePolygon takes it.
        const lowerFirst = (coords[e * 2 + 1] as number) <= (coords[e * 2 + 3] as number);
        const ax = coords[lowerFirst ? e * 2 : e * 2 + 2] as number, ay = coords[lowerFirst ? e * 2 + 1 : e * 2 + 3] as number;
        const bx = coords[lowerFirst ? e * 2 + 2 : e * 2] as number, by = coords[lowerFirst ? e * 2 + 3 : e * 2 + 1] as number;
        const yl = ay > sLo ? ay : sLo, yh = by < sHi ? by : sHi;
        // The crossing formula at (x, yl) and (x, yh) is tl - dy * (x - ax) and th - dy * (x - ax),
        // with the same operations in the same order as insidePolygon.
        const dx = bx - ax, dy = by - ay;
        const tl = dx * (yl - ay), th = dx * (yh - ay);
        // A first guess from the edge's x extent within the strip; the exact checks decide.
        const xl = ax + (dx * (yl - ay)) / dy, xh = ax + (dx * (yh - ay)) / dy;
        let rc = Math.min(cB, Math.max(cA - 1, Math.min(nx - 1, Math.max(0, Math.floor(((xl < xh ? xl : xh) - x0) * invW))) - 1));
        let x = rc >= cA ? (colHi[rc] as number) - ax : 0;
        if (rc >= cA && tl - dy * x > 0 && th - dy * x > 0) {
          for (; rc < cB; rc++) {
            x = (colHi[rc + 1] as number) - ax;
            if (!(tl - dy * x > 0 && th - dy * x > 0)) break;
          }
        } else {
          for (rc--; rc >= cA; rc--) {
            x = (colHi[rc] as number) - ax;
            if (tl - dy * x > 0 && th - dy * x > 0) break;
          }
        }
        let lc = Math.max(cA, Math.min(cB + 1, Math.min(nx - 1, Math.max(0, Math.floor(((xl < xh ? xh : xl) - x0) * invW))) + 1));
        x = lc <= cB ? (colLo[lc] as number) - ax : 0;
        if (lc <= cB && !(tl - dy * x > 0) && !(th - dy * x > 0)) {
          for (; lc > cA; lc--) {
            x = (colLo[lc - 1] as number) - ax;
            if (tl - dy * x > 0 || th - dy * x > 0) break;
          }
        } else {
          for (lc++; lc <= cB; lc++) {
            x = (colLo[lc] as number) - ax;
            if (!(tl - dy * x > 0) && !(th - dy * x > 0)) break;
          }
        }
        right[i] = rc;
        left[i] = lc;
        if (rc >= cA) eventStart[rc - cA + 1] = (eventStart[rc - cA + 1] as number) + 1;
        for (let c = Math.max(rc + 1, cA); c < lc; c++) {
          crossStart[c - cA + 1] = (crossStart[c - cA + 1] as number) + 1;
          crossTotal++;
        }
      }
      for (let i = 0; i < columns; i++) {
        eventStart[i + 1] = (eventStart[i + 1] as number) + (eventStart[i] as number);
        crossStart[i + 1] = (crossStart[i + 1] as number) + (crossStart[i] as number);
      }
      const events = this.events.grow(n), crossings = this.crossings.grow(crossTotal);
      // Fill (the starts move to the ends; shifted back below).
      for (let i = 0; i < n; i++) {
        const e = rowEdges[s + i] as number;
        const rc = right[i] as number, lc = left[i] as number;
        if (rc >= cA) {
          events[eventStart[rc - cA] as number] = e;
          eventStart[rc - cA] = (eventStart[rc - cA] as number) + 1;
        }
        for (let c = Math.max(rc + 1, cA); c < lc; c++) {
          crossings[crossStart[c - cA] as number] = e;
          crossStart[c - cA] = (crossStart[c - cA] as number) + 1;
        }
      }
      for (let i = columns; i > 0; i--) {
        eventStart[i] = eventStart[i - 1] as number;
        crossStart[i] = crossStart[i - 1] as number;
      }
      eventStart[0] = 0;
      crossStart[0] = 0;

      // Sweep the row from the right: an edge right of a cell is right of every cell to its left.
      // [point y >= v] for each end v of an edge right of the cell, and each inherited break: a
      // constant 1 below the strip, 0 above it, else a break (two equal breaks cancel).
      let parity = parity0;
      const open = this.open.scratch(breakEnd - breakStart + 2 * n);
      let openCount = 0;
      const breaks = this.breakPool.data;
      for (let q = breakStart; q < breakEnd; q++) {
        const v = breaks[q] as number;
        if (v < sLo) parity ^= 1;
        else if (v <= sHi) {
          let k = 0;
          while (k < openCount && open[k] !== v) k++;
          if (k < openCount) open[k] = open[--openCount] as number;
          else open[openCount++] = v;
        }
      }
      for (let c = cB; c >= cA; c--) {
        const at = c - cA;
        for (let q = eventStart[at] as number, qe = eventStart[at + 1] as number; q < qe; q++) {
          const e = events[q] as number;
          for (let end = 1; end <= 3; end += 2) {
            const v = coords[e * 2 + end] as number;
            if (v < sLo) parity ^= 1;
            else if (v <= sHi) {
              let k = 0;
              while (k < openCount && open[k] !== v) k++;
              if (k < openCount) open[k] = open[--openCount] as number;
              else open[openCount++] = v;
            }
          }
        }
        const cell = r * nx + c;
        const cs = crossStart[at] as number, ce = crossStart[at + 1] as number;
        if (cs === ce && openCount === 0) {
          if (parity === 0) continue;
          const covers = bx0 <= (colLo[c] as number) && by0 <= sLo && bx1 >= (colHi[c] as number) && by1 >= sHi;
          if (covers) {
            const current = full[cell] as number;
            if (current === -1 || area < current) full[cell] = area;
            continue;
          }
        }
        const id = this.entPart.length;
        this.entPart.push(part);
        this.entParity.push(parity);
        this.entBreakStart.push(this.breakPool.length);
        this.entBreakCount.push(openCount);
        for (let k = 0; k < openCount; k++) this.breakPool.push(open[k] as number);
        this.entEdgeStart.push(this.edgePool.length);
        this.entEdgeCount.push(ce - cs);
        for (let q = cs; q < ce; q++) this.edgePool.push(crossings[q] as number);
        pool = this.edgePool.data;
        this.outCell.push(cell);
        this.outEntry.push(id);
      }
    }
  }

  /** Writes a leaf: [count, fallback, refinement record, then per entry: area, flags, part, breaks, edges, the breaks, the edges]. */
  private leaf(list: Int32Array, from: number, to: number, fallback: number, ref: number, lo: number, bottom: number, hi: number, top: number): number {
    const offset = this.leaves.length;
    const L = this.leaves, box = this.partBox;
    L.push(to - from);
    L.push(fallback);
    L.push(ref);
    for (let k = from; k < to; k++) {
      const e = list[k] as number;
      const part = this.entPart.data[e] as number;
      const covers = (box[part * 4] as number) <= lo && (box[part * 4 + 1] as number) <= bottom && (box[part * 4 + 2] as number) >= hi && (box[part * 4 + 3] as number) >= top;
      const nb = this.entBreakCount.data[e] as number, ne = this.entEdgeCount.data[e] as number;
      L.push(this.partArea[part] as number);
      L.push((this.entParity.data[e] as number) | (covers ? 0 : 2));
      L.push(part);
      L.push(nb);
      L.push(ne);
      const bs = this.entBreakStart.data[e] as number, es = this.entEdgeStart.data[e] as number;
      for (let q = bs; q < bs + nb; q++) L.push(this.breakPool.data[q] as number);
      // Edges inline, lower end first: [ax, ay, bx, by].
      const coords = this.coords;
      for (let q = es; q < es + ne; q++) {
        const i = (this.edgePool.data[q] as number) * 2;
        const lower = (coords[i + 1] as number) > (coords[i + 3] as number) ? i + 2 : i, upper = lower === i ? i + 2 : i;
        L.push(coords[lower] as number);
        L.push(coords[lower + 1] as number);
        L.push(coords[upper] as number);
        L.push(coords[upper + 1] as number);
      }
      this.leafEntries++;
      this.leafEdges += ne;
      this.leafBreaks += nb;
    }
    this.leafCount++;
    return offset;
  }
}

/** The answer of a leaf cell: its entries lowest area first, then its fallback. */
function locateInLeaf(L: Float64Array, offset: number, partBox: Float64Array, x: number, y: number): number {
  const count = L[offset] as number;
  let o = offset + LEAF_HEADER;
  for (let k = 0; k < count; k++) {
    const flags = L[o + 1] as number, nb = L[o + 3] as number, ne = L[o + 4] as number;
    const next = o + ENTRY_HEADER + nb + ne * 4;
    if ((flags & 2) !== 0) {
      const b = (L[o + 2] as number) * 4;
      if (!(x >= (partBox[b] as number) && y >= (partBox[b + 1] as number) && x <= (partBox[b + 2] as number) && y <= (partBox[b + 3] as number))) {
        o = next;
        continue;
      }
    }
    let inside = flags & 1;
    let q = o + ENTRY_HEADER;
    for (const breakEnd = q + nb; q < breakEnd; q++) if (y >= (L[q] as number)) inside ^= 1;
    for (; q < next; q += 4) {
      const ay = L[q + 1] as number, by = L[q + 3] as number;
      // The same half-open rule and the same expression as insidePolygon (edges stored lower end first).
      if (ay <= y && y < by) {
        const ax = L[q] as number, bx = L[q + 2] as number;
        if ((bx - ax) * (y - ay) - (by - ay) * (x - ax) > 0) inside ^= 1;
      }
    }
    if (inside !== 0) return L[o] as number;
    o = next;
  }
  return L[offset + 1] as number;
}

/** Widening of a cell: far above the rounding of `(x - x0) * invW` and of `x0 + c * w`. */
function slack(a: number, b: number, cell: number): number {
  return 1e-12 * (Math.abs(a) + Math.abs(b)) + 1e-9 * cell;
}

/** Cells narrower than this (relative to the coordinates) are not split: the margins must stay small. */
function splittable(a: number, b: number, size: number): boolean {
  return size > 1e-8 * (Math.abs(a) + Math.abs(b));
}
