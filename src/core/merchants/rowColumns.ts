import { ByteDictionaryColumn, RowBytesColumn, type NameColumn } from './byteDictionary.ts';
import type { DictionaryColumn } from './columns.ts';
import type { MerchantTable } from './merchantTable.ts';
import type { ColumnIndexes } from './resolveColumns.ts';
import { finished } from '../typed/growable.ts';

/** A column the file does not have: no values, no codes (`dictionaryValue` reads '' for every row). */
const absent = (): DictionaryColumn => ({ values: [], codes: new Int32Array(0) });

/**
 * The columns being filled, one entry per kept row; a column the file does not have is not filled
 * (nor sized). The numeric columns are plain typed arrays grown together: a row is `next()` then
 * one write per column, with no call per value.
 */
export class RowColumns {
  /** Rows kept so far. */
  count = 0;
  lon: Float64Array<ArrayBuffer>;
  lat: Float64Array<ArrayBuffer>;
  /** The category's `CategoryCells.rowValue`. */
  category: Uint32Array<ArrayBuffer>;
  hasQr: Uint8Array<ArrayBuffer>;
  tx: Uint32Array<ArrayBuffer>;
  line: Uint32Array<ArrayBuffer>;
  readonly id: RowBytesColumn;
  readonly name: NameColumn;
  readonly areaCode: ByteDictionaryColumn;
  readonly areaName: ByteDictionaryColumn;
  readonly qrProvider: ByteDictionaryColumn;
  readonly marketId: ByteDictionaryColumn;
  readonly streetId: ByteDictionaryColumn;

  /** `rows`: the rows expected; `has`: the file's columns; `names`: where names go (by default a column of its own). */
  constructor(rows: number, has: ColumnIndexes, names: NameColumn = new ByteDictionaryColumn(rows, rows >> 2)) {
    const rowsIf = (index: number | undefined) => (index === undefined ? 0 : rows);
    const capacity = Math.max(1, rows);
    this.lon = new Float64Array(capacity);
    this.lat = new Float64Array(capacity);
    this.category = new Uint32Array(capacity);
    this.hasQr = new Uint8Array(capacity);
    this.tx = new Uint32Array(capacity);
    this.line = new Uint32Array(capacity);
    this.id = new RowBytesColumn(rows);
    this.name = names;
    this.areaCode = new ByteDictionaryColumn(rowsIf(has.areaCode));
    this.areaName = new ByteDictionaryColumn(rowsIf(has.areaName));
    this.qrProvider = new ByteDictionaryColumn(rowsIf(has.qrProvider));
    this.marketId = new ByteDictionaryColumn(rowsIf(has.marketId));
    this.streetId = new ByteDictionaryColumn(rowsIf(has.streetId));
  }

  /** The index of a new row, whose numeric columns are then written (read the arrays again after: they may have grown). */
  next(): number {
    if (this.count === this.lon.length) this.grow();
    return this.count++;
  }

  private grow(): void {
    const size = this.lon.length * 2;
    this.lon = resized(this.lon, new Float64Array(size));
    this.lat = resized(this.lat, new Float64Array(size));
    this.category = resized(this.category, new Uint32Array(size));
    this.hasQr = resized(this.hasQr, new Uint8Array(size));
    this.tx = resized(this.tx, new Uint32Array(size));
    this.line = resized(this.line, new Uint32Array(size));
  }

  /** The table, given its final `category` column and `line` (`finished(line, count)`); `has` says which optional columns the file has (one it lacks gets no codes at all). */
  finish(category: Uint16Array, line: Uint32Array, has: ColumnIndexes): MerchantTable {
    return {
      count: this.count,
      lon: finished(this.lon, this.count),
      lat: finished(this.lat, this.count),
      category,
      hasQr: finished(this.hasQr, this.count),
      txCountMonth: finished(this.tx, this.count),
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

function resized<A extends Float64Array<ArrayBuffer> | Uint32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>>(old: A, next: A): A {
  next.set(old);
  return next;
}
