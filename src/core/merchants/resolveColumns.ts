import type { MerchantColumns } from '../manifest/types.ts';

export type MerchantField = keyof MerchantColumns;

/** Headers recognised for each field when the project does not name the column. */
const ALIASES: Readonly<Record<MerchantField, readonly string[]>> = {
  id: ['id', 'mã', 'ma', 'merchant_id', 'mã cơ sở'],
  name: ['name', 'tên', 'tên cơ sở', 'ten', 'merchant_name'],
  category: ['category', 'ngành hàng', 'loại hình', 'nganh hang'],
  lat: ['lat', 'latitude', 'vĩ độ', 'vi do', 'y'],
  lon: ['lon', 'lng', 'long', 'longitude', 'kinh độ', 'kinh do', 'x'],
  hasQr: ['has_qr', 'qr', 'có qr', 'co qr'],
  areaCode: ['ward_code', 'area_code', 'mã phường', 'mã xã', 'ma phuong', 'ma xa'],
  areaName: ['ward_name', 'area_name', 'ward', 'phường', 'xã', 'phường/xã', 'phường, xã', 'tên phường', 'tên xã', 'phuong', 'xa'],
  qrProvider: ['qr_provider', 'provider', 'đơn vị cung cấp'],
  marketId: ['market_id', 'mã chợ'],
  streetId: ['street_id', 'mã tuyến phố'],
  txCountMonth: ['tx_count_month', 'transactions_month', 'số giao dịch tháng'],
};

const REQUIRED: readonly MerchantField[] = ['id', 'name', 'category', 'hasQr'];

export type ColumnIndexes = Partial<Record<MerchantField, number>>;

const normaliseHeader = (header: string) => header.trim().normalize('NFC').toLowerCase();

/** Column index of each field: the project's mapping first, then the known headers; lists required fields not found. */
export function resolveColumns(
  header: readonly string[],
  mapping: Partial<MerchantColumns>,
): { indexes: ColumnIndexes; missing: MerchantField[] } {
  const normalised = header.map(normaliseHeader);
  const indexes: ColumnIndexes = {};
  for (const field of Object.keys(ALIASES) as MerchantField[]) {
    const named = mapping[field];
    const candidates = named !== undefined ? [normaliseHeader(named)] : ALIASES[field];
    const index = normalised.findIndex((h) => candidates.includes(h));
    if (index >= 0) indexes[field] = index;
  }
  const missing = REQUIRED.filter((field) => indexes[field] === undefined);
  const hasLocation = (indexes.lat !== undefined && indexes.lon !== undefined) || indexes.areaCode !== undefined || indexes.areaName !== undefined;
  if (!hasLocation) missing.push(indexes.lat === undefined ? 'lat' : 'lon');
  return { indexes, missing };
}
