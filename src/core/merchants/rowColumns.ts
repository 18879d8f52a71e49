import { ByteDictionaryColumn, RowBytesColumn } from './byteDictionary.ts';
import type { DictionaryColumn } from './columns.ts';
import type { MerchantTable } from './merchantTable.ts';
import type { ColumnIndexes } from './resolveColumns.ts';
import { GrowableFloat64, GrowableUint32 } from '../typed/growable.ts';

/** A column the file does not have: no values, no codes (`dictionaryValue` reads '' for every row). */
const absent = (): DictionaryColumn => ({ values: [], codes: new Int32Array(0) });

/** The columns being filled, one entry per kept row. */
export class RowColumns {
  readonly lon: GrowableFloat64;
  readonly lat: GrowableFloat64;
  readonly category: GrowableUint32;
  readonly hasQr: GrowableUint32;
  readonly tx: GrowableUint32;
  readonly line: GrowableUint32;
  readonly id: RowBytesColumn;
  readonly name: ByteDictionaryColumn;
  readonly areaCode: ByteDictionaryColumn;
  readonly areaName: ByteDictionaryColumn;
  readonly qrProvider: ByteDictionaryColumn;
  readonly marketId: ByteDictionaryColumn;
  readonly streetId: ByteDictionaryColumn;

  constructor(rows: number) {
    this.lon = new GrowableFloat64(rows);
    this.lat = new GrowableFloat64(rows);
    this.category = new GrowableUint32(rows);
    this.hasQr = new GrowableUint32(rows);
    this.tx = new GrowableUint32(rows);
    this.line = new GrowableUint32(rows);
    this.id = new RowBytesColumn(rows);
    this.name = new ByteDictionaryColumn(rows, rows >> 2);
    this.areaCode = new ByteDictionaryColumn(rows);
    this.areaName = new ByteDictionaryColumn(rows);
    this.qrProvider = new ByteDictionaryColumn(rows);
    this.marketId = new ByteDictionaryColumn(rows);
    this.streetId = new ByteDictionaryColumn(rows);
  }

  /** The table; `has` says which optional columns the file has (one it lacks gets no codes at all). */
  finish(category: Uint16Array, has: ColumnIndexes): MerchantTable {
    return {
      count: this.line.length,
      lon: this.lon.toArray(),
      lat: this.lat.toArray(),
      category,
      hasQr: Uint8Array.from(this.hasQr.toArray()),
      txCountMonth: this.tx.toArray(),
      line: this.line.toArray(),
      id: this.id.finish(),
      name: this.name.finishTable(),
      areaCode: has.areaCode !== undefined ? this.areaCode.finishValues() : absent(),
      areaName: has.areaName !== undefined ? this.areaName.finishValues() : absent(),
      qrProvider: has.qrProvider !== undefined ? this.qrProvider.finishValues() : absent(),
      marketId: has.marketId !== undefined ? this.marketId.finishValues() : absent(),
      streetId: has.streetId !== undefined ? this.streetId.finishValues() : absent(),
    };
  }
}
