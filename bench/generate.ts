/**
 * Seeded synthetic inputs for the benchmark: ward polygons tiling Việt Nam's bounding box, and a
 * merchant CSV clustered around ~20 cities. Own PRNG (sfc32), never Math.random: same seed, same bytes.
 */
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import { categoryId } from '../src/core/ids.ts';
import type { CategoryDefinition } from '../src/core/manifest/types.ts';

/** sfc32 with a splitmix32 seed expansion; uniform in [0, 1) and a Box–Muller gaussian. */
export class Rng {
  private a: number; private b: number; private c: number; private d: number;
  constructor(seed: number) {
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next(); this.b = next(); this.c = next(); this.d = next();
    for (let i = 0; i < 12; i++) this.next();
  }
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  int(n: number): number { return Math.floor(this.next() * n); }
  pick<T>(items: readonly T[]): T { return items[this.int(items.length)] as T; }
  gauss(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
}

/** Việt Nam's bounding box (mainland), lon/lat degrees. */
export const BBOX = { minLon: 102.14, minLat: 8.56, maxLon: 109.47, maxLat: 23.39 } as const;

interface City { readonly lon: number; readonly lat: number; readonly weight: number; readonly qr: number }
const CITIES: readonly City[] = [
  { lon: 105.85, lat: 21.03, weight: 14, qr: 0.72 }, // Hà Nội
  { lon: 106.7, lat: 10.78, weight: 16, qr: 0.75 }, // TP. Hồ Chí Minh
  { lon: 106.68, lat: 20.86, weight: 3, qr: 0.6 }, // Hải Phòng
  { lon: 108.22, lat: 16.05, weight: 3, qr: 0.65 }, // Đà Nẵng
  { lon: 105.78, lat: 10.03, weight: 2, qr: 0.55 }, // Cần Thơ
  { lon: 106.82, lat: 10.95, weight: 2, qr: 0.55 }, // Biên Hòa
  { lon: 106.65, lat: 10.98, weight: 2, qr: 0.55 }, // Thủ Dầu Một
  { lon: 109.19, lat: 12.24, weight: 1.5, qr: 0.6 }, // Nha Trang
  { lon: 107.59, lat: 16.46, weight: 1.5, qr: 0.55 }, // Huế
  { lon: 105.69, lat: 18.68, weight: 1.2, qr: 0.45 }, // Vinh
  { lon: 105.78, lat: 19.81, weight: 1, qr: 0.45 }, // Thanh Hóa
  { lon: 108.05, lat: 12.67, weight: 1, qr: 0.4 }, // Buôn Ma Thuột
  { lon: 109.22, lat: 13.78, weight: 1, qr: 0.45 }, // Quy Nhơn
  { lon: 105.84, lat: 21.59, weight: 1, qr: 0.45 }, // Thái Nguyên
  { lon: 106.17, lat: 20.42, weight: 1, qr: 0.45 }, // Nam Định
  { lon: 107.08, lat: 20.95, weight: 1, qr: 0.55 }, // Hạ Long
  { lon: 107.08, lat: 10.35, weight: 1, qr: 0.55 }, // Vũng Tàu
  { lon: 108.44, lat: 11.94, weight: 0.8, qr: 0.5 }, // Đà Lạt
  { lon: 105.43, lat: 10.38, weight: 0.8, qr: 0.4 }, // Long Xuyên
  { lon: 108.0, lat: 13.98, weight: 0.7, qr: 0.35 }, // Pleiku
  { lon: 105.15, lat: 9.18, weight: 0.6, qr: 0.35 }, // Cà Mau
];

const CATEGORY_LABELS: readonly (readonly [string, string, string])[] = [
  ['thuc_pham', 'Thực phẩm', 'Food'], ['hang_tieu_dung', 'Hàng tiêu dùng', 'Consumer goods'],
  ['thoi_trang', 'Thời trang', 'Fashion'], ['thu_cong_my_nghe', 'Thủ công mỹ nghệ', 'Handicrafts'],
  ['dich_vu_an_uong', 'Dịch vụ ăn uống', 'Food & drink services'], ['cua_hang_tien_loi', 'Cửa hàng tiện lợi', 'Convenience stores'],
  ['minimart', 'Minimart', 'Minimarts'], ['sieu_thi', 'Siêu thị', 'Supermarkets'],
  ['vien_thong', 'Dịch vụ viễn thông', 'Telecom services'], ['giao_duc', 'Giáo dục', 'Education'],
  ['y_te', 'Y tế', 'Health'], ['tien_ich', 'Điện, nước, rác', 'Utilities'],
];
/** The 12 categories, as a project manifest would list them. */
export const CATEGORIES: readonly CategoryDefinition[] = CATEGORY_LABELS.map(([id, vi, en]) => ({
  id: categoryId(id), label: { vi: vi.normalize('NFC'), en }, color: '#888888',
}));
const CATEGORY_WEIGHTS = [18, 14, 10, 3, 20, 8, 6, 2, 6, 4, 5, 4];

const PREFIXES = ['Tạp hóa', 'Quán cơm', 'Cửa hàng', 'Shop', 'Tiệm', 'Nhà thuốc', 'Siêu thị mini', 'Quán phở', 'Bánh mì', 'Cà phê', 'Tiệm vàng', 'Điện thoại', 'Bún bò', 'Văn phòng phẩm', 'Sửa xe'].map((s) => s.normalize('NFC'));
const PEOPLE = ['Bà Hai', 'Cô Lan', 'Anh Tuấn', 'Chị Hoa', 'Minh Anh', 'Thu Trang', 'Hồng Phúc', 'Ông Sáu', 'Bảo Ngọc', 'Đức Thịnh', 'Phương Thảo', 'Quốc Việt', 'Hương Giang', 'Thanh Hà', 'Kim Liên', 'Ngọc Ánh', 'Hải Đăng', 'Tấn Phát', 'Mỹ Dung', 'Út Nhỏ'].map((s) => s.normalize('NFC'));
const PROVIDERS = ['VietQR', 'MoMo', 'ZaloPay', 'VNPay', 'ViettelPay'];

/** An axis of the ward grid: line positions denser near the cities (weights spread by gaussians). */
function warpedLines(count: number, min: number, max: number, centres: readonly number[], weights: readonly number[]): Float64Array {
  const steps = 4096;
  const cumulative = new Float64Array(steps + 1);
  for (let s = 1; s <= steps; s++) {
    const x = min + ((s - 0.5) / steps) * (max - min);
    let density = 1;
    centres.forEach((c, i) => { density += ((weights[i] ?? 0) / 3) * Math.exp(-((x - c) ** 2) / (2 * 0.25 ** 2)); });
    cumulative[s] = (cumulative[s - 1] ?? 0) + density;
  }
  const total = cumulative[steps] ?? 1;
  const lines = new Float64Array(count + 1);
  let s = 0;
  for (let k = 0; k <= count; k++) {
    const target = (k / count) * total;
    while (s < steps && (cumulative[s + 1] ?? 0) < target) s++;
    const lo = cumulative[s] ?? 0, hi = cumulative[s + 1] ?? lo + 1;
    lines[k] = min + ((s + (hi > lo ? (target - lo) / (hi - lo) : 0)) / steps) * (max - min);
  }
  lines[0] = min; lines[count] = max;
  return lines;
}

export interface AreaGrid {
  readonly geojson: FeatureCollection<Polygon>;
  /** Ward code of the unperturbed grid cell holding a point (what a register would list; may differ near edges). */
  codeAt(lon: number, lat: number): string;
  readonly verticesPerArea: number;
}

/**
 * About `target` wards tiling BBOX: a grid (denser near cities) whose inner corners are jittered and
 * whose edges wiggle (~`vertices`/4 points per edge, zero wiggle at the corners). Each edge is computed
 * once and shared by its two cells, so the cells never overlap and leave no gap.
 */
export function generateAreas(target: number, vertices: number, seed: number): AreaGrid {
  const rng = new Rng(seed);
  const aspect = (BBOX.maxLat - BBOX.minLat) / (BBOX.maxLon - BBOX.minLon);
  const ny = Math.max(1, Math.round(Math.sqrt(target * aspect)));
  const nx = Math.max(1, Math.round(target / ny));
  const xs = warpedLines(nx, BBOX.minLon, BBOX.maxLon, CITIES.map((c) => c.lon), CITIES.map((c) => c.weight));
  const ys = warpedLines(ny, BBOX.minLat, BBOX.maxLat, CITIES.map((c) => c.lat), CITIES.map((c) => c.weight));
  const size = (lines: Float64Array, k: number) => Math.min((lines[k] ?? 0) - (lines[k - 1] ?? -Infinity), (lines[k + 1] ?? Infinity) - (lines[k] ?? 0));
  const corner: Position[] = [];
  for (let j = 0; j <= ny; j++) {
    for (let i = 0; i <= nx; i++) {
      const inner = i > 0 && i < nx && j > 0 && j < ny;
      const dx = inner ? (rng.next() - 0.5) * 0.4 * size(xs, i) : 0;
      const dy = inner ? (rng.next() - 0.5) * 0.4 * size(ys, j) : 0;
      corner.push([(xs[i] ?? 0) + dx, (ys[j] ?? 0) + dy]);
    }
  }
  const at = (i: number, j: number) => corner[j * (nx + 1) + i] as Position;
  const segments = Math.max(1, Math.round(vertices / 4));
  /** Points of an edge from a to b, a excluded, b included; straight on the outer border. */
  const edge = (a: Position, b: Position, border: boolean): Position[] => {
    const [ax = 0, ay = 0] = a, [bx = 0, by = 0] = b;
    const len = Math.hypot(bx - ax, by - ay);
    const amp = border ? 0 : 0.06 * len;
    const f1 = 1 + rng.int(3), f2 = 3 + rng.int(4), p1 = rng.next() * 6.3, p2 = rng.next() * 6.3;
    const out: Position[] = [];
    for (let s = 1; s <= segments; s++) {
      const t = s / segments;
      const off = s === segments ? 0 : amp * Math.sin(Math.PI * t) * (0.7 * Math.sin(f1 * Math.PI * t + p1) + 0.3 * Math.sin(f2 * Math.PI * t + p2));
      out.push(s === segments ? b : [ax + (bx - ax) * t - ((by - ay) / len) * off, ay + (by - ay) * t + ((bx - ax) / len) * off]);
    }
    return out;
  };
  const horizontal: Position[][] = []; // (i, j) → (i+1, j)
  for (let j = 0; j <= ny; j++) for (let i = 0; i < nx; i++) horizontal.push(edge(at(i, j), at(i + 1, j), j === 0 || j === ny));
  const vertical: Position[][] = []; // (i, j) → (i, j+1)
  for (let j = 0; j < ny; j++) for (let i = 0; i <= nx; i++) vertical.push(edge(at(i, j), at(i, j + 1), i === 0 || i === nx));
  /** An edge walked backwards: its inner points reversed, then its start. */
  const reversed = (edgeStart: Position, points: readonly Position[]) => [...points.slice(0, -1).reverse(), edgeStart];
  const features: Feature<Polygon>[] = [];
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const start = at(i, j);
      const ring: Position[] = [start];
      ring.push(...(horizontal[j * nx + i] ?? [])); // bottom, left to right
      ring.push(...(vertical[j * (nx + 1) + i + 1] ?? [])); // right, upwards
      ring.push(...reversed(at(i, j + 1), horizontal[(j + 1) * nx + i] ?? [])); // top, right to left
      ring.push(...reversed(at(i, j), vertical[j * (nx + 1) + i] ?? [])); // left, downwards (ends on start)
      const code = wardCode(j * nx + i);
      features.push({ type: 'Feature', properties: { ward_code: code, ward_name: `Phường ${j * nx + i + 1}` }, geometry: { type: 'Polygon', coordinates: [ring] } });
    }
  }
  const cellOf = (lines: Float64Array, v: number) => {
    let lo = 0, hi = lines.length - 2;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if ((lines[mid] ?? 0) <= v) lo = mid; else hi = mid - 1; }
    return lo;
  };
  return {
    geojson: { type: 'FeatureCollection', features },
    codeAt: (lon, lat) => wardCode(cellOf(ys, lat) * nx + cellOf(xs, lon)),
    verticesPerArea: 4 * segments,
  };
}

/** 5-digit ward codes with leading zeros, spaced like real codes (00001, 00004, …). */
const wardCode = (index: number) => String(1 + index * 3).padStart(5, '0');

export const CSV_HEADER = 'id,name,category,lat,lon,ward_code,has_qr,qr_provider,tx_count_month';

/** RFC 4180: quote fields holding a comma or a quote, doubling quotes. */
const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export interface MerchantsCsv {
  /** Standalone CSV texts, each starting with the header; one text unless `chunkChars` split it. */
  readonly chunks: readonly string[];
  readonly rows: number;
  readonly chars: number;
}

/**
 * `rows` merchants as CSV (CRLF). Built line by line into chunks of about `chunkChars` characters,
 * never as one giant string unless the whole fits in one chunk.
 */
export function generateMerchantsCsv(rows: number, areas: AreaGrid, seed: number, chunkChars: number): MerchantsCsv {
  const rng = new Rng(seed);
  const cityTotal = CITIES.reduce((s, c) => s + c.weight, 0);
  const categoryTotal = CATEGORY_WEIGHTS.reduce((s, w) => s + w, 0);
  const chunks: string[] = [];
  let lines: string[] = [CSV_HEADER];
  let lineChars = CSV_HEADER.length;
  let chars = 0;
  const flush = () => {
    const text = lines.join('\r\n') + '\r\n';
    chunks.push(text);
    chars += text.length;
    lines = [CSV_HEADER];
    lineChars = CSV_HEADER.length;
  };
  for (let row = 0; row < rows; row++) {
    let pickCity = rng.next() * cityTotal;
    let city = CITIES[0] as City;
    for (const c of CITIES) { city = c; pickCity -= c.weight; if (pickCity < 0) break; }
    // Dense core plus a wide hinterland; resampled until inside the box.
    const sigma = (rng.next() < 0.8 ? 0.035 : 0.25) * Math.sqrt(city.weight);
    let lon: number, lat: number;
    do {
      lon = city.lon + rng.gauss() * sigma;
      lat = city.lat + rng.gauss() * sigma;
    } while (lon <= BBOX.minLon || lon >= BBOX.maxLon || lat <= BBOX.minLat || lat >= BBOX.maxLat);
    let pickCategory = rng.next() * categoryTotal, category = 0;
    while (category < CATEGORY_WEIGHTS.length - 1 && (pickCategory -= CATEGORY_WEIGHTS[category] ?? 0) >= 0) category++;
    const roll = rng.next();
    const people = rng.pick(PEOPLE);
    const name = roll < 0.01 ? `${rng.pick(PREFIXES)} "${people}"` : roll < 0.11 ? `${rng.pick(PREFIXES)} ${people}, chi nhánh ${1 + rng.int(9)}` : `${rng.pick(PREFIXES)} ${people} ${1 + rng.int(999)}`;
    const qr = rng.next() < city.qr;
    const tx = qr && rng.next() < 0.8 ? Math.floor(Math.exp(3 + rng.gauss())) : 0;
    const line = [
      `M${String(row + 1).padStart(8, '0')}`, csvField(name), csvField(CATEGORIES[category]?.label.vi ?? ''), lat.toFixed(6), lon.toFixed(6),
      areas.codeAt(lon, lat), qr ? '1' : '0', qr ? rng.pick(PROVIDERS) : '', String(tx),
    ].join(',');
    lines.push(line);
    lineChars += line.length + 2;
    if (lineChars >= chunkChars) flush();
  }
  if (lines.length > 1 || chunks.length === 0) flush();
  return { chunks, rows, chars };
}
