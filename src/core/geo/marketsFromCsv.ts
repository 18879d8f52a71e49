import { detectDelimiter, stripBom, tokenizeCsv } from '../csv/tokenizeCsv.ts';
import { parseDecimal } from '../merchants/parseValues.ts';

const LAT = ['lat', 'latitude', 'vĩ độ', 'vi do', 'y'];
const LON = ['lon', 'lng', 'long', 'longitude', 'kinh độ', 'kinh do', 'x'];
const MARKET_HINTS = ['stalls_total', 'stalls_qr', 'market_id', 'mã chợ', 'tên chợ', 'số sạp'];

const normalise = (header: string) => header.trim().normalize('NFC').toLowerCase();

/** True when a CSV lists markets (stall counts or market ids, with coordinates) rather than merchants. */
export function isMarketsCsv(text: string): boolean {
  const source = stripBom(text);
  const firstLine = source.slice(0, source.search(/\r|\n|$/));
  const header = firstLine.split(detectDelimiter(source)).map((h) => normalise(h.replace(/^"|"$/g, '')));
  return header.some((h) => MARKET_HINTS.includes(h)) && header.some((h) => LAT.includes(h)) && header.some((h) => LON.includes(h)) && !header.includes('has_qr');
}

const NUMERIC = new Set(['stalls_total', 'stalls_qr', 'grade']);

/**
 * A markets CSV as GeoJSON points, every column kept as a property (counts as numbers), so the
 * markets reader checks it like any markets file. A row without readable coordinates becomes a
 * feature without geometry, which that reader reports; feature i is the CSV's data row i + 1.
 */
export function marketsCsvToGeoJson(text: string): string {
  const source = stripBom(text);
  let header: string[] | null = null;
  let latIndex = -1;
  let lonIndex = -1;
  const features: unknown[] = [];
  tokenizeCsv(
    source,
    detectDelimiter(source),
    ({ fields }) => {
      if (header === null) {
        header = fields.map((f) => f.trim().normalize('NFC'));
        latIndex = header.findIndex((h) => LAT.includes(normalise(h)));
        lonIndex = header.findIndex((h) => LON.includes(normalise(h)));
        return;
      }
      const properties: Record<string, string | number> = Object.create(null) as Record<string, string | number>;
      header.forEach((name, i) => {
        const value = (fields[i] ?? '').trim().normalize('NFC');
        const number = NUMERIC.has(normalise(name)) ? parseDecimal(value) : NaN;
        properties[name] = Number.isFinite(number) ? number : value;
      });
      const lat = parseDecimal(fields[latIndex] ?? '');
      const lon = parseDecimal(fields[lonIndex] ?? '');
      const geometry = Number.isFinite(lat) && Number.isFinite(lon) ? { type: 'Point', coordinates: [lon, lat] } : null;
      features.push({ type: 'Feature', properties, geometry });
    },
    () => {},
  );
  return JSON.stringify({ type: 'FeatureCollection', features });
}
