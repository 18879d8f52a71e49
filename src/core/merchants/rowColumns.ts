import { ByteDictionaryColumn, RowBytesColumn } from './byteDictionary.ts';
import type { DictionaryColumn } from './columns.ts';
import type { MerchantTable } from './merchantTable.ts';
import { Float64Column, Uint32Column } from './typedColumns.ts';

/** A column the file does not have: no values, no codes (`dictionaryValue` reads '' for every row). */
const absent = (): DictionaryColumn => ({ values: [], codes: new Int32Array(0) });

/** The columns being filled, one entry per kept row. */
export class RowColumns {
  readonly lon: Float64Column;
  readonly lat: Float64Column;
  readonly category: Uint32Column;
  readonly hasQr: Uint32Column;
  readonly tx: Uint32Column;
  readonly line: Uint32Column;
  readonly id: RowBytesColumn;
  readonly name: ByteDictionaryColumn;
  readonly areaCode: ByteDictionaryColumn;
  readonly areaName: ByteDictionaryColumn;
  readonly qrProvider: ByteDictionaryColumn;
  readonly marketId: ByteDictionaryColumn;
  readonly streetId: ByteDictionaryColumn;

  constructor(rows: number) {
    this.lon = new Float64Column(rows);
    this.lat = new Float64Column(rows);
    this.category = new Uint32Column(rows);
    this.hasQr = new Uint32Column(rows);
    this.tx = new Uint32Column(rows);
    this.line = new Uint32Column(rows);
    this.id = new RowBytesColumn(rows);
    this.name = new ByteDictionaryColumn(rows, rows >> 2);
    this.areaCode = new ByteDictionaryColumn(rows);
    this.areaName = new ByteDictionaryColumn(rows);
    this.qrProvider = new ByteDictionaryColumn(rows);
    this.marketId = new ByteDictionaryColumn(rows);
    this.streetId = new ByteDictionaryColumn(rows);
  }

  finish(category: Uint16Array, has: { iAreaCode: number; iAreaName: number; iQrProvider: number; iMarketId: number; iStreetId: number }): MerchantTable {
    return {
      count: this.line.length,
      lon: this.lon.finish(),
      lat: this.lat.finish(),
      category,
      hasQr: Uint8Array.from(this.hasQr.finish()),
      txCountMonth: this.tx.finish(),
      line: this.line.finish(),
      id: this.id.finish(),
      name: this.name.finishTable(),
      areaCode: has.iAreaCode >= 0 ? this.areaCode.finishValues() : absent(),
      areaName: has.iAreaName >= 0 ? this.areaName.finishValues() : absent(),
      qrProvider: has.iQrProvider >= 0 ? this.qrProvider.finishValues() : absent(),
      marketId: has.iMarketId >= 0 ? this.marketId.finishValues() : absent(),
      streetId: has.iStreetId >= 0 ? this.streetId.finishValues() : absent(),
    };
  }
}
