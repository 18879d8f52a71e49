/** Merchant rows: general shops spread over the city, plus market stalls and street frontage. */
import type { Position } from 'geojson';
import { merchantName, type CategoryId } from './names.ts';
import { pointAlong, ratioOf, type Market, type Street } from './places.ts';
import { clamp, type Rng } from './random.ts';
import { locate, samplePoint, shortName, type City, type XY } from './city.ts';
import type { Ward } from './wards.ts';

export interface Merchant {
  id: string;
  name: string;
  category: CategoryId;
  /** [lon, lat], or null for rows listed by ward only. */
  position: Position | null;
  ward_code: string;
  has_qr: boolean;
  qr_provider: string;
  market_id: string;
  street_id: string;
  qr_since: string;
  tx_count_month: number;
}

type Weights = readonly (readonly [CategoryId, number])[];

/** How much more (or less) likely a category is to have QR than the ward's base rate. */
export const CATEGORY_FACTOR: Readonly<Record<CategoryId, number>> = {
  thuc_pham: 0.85, hang_tieu_dung: 0.9, thoi_trang: 1.0, thu_cong_my_nghe: 0.6, dich_vu_an_uong: 1.0,
  cua_hang_tien_loi: 1.4, minimart: 1.2, sieu_thi: 1.4, vien_thong: 1.2, giao_duc: 1.1, y_te: 1.1, tien_ich: 1.3,
};

const GENERAL_WEIGHTS: Weights = [
  ['dich_vu_an_uong', 25], ['thuc_pham', 18], ['hang_tieu_dung', 17], ['thoi_trang', 10], ['minimart', 5],
  ['vien_thong', 5], ['y_te', 5], ['giao_duc', 4], ['thu_cong_my_nghe', 3], ['cua_hang_tien_loi', 3],
  ['tien_ich', 1], ['sieu_thi', 0.8],
];
const MARKET_WEIGHTS: Weights = [
  ['thuc_pham', 45], ['thoi_trang', 22], ['dich_vu_an_uong', 15], ['hang_tieu_dung', 10], ['thu_cong_my_nghe', 5], ['vien_thong', 3],
];
const FOOD_STREET_WEIGHTS: Weights = [
  ['dich_vu_an_uong', 60], ['thuc_pham', 10], ['thoi_trang', 8], ['hang_tieu_dung', 8], ['cua_hang_tien_loi', 6],
  ['vien_thong', 4], ['thu_cong_my_nghe', 4],
];
const STREET_WEIGHTS: Weights = [
  ['thoi_trang', 25], ['dich_vu_an_uong', 25], ['hang_tieu_dung', 12], ['vien_thong', 10], ['thu_cong_my_nghe', 8],
  ['cua_hang_tien_loi', 7], ['y_te', 5], ['minimart', 5], ['giao_duc', 3],
];

const PROVIDERS: readonly (readonly [string, number])[] = [
  ['Vietcombank', 14], ['BIDV', 12], ['VietinBank', 10], ['Agribank', 9], ['MB', 12], ['Techcombank', 8],
  ['ACB', 5], ['Sacombank', 4], ['VNPAY', 8], ['MoMo', 11], ['ZaloPay', 5],
];

const FIRST_DAY = Date.UTC(2021, 0, 1);
const LAST_DAY = Date.UTC(2026, 8, 30);
const DAY_MS = 86_400_000;

interface Draft {
  category: CategoryId;
  position: Position | null;
  ward: Ward;
  pQr: number;
  market_id: string;
  street_id: string;
}

function finish(rng: Rng, d: Draft): Omit<Merchant, 'id'> {
  const hasQr = rng.chance(clamp(d.pQr, 0.02, 0.97));
  let qrSince = '';
  let tx = 0;
  let provider = '';
  if (hasQr) {
    provider = rng.weighted(PROVIDERS);
    // Adoption accelerates over time: later dates are more common.
    const days = Math.floor(((LAST_DAY - FIRST_DAY) / DAY_MS + 1) * rng.next() ** 0.6);
    qrSince = new Date(FIRST_DAY + days * DAY_MS).toISOString().slice(0, 10);
    // A sticker is not usage: about a third of QR merchants have no transactions.
    const idle = 0.22 + 0.25 * (1 - d.ward.baseRate);
    tx = rng.chance(idle) ? 0 : Math.round(clamp(Math.exp(rng.normal(3.3, 1.1)), 1, 900));
  }
  return {
    name: merchantName(rng, d.category, shortName(d.ward)),
    category: d.category,
    position: d.position,
    ward_code: d.ward.feature.properties.ward_code,
    has_qr: hasQr,
    qr_provider: provider,
    market_id: d.market_id,
    street_id: d.street_id,
    qr_since: qrSince,
    tx_count_month: tx,
  };
}

export function generateMerchants(rng: Rng, city: City, markets: readonly Market[], streets: readonly Street[]): Merchant[] {
  const drafts: Draft[] = [];

  for (const m of markets) {
    const g = m.feature.properties.grade;
    const n = g === 1 ? rng.int(70, 100) : g === 2 ? rng.int(35, 55) : rng.int(15, 30);
    const ratio = ratioOf(m);
    for (let placed = 0; placed < n; ) {
      const r = 75 * Math.sqrt(rng.next());
      const a = rng.range(0, 2 * Math.PI);
      const here = locate(city, [m.xy[0] + r * Math.cos(a), m.xy[1] + r * Math.sin(a)]);
      if (here === undefined) continue;
      const category = rng.weighted(MARKET_WEIGHTS);
      drafts.push({
        category, position: here.position, ward: here.ward,
        pQr: ratio * Math.sqrt(CATEGORY_FACTOR[category]), market_id: m.feature.properties.market_id, street_id: '',
      });
      placed++;
    }
  }

  for (const s of streets) {
    const p = s.feature.properties;
    const food = /ẩm thực|đêm/u.test(p.name);
    const n = Math.round(p.length_m / rng.range(20, 26));
    const base = p.status === 'certified' ? 0.88 : 0.6;
    for (let placed = 0; placed < n; ) {
      const along = pointAlong(s.xy, rng.range(0, p.length_m));
      const off = (rng.chance(0.5) ? 1 : -1) * rng.range(8, 24);
      const here = locate(city, [along.p[0] + along.nx * off, along.p[1] + along.ny * off]);
      if (here === undefined) continue;
      const category = rng.weighted(food ? FOOD_STREET_WEIGHTS : STREET_WEIGHTS);
      drafts.push({
        category, position: here.position, ward: here.ward,
        pQr: base * Math.sqrt(CATEGORY_FACTOR[category]), market_id: '', street_id: p.street_id,
      });
      placed++;
    }
  }

  const total = rng.int(5_900, 6_300);
  while (drafts.length < total) {
    const xy: XY = samplePoint(rng, city, 0.2);
    const here = locate(city, xy);
    if (here === undefined) continue;
    const category = rng.weighted(GENERAL_WEIGHTS);
    drafts.push({
      category,
      position: rng.chance(0.021) ? null : here.position,
      ward: here.ward,
      pQr: here.ward.baseRate * CATEGORY_FACTOR[category],
      market_id: '',
      street_id: '',
    });
  }

  const rows = drafts.map((d) => finish(rng, d));
  rng.shuffle(rows);
  return rows.map((r, i) => ({ id: `M${String(i + 1).padStart(6, '0')}`, ...r }));
}
