import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

/** Facts about the committed demo data, read with an independent CSV parser (papaparse), not the app's. */
export interface DemoFacts {
  readonly merchants: number;
  readonly withQr: number;
  readonly byCategory: ReadonlyMap<string, { merchants: number; withQr: number }>;
  readonly wardNames: ReadonlySet<string>;
  readonly firstWardCode: string;
}

export function readDemoFacts(): DemoFacts {
  const csv = readFileSync('data/demo/merchants.csv', 'utf8');
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  const byCategory = new Map<string, { merchants: number; withQr: number }>();
  let withQr = 0;
  for (const row of parsed.data) {
    const entry = byCategory.get(row.category ?? '') ?? { merchants: 0, withQr: 0 };
    entry.merchants++;
    if (row.has_qr === '1') {
      entry.withQr++;
      withQr++;
    }
    byCategory.set(row.category ?? '', entry);
  }
  const areas = JSON.parse(readFileSync('data/demo/areas.geojson', 'utf8')) as { features: { properties: { ward_name: string; ward_code: string } }[] };
  return {
    merchants: parsed.data.length,
    withQr,
    byCategory,
    wardNames: new Set(areas.features.map((f) => f.properties.ward_name)),
    firstWardCode: areas.features[0]?.properties.ward_code ?? '',
  };
}
