import type { CsvProblem } from './tokenizeCsv.ts';
import type { ParseMemory } from '../wasm/parseMemory.ts';

/**
 * The fields of the current record as byte ranges, valid only during the `onRecord` call: field k
 * is `bytesOf(fields, k).subarray(starts[k], ends[k])`, UTF-8. A field is a range of `text`, the
 * bytes being scanned; a quoted field with doubled quotes or text after its closing quote is its
 * unescaped value in `scratch` (`inScratch[k]` is 1). Flags rather than a buffer per field, so
 * filling a record writes no object reference.
 */
export interface CsvByteFields {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  inScratch: Uint8Array;
  text: Uint8Array;
  scratch: Uint8Array;
}

/** The buffer that holds field `k` of the current record. */
export function bytesOf(fields: CsvByteFields, k: number): Uint8Array {
  return fields.inScratch[k] === 1 ? fields.scratch : fields.text;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const EMPTY = new Uint8Array(0);
const NO_POSITIONS = new Int32Array(0);

/** `scanRecords`' limit for all the records (an integer: the count it is compared with stays one). */
const ALL_RECORDS = 0x7fffffff;

/** `quotedField`'s answers besides a position. */
const ROLLBACK = -1;
const STOPPED = -2;

/** No real record is this long: a quote still open after this many bytes is reported as unclosed. */
const MAX_RECORD_BYTES = 64 << 20;

/**
 * `scanCsv` over UTF-8 bytes that arrive in chunks: the same records, physical lines, blank-line
 * skipping and unclosed-quote report as over the whole text at once, wherever the chunks are cut.
 * A record cut by the end of a chunk is kept (copied) and scanned again with the next chunk, so
 * only the bytes of one record are ever copied; a file never has to be one string or one array.
 */
export class CsvByteScanner {
  private readonly fields: CsvByteFields = { count: 0, starts: new Int32Array(16), ends: new Int32Array(16), inScratch: new Uint8Array(16), text: EMPTY, scratch: EMPTY };
  private scratch = new Uint8Array(256);
  private scratchUsed = 0;
  private tail: Uint8Array | null = null;
  private line = 1;
  private stopped = false;

  /** Bytes above this are never a delimiter or line break: one comparison for most bytes. */
  private readonly special: number;

  constructor(
    private readonly delimiter: number,
    private readonly onRecord: (fields: CsvByteFields, line: number) => void,
    private readonly onProblem: (problem: CsvProblem) => void,
    /**
     * Where the text is read piece by piece, its delimiters and line breaks found by WebAssembly
     * (null: every byte is tested in JavaScript). The records' fields are then in its text, where
     * the same memory's dictionary looks names up.
     */
    private readonly memory: ParseMemory | null = null,
  ) {
    this.special = Math.max(delimiter, CR);
    if (memory !== null) {
      memory.onGrow = (old) => {
        if (this.fields.text === old) this.fields.text = memory.text;
      };
    }
  }

  /** Scans the complete records of `chunk` (and of the record cut by the previous chunk). */
  push(chunk: Uint8Array): void {
    this.scan(chunk, false);
  }

  /** Scans what is left: the last record needs no line break. */
  finish(): void {
    this.scan(EMPTY, true);
  }

  private scan(chunk: Uint8Array, final: boolean): void {
    const memory = this.memory;
    if (memory === null) return this.scanBytes(chunk, final);
    let from = 0;
    do {
      if (this.stopped) return;
      const head = this.tail;
      const headLength = head === null ? 0 : head.length;
      if (headLength > memory.pieceBytes / 2) {
        // A record longer than half a piece is finished in JavaScript; the rest of the chunk is read in memory again.
        const rest = chunk.subarray(from);
        const at = this.finishTail(rest, final);
        if (at === null) return;
        // The record took all of the chunk: what follows it there is scanned in JavaScript too.
        if (at.buffer !== rest) return this.scanRest(at.buffer, at.from, final);
        from += at.from;
        continue;
      }
      const take = Math.min(chunk.length - from, memory.pieceBytes - headLength);
      this.tail = null;
      const text = memory.load(head, chunk.subarray(from, from + take), this.delimiter);
      from += take;
      const done = this.scanRecords(text, 0, final && from === chunk.length, ALL_RECORDS);
      if (this.stopped) return;
      // The record cut by the piece's end (the text's view is a new one if the memory grew).
      if (done < memory.text.length) this.tail = memory.text.slice(done);
    } while (from < chunk.length);
  }

  /** `scan` in JavaScript alone, the chunk read where it is. */
  private scanBytes(chunk: Uint8Array, final: boolean): void {
    if (this.stopped) return;
    const at = this.tail === null ? { buffer: chunk, from: 0 } : this.finishTail(chunk, final);
    if (at !== null) this.scanRest(at.buffer, at.from, final);
  }

  /** Scans `buffer` from `from` on and keeps the record its end cuts. */
  private scanRest(buffer: Uint8Array, from: number, final: boolean): void {
    const done = from < buffer.length ? this.scanRecords(buffer, from, final, ALL_RECORDS) : buffer.length;
    if (!this.stopped && done < buffer.length) this.keep(buffer, done);
  }

  /**
   * Scans the record cut by the previous chunk on its own, with as much of `chunk` as it needs;
   * returns where to go on: in `chunk` (the rest of it is then scanned in place, never copied), or
   * in the tail joined with all of `chunk` when the record needed all of it; null when scanning has
   * stopped.
   */
  private finishTail(chunk: Uint8Array, final: boolean): { buffer: Uint8Array; from: number } | null {
    const tail = this.tail as Uint8Array;
    this.tail = null;
    for (let take = Math.min(chunk.length, 1 << 12); ; take = Math.min(chunk.length, take * 8)) {
      const whole = take === chunk.length;
      const joined = new Uint8Array(tail.length + take);
      joined.set(tail);
      joined.set(chunk.subarray(0, take), tail.length);
      const done = this.scanRecords(joined, 0, final && whole, 1);
      if (this.stopped) return null;
      if (done > tail.length || (whole && done === joined.length)) return { buffer: chunk, from: done - tail.length };
      if (whole) return { buffer: joined, from: done };
    }
  }

  /** Keeps `buffer[done, …)`, a record not finished yet, for the next chunk. */
  private keep(buffer: Uint8Array, done: number): void {
    if (buffer.length - done > MAX_RECORD_BYTES) {
      // A quote that has swallowed 64 MB will not close in a merchant list: stop as at the end of the text.
      this.scanRecords(buffer, done, true, ALL_RECORDS);
      return;
    }
    this.tail = buffer.slice(done);
  }

  /**
   * Scans at most `limit` records of `text` from `from`; returns where it stopped: the end, after
   * the last record scanned, or where the first record it could not finish starts.
   */
  private scanRecords(source: Uint8Array, from: number, final: boolean, limit: number): number {
    let text = source;
    const fields = this.fields;
    fields.text = text;
    const delimiter = this.delimiter;
    const special = this.special;
    const memory = this.memory;
    // The text loaded in WebAssembly memory comes with its delimiters' and line breaks' positions.
    const indexed = memory !== null && text === memory.text;
    let positions = indexed ? memory.positions : NO_POSITIONS;
    const positionCount = indexed ? memory.positionCount : 0;
    let k = 0;
    const n = text.length;
    // The field arrays, read again when grown.
    let starts = fields.starts, ends = fields.ends, inScratch = fields.inScratch;
    let i = from;
    let records = 0;
    while (i < n && records < limit) {
      records++;
      const recordStart = i;
      const recordLine = this.line;
      let count = 0;
      this.scratchUsed = 0;
      for (;;) {
        if (count === starts.length) {
          grow(fields);
          ({ starts, ends, inScratch } = fields);
        }
        let c = text[i] as number;
        if (c === QUOTE) {
          // Out of line: the loop over plain fields stays small.
          i = this.quotedField(text, i, n, final, count);
          if (i === ROLLBACK) return this.rollback(recordStart, recordLine);
          if (i === STOPPED) return n;
        } else {
          const start = i;
          if (indexed) {
            // The next position from `i` on (those inside a quoted field are passed over).
            let p = n;
            while (k < positionCount) {
              p = positions[k++] as number;
              if (p >= i) break;
              p = n;
            }
            i = p;
          } else {
            while (i < n) {
              const b = text[i] as number;
              if (b <= special && (b === delimiter || b === LF || b === CR)) break;
              i++;
            }
          }
          if (i >= n && !final) return this.rollback(recordStart, recordLine);
          inScratch[count] = 0;
          starts[count] = start;
          ends[count] = i;
        }
        count++;
        if (i >= n) break;
        c = text[i] as number;
        if (c === delimiter) {
          i++;
          if (i < n) continue;
          if (!final) return this.rollback(recordStart, recordLine);
          if (count === starts.length) {
            grow(fields);
            ({ starts, ends, inScratch } = fields);
          }
          inScratch[count] = 0;
          starts[count] = i;
          ends[count] = i;
          count++;
          break;
        }
        if (c === CR && i + 1 >= n && !final) return this.rollback(recordStart, recordLine);
        i += c === CR && text[i + 1] === LF ? 2 : 1;
        this.line++;
        break;
      }
      fields.count = count;
      fields.scratch = this.scratch;
      const blank = count === 1 && ends[0] === starts[0];
      if (!blank) {
        this.onRecord(fields, recordLine);
        if (indexed && text.byteLength === 0) {
          // The memory grew while the record was read: new views of the same bytes.
          text = (memory as ParseMemory).text;
          positions = (memory as ParseMemory).positions;
          fields.text = text;
        }
      }
    }
    return i;
  }

  /**
   * Reads the quoted field opening at `text[i]` as field `count` of the record; returns where it
   * ends (at its delimiter or line break, or `n`), ROLLBACK when the chunk ends inside it, or
   * STOPPED when its quote never closes (reported).
   */
  private quotedField(text: Uint8Array, i: number, n: number, final: boolean, count: number): number {
    const fields = this.fields;
    const delimiter = this.delimiter;
    const special = this.special;
    const quoteLine = this.line;
    let start = ++i;
    let closed = false;
    let copied = false;
    let scratchStart = 0;
    while (i < n) {
      const c = text[i] as number;
      if (c > QUOTE) {
        // Neither a quote nor a line break (both below it): most bytes.
        i++;
        continue;
      }
      if (c === QUOTE) {
        if (i + 1 >= n && !final) break;
        if (text[i + 1] === QUOTE) {
          if (!copied) {
            copied = true;
            scratchStart = this.scratchUsed;
          }
          this.copy(text, start, i + 1);
          i += 2;
          start = i;
          continue;
        }
        closed = true;
        break;
      }
      if (c === LF || (c === CR && text[i + 1] !== LF)) {
        if (c === CR && i + 1 >= n && !final) break;
        this.line++;
      }
      i++;
    }
    if (!closed) {
      if (!final) return ROLLBACK;
      this.onProblem({ kind: 'unclosed-quote', line: quoteLine });
      this.stopped = true;
      return STOPPED;
    }
    const valueEnd = i;
    i++;
    // Characters between the closing quote and the delimiter are kept, as spreadsheets do.
    const tailStart = i;
    while (i < n) {
      const c = text[i] as number;
      if (c <= special && (c === delimiter || c === LF || c === CR)) break;
      i++;
    }
    if (i >= n && !final) return ROLLBACK;
    if (!copied && tailStart === i) {
      fields.inScratch[count] = 0;
      fields.starts[count] = start;
      fields.ends[count] = valueEnd;
    } else {
      if (!copied) scratchStart = this.scratchUsed;
      this.copy(text, start, valueEnd);
      this.copy(text, tailStart, i);
      fields.inScratch[count] = 1;
      fields.starts[count] = scratchStart;
      fields.ends[count] = this.scratchUsed;
    }
    return i;
  }

  private rollback(recordStart: number, recordLine: number): number {
    this.line = recordLine;
    return recordStart;
  }

  /** Appends `text[start, end)` to the scratch buffer (grown as a copy, so earlier fields of the record stay in it). */
  private copy(text: Uint8Array, start: number, end: number): void {
    const length = end - start;
    if (this.scratch.length - this.scratchUsed < length) {
      let size = this.scratch.length * 2;
      while (size - this.scratchUsed < length) size *= 2;
      const next = new Uint8Array(size);
      next.set(this.scratch.subarray(0, this.scratchUsed));
      this.scratch = next;
    }
    this.scratch.set(text.subarray(start, end), this.scratchUsed);
    this.scratchUsed += length;
  }
}

function grow(fields: CsvByteFields): void {
  const length = fields.starts.length * 2;
  const starts = new Int32Array(length);
  const ends = new Int32Array(length);
  const inScratch = new Uint8Array(length);
  starts.set(fields.starts);
  ends.set(fields.ends);
  inScratch.set(fields.inScratch);
  fields.starts = starts;
  fields.ends = ends;
  fields.inScratch = inScratch;
}
