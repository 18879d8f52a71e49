/**
 * Generates the SYNTHETIC demo data of a fictional city ("Thành phố Mẫu") into data/demo/:
 * areas.geojson, merchants.csv, markets.geojson, streets.geojson. Seeded and deterministic:
 * running it twice gives byte-identical files. Run: npm run demo:generate
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, Geometry } from 'geojson';
import { createSubCentres, type City } from './demo/city.ts';
import { assertOnLand, WardIndex } from './demo/geo.ts';
import { generateMerchants, type Merchant } from './demo/merchants.ts';
import { generateMarkets, generateStreets } from './demo/places.ts';
import { Rng } from './demo/random.ts';
import { generateWards, type Ward } from './demo/wards.ts';

const SEED = 20_250_701;
const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'demo');

const CSV_HEADER = ['id', 'name', 'category', 'lat', 'lon', 'ward_code', 'has_qr', 'qr_provider', 'market_id', 'street_id', 'qr_since', 'tx_count_month'];

function featureCollection(features: readonly Feature<Geometry, object>[]): string {
  return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

/** RFC 4180 quoting: fields with a comma, double quote or line break are quoted, quotes doubled. */
function csvField(value: string): string {
  return /[",\r\n]/u.test(value) ? `"${value.replace(/"/gu, '""')}"` : value;
}

function merchantsCsv(rows: readonly Merchant[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const m of rows) {
    const [lon, lat] = m.position ?? [];
    lines.push(
      [
        m.id, m.name, m.category, lat === undefined ? '' : String(lat), lon === undefined ? '' : String(lon), m.ward_code,
        m.has_qr ? '1' : '0', m.qr_provider, m.market_id, m.street_id, m.qr_since, String(m.tx_count_month),
      ].map(csvField).join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function verifyMerchants(city: City, rows: readonly Merchant[]): void {
  for (const m of rows) {
    if (!city.byCode.has(m.ward_code)) throw new Error(`${m.id}: unknown ward_code ${m.ward_code}`);
    if (m.position === null) continue;
    const ward = city.index.find(m.position);
    if (ward?.properties.ward_code !== m.ward_code) throw new Error(`${m.id}: not inside ward ${m.ward_code}`);
  }
}

function main(): void {
  const rng = new Rng(SEED);
  const wards: Ward[] = generateWards(rng);
  assertOnLand(wards.flatMap((w) => w.feature.geometry.coordinates.flat()), 'ward vertex');
  const city: City = {
    wards,
    index: new WardIndex(wards.map((w) => w.feature)),
    byCode: new Map(wards.map((w) => [w.feature.properties.ward_code, w])),
    subCentres: createSubCentres(rng),
  };
  const markets = generateMarkets(rng, city);
  const streets = generateStreets(rng, city, markets);
  const merchants = generateMerchants(rng, city, markets, streets);
  verifyMerchants(city, merchants);

  // Registered businesses: more than the merchants listed (not every business is in the list).
  const counts = new Map<string, number>();
  for (const m of merchants) counts.set(m.ward_code, (counts.get(m.ward_code) ?? 0) + 1);
  for (const w of wards) {
    const n = counts.get(w.feature.properties.ward_code) ?? 0;
    w.feature.properties.registered_businesses = Math.max(5, Math.ceil(n * rng.range(1.1, 1.6)));
  }

  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, 'areas.geojson'), featureCollection(wards.map((w) => w.feature)));
  writeFileSync(join(OUT_DIR, 'markets.geojson'), featureCollection(markets.map((m) => m.feature)));
  writeFileSync(join(OUT_DIR, 'streets.geojson'), featureCollection(streets.map((s) => s.feature)));
  writeFileSync(join(OUT_DIR, 'merchants.csv'), merchantsCsv(merchants));

  const noCoords = merchants.filter((m) => m.position === null).length;
  console.log(
    `wards ${wards.length}, merchants ${merchants.length} (${noCoords} without coordinates), markets ${markets.length}, streets ${streets.length}`,
  );
}

main();
