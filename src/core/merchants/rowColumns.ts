import { ByteDictionaryColumn, RowBytesColumn } from './byteDictionary.ts';
import type { DictionaryColumn } from './columns.ts';
import type { MerchantTable } from './merchantTable.ts';
import type { ColumnIndexes } from './resolveColumns.ts';
import { GrowableFloat64, GrowableUint32, GrowableUint8 } from '../typed/growable.ts';

/** A column the file does not have: no values, no codes (`dictionaryValue` reads '' for every row). */
const absent = (): DictionaryColumn => ({ values: [], codes: new Int32Array(0) });

/** The columns being filled, one entry per kept row; a column the file does not have is not filled (nor sized). */
export class RowColumns {
  readonly lon: GrowableFloat64;
  readonly lat: GrowableFloat64;
  readonly category: GrowableUint32;
  readonly hasQr: GrowableUint8;
  readonly tx: GrowableUint32;
  readonly line: GrowableUint32;
  readonly id: RowBytesColumn;
  readonly name: ByteDictionaryColumn;
  readonly areaCode: ByteDictionaryColumn;
  readonly areaName: ByteDictionaryColumn;
  readonly qrProvider: ByteDictionaryColumn;
  readonly marketId: ByteDictionaryColumn;
  readonly streetId: ByteDictionaryColumn;

  /** `rows`: the rows expected; `has`: the file's columns. */
  constructor(rows: number, has: ColumnIndexes) {
    const rowsIf = (index: number | undefined) => (index === undefined ? 0 : rows);
    this.lon = new GrowableFloat64(rows);
    this.lat = new GrowableFloat64(rows);
    this.category = new GrowableUint32(rows);
    this.hasQr = new GrowableUint8(rows);
    this.tx = new GrowableUint32(rows);
    this.line = new GrowableUint32(rows);
    this.id = new RowBytesColumn(rows);
    this.name = new ByteDictionaryColumn(rows, rows >> 2);
    this.areaCode = new ByteDictionaryColumn(rowsIf(has.areaCode));
    this.areaName = new ByteDictionaryColumn(rowsIf(has.areaName));
    this.qrProvider = new ByteDictionaryColumn(rowsIf(has.qrProvider));
    this.marketId = new ByteDictionaryColumn(rowsIf(has.marketId));
    this.streetId = new ByteDictionaryColumn(rowsIf(has.streetId));
  }

  /** The table, given its final `category` column and `line` (`line.finish()`); `has` says which optional columns the file has (one it lacks gets no codes at all). */
  finish(category: Uint16Array, line: Uint32Array, has: ColumnIndexes): MerchantTable {
    return {
      count: this.line.length,
      lon: this.lon.finish(),
      lat: this.lat.finish(),
      category,
      hasQr: this.hasQr.finish(),
      txCountMonth: this.tx.finish(),
      line,
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
