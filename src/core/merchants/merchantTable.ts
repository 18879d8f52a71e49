import type { DictionaryColumn } from './columns.ts';

const emptyDictionary = (): DictionaryColumn => ({ values: [], codes: new Int32Array(0) });

/** A table without rows, for projects whose merchants come as pre-aggregated counts. */
export function emptyMerchantTable(): MerchantTable {
  return {
    count: 0,
    lon: new Float64Array(0),
    lat: new Float64Array(0),
    category: new Uint16Array(0),
    hasQr: new Uint8Array(0),
    txCountMonth: new Uint32Array(0),
    line: new Uint32Array(0),
    id: emptyDictionary(),
    name: emptyDictionary(),
    areaCode: emptyDictionary(),
    areaName: emptyDictionary(),
    qrProvider: emptyDictionary(),
    marketId: emptyDictionary(),
    streetId: emptyDictionary(),
  };
}

/**
 * Merchants as columns, one entry per loaded row (typed arrays, strings kept once each), so
 * that millions of rows fit and a filter change never re-reads them.
 */
export interface MerchantTable {
  readonly count: number;
  /** WGS84 degrees; NaN when the row has no coordinates. */
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  /** Index into the project's category list (the last index is "other" when present). */
  readonly category: Uint16Array;
  /** 1 when the merchant displays a QR code for payment. */
  readonly hasQr: Uint8Array;
  /** QR transactions in the last month; 0 when unknown. */
  readonly txCountMonth: Uint32Array;
  /** Physical line of the row in its CSV file. */
  readonly line: Uint32Array;
  readonly id: DictionaryColumn;
  readonly name: DictionaryColumn;
  readonly areaCode: DictionaryColumn;
  readonly areaName: DictionaryColumn;
  readonly qrProvider: DictionaryColumn;
  readonly marketId: DictionaryColumn;
  readonly streetId: DictionaryColumn;
}
