import type { ColumnIndexes } from './resolveColumns.ts';
import type { DataProblem } from '../report/problems.ts';
import type { CsvByteFields } from '../csv/csvByteScanner.ts';
import { decodeUtf8 } from '../text/utf8.ts';
import { ByteDictionary, type ByteDictionaryColumn, type NameColumn } from './byteDictionary.ts';
import { parseDecimalBytesInto, parseDigitsBytes, trimEndBytes, trimStartBytes } from './byteValues.ts';
import type { CategoryCells } from './categoryCells.ts';
import { parseCount, parseYesNo } from './parseValues.ts';
import { RowColumns } from './rowColumns.ts';

/** Column index per field, -1 when the file has no such column. */
interface FieldIndexes {
  readonly id: number;
  readonly name: number;
  readonly category: number;
  readonly lat: number;
  readonly lon: number;
  readonly hasQr: number;
  readonly areaCode: number;
  readonly areaName: number;
  readonly qrProvider: number;
  readonly marketId: number;
  readonly streetId: number;
  readonly txCountMonth: number;
}

/**
 * The rules for one data row of a merchant CSV: a row that cannot be used is reported with its
 * line; a kept row is appended to `columns`, after a change (unknown category, unreadable QR
 * value) that is reported too. Cells are read from their bytes; a cell becomes a string only when a
 * problem quotes it or a count needs the slow reader.
 */
export class MerchantRowReader {
  /** True once a row's category was not in the list and was counted as "other". */
  usesOther = false;
  private readonly i: FieldIndexes;
  private readonly qrDictionary = new ByteDictionary(16);
  private readonly qrOf: number[] = [];
  /** The row's latitude and longitude as parsed (written there so that they are never boxed). */
  private readonly coordinates = new Float64Array(2);
  // The current cell, trimmed, set by `range`.
  private cell: Uint8Array = new Uint8Array(0);
  private start = 0;
  private end = 0;

  /** The kept rows. */
  readonly columns: RowColumns;

  /** `expectedRows` sizes the columns. */
  constructor(
    indexes: ColumnIndexes,
    expectedRows: number,
    private readonly columnCount: number,
    private readonly categoryCells: CategoryCells,
    /** Index of "other" with a fixed category list. */
    private readonly otherIndex: number,
    private readonly problems: DataProblem[],
    /** Where names go (by default a column of their own). */
    names?: NameColumn,
  ) {
    const at = (index: number | undefined) => index ?? -1;
    this.i = {
      id: at(indexes.id), name: at(indexes.name), category: at(indexes.category), lat: at(indexes.lat), lon: at(indexes.lon),
      hasQr: at(indexes.hasQr), areaCode: at(indexes.areaCode), areaName: at(indexes.areaName), qrProvider: at(indexes.qrProvider),
      marketId: at(indexes.marketId), streetId: at(indexes.streetId), txCountMonth: at(indexes.txCountMonth),
    };
    this.columns = new RowColumns(expectedRows, indexes, names);
  }

  /** Reads one record into the columns, or reports why it cannot be used. */
  read(fields: CsvByteFields, lineNumber: number): void {
    const i = this.i;
    const c = this.columns;
    const columnCount = this.columnCount;
    if (fields.count !== columnCount) {
      this.reject('csv-field-count', lineNumber, `${fields.count}/${columnCount}`);
      return;
    }
    this.range(fields, i.lat);
    const latEmpty = this.start === this.end;
    parseDecimalBytesInto(this.cell, this.start, this.end, this.coordinates, 0);
    this.range(fields, i.lon);
    const lonEmpty = this.start === this.end;
    parseDecimalBytesInto(this.cell, this.start, this.end, this.coordinates, 1);
    const rowLat = this.coordinates[0] as number;
    const rowLon = this.coordinates[1] as number;
    const hasCoordinates = Number.isFinite(rowLat) && Number.isFinite(rowLon);
    if (!latEmpty || !lonEmpty) {
      if (!(hasCoordinates && Math.abs(rowLat) <= 90 && Math.abs(rowLon) <= 180)) {
        this.reject('merchant-bad-coordinates', lineNumber, `${this.textOf(fields, i.lat)}; ${this.textOf(fields, i.lon)}`);
        return;
      }
    } else {
      this.range(fields, i.areaCode);
      if (this.start === this.end) {
        this.range(fields, i.areaName);
        if (this.start === this.end) {
          this.reject('merchant-no-location', lineNumber);
          return;
        }
      }
    }

    this.range(fields, i.category);
    // With categories from the data this is a provisional code, made an index in `finish`.
    let categoryIndex = this.categoryCells.rowValue(this.cell, this.start, this.end);
    if (categoryIndex < 0 && this.categoryCells.final) {
      categoryIndex = this.otherIndex;
      this.usesOther = true;
      this.problems.push({ file: 'merchants', code: 'merchant-unknown-category', severity: 'changed', line: lineNumber, detail: this.categoryCells.textOf(this.cell, this.start, this.end) });
    }

    this.range(fields, i.hasQr);
    let qr = 0;
    if (this.end > this.start) {
      const b = this.cell[this.start] as number;
      if (this.end - this.start === 1 && (b === 0x30 || b === 0x31)) qr = b - 0x30;
      else {
        const code = this.qrDictionary.code(this.cell, this.start, this.end);
        qr = this.qrOf[code] ?? (this.qrOf[code] = yesNoCode(this.qrDictionary.value(code)));
        if (qr < 0) {
          qr = 0;
          this.problems.push({ file: 'merchants', code: 'merchant-bad-qr-value', severity: 'changed', line: lineNumber, detail: this.qrDictionary.value(code) });
        }
      }
    }

    let txValue = 0;
    if (i.txCountMonth >= 0) {
      this.range(fields, i.txCountMonth);
      txValue = parseDigitsBytes(this.cell, this.start, this.end);
      if (txValue < 0) {
        const parsed = parseCount(this.cellText());
        txValue = Number.isFinite(parsed) && parsed > 0 ? Math.round(parsed) : 0;
      }
    }

    const row = c.next();
    c.lat[row] = hasCoordinates ? rowLat : NaN;
    c.lon[row] = hasCoordinates ? rowLon : NaN;
    c.category[row] = categoryIndex;
    c.hasQr[row] = qr;
    c.tx[row] = Math.min(txValue, 0xffffffff);
    c.line[row] = lineNumber;
    this.range(fields, i.id);
    c.id.push(this.cell, this.start, this.end);
    this.range(fields, i.name);
    c.name.push(this.cell, this.start, this.end);
    // A column the file does not have gets no codes at all (see `absent`).
    this.pushCell(c.areaCode, fields, i.areaCode);
    this.pushCell(c.areaName, fields, i.areaName);
    if (i.qrProvider >= 0) {
      if (qr === 1) this.pushCell(c.qrProvider, fields, i.qrProvider);
      else c.qrProvider.pushEmpty();
    }
    this.pushCell(c.marketId, fields, i.marketId);
    this.pushCell(c.streetId, fields, i.streetId);
  }

  /** Appends field `index` (trimmed) to a dictionary column; nothing when the file has no such column. */
  private pushCell(column: ByteDictionaryColumn, fields: CsvByteFields, index: number): void {
    if (index < 0) return;
    this.range(fields, index);
    column.push(this.cell, this.start, this.end);
  }

  /** Points `cell`, `start`, `end` at field `index` trimmed (an empty range when the file has no such column). */
  private range(fields: CsvByteFields, index: number): void {
    if (index < 0) {
      this.start = this.end = 0;
      return;
    }
    const bytes = fields.inScratch[index] === 1 ? fields.scratch : fields.text;
    let start = fields.starts[index] as number;
    let end = fields.ends[index] as number;
    if (start < end) {
      const c = bytes[start] as number;
      if (c <= 0x20 || c >= 0x80) start = trimStartBytes(bytes, start, end);
    }
    if (end > start) {
      const c = bytes[end - 1] as number;
      if (c <= 0x20 || c >= 0x80) end = trimEndBytes(bytes, start, end);
    }
    this.cell = bytes;
    this.start = start;
    this.end = end;
  }

  /** The current cell's text as the rules read it (trimmed, NFC), for a problem's detail. */
  private cellText(): string {
    return decodeUtf8(this.cell, this.start, this.end).normalize('NFC');
  }

  private textOf(fields: CsvByteFields, index: number): string {
    this.range(fields, index);
    return index < 0 ? '' : this.cellText();
  }

  private reject(code: DataProblem['code'], lineNumber: number, detail?: string): void {
    this.problems.push({ file: 'merchants', code, severity: 'rejected', line: lineNumber, ...(detail !== undefined ? { detail } : {}) });
  }
}

function yesNoCode(text: string): number {
  const yes = parseYesNo(text);
  return yes === null ? -1 : yes ? 1 : 0;
}
