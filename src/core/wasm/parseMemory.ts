import { decodeUtf8 } from '../text/utf8.ts';
import { StringTableBuilder } from '../merchants/stringTable.ts';
import { narrowCodes, type DictionaryColumn } from '../merchants/columns.ts';
import { GrowableInt32 } from '../typed/growable.ts';
import { PARSE_WASM } from './parseWasm.ts';
import { wasmModule } from './wasmModule.ts';

interface ParseExports {
  init(textCapacity: number, batchCapacity: number): void;
  reset(expected: number): void;
  index(length: number, delimiter: number): number;
  find(at: number, length: number): number;
  insert(at: number, length: number, code: number): number;
  prepareBatch(count: number): number;
  resolveBatch(from: number, count: number): number;
  keyRoom(length: number): number;
  positionsBase(): number;
  entriesBase(): number;
  codesBase(): number;
  keyBase(): number;
  size(): number;
  poolBase(): number;
  poolUsed(): number;
}

/** Bytes of a file read at a time (by default); a record longer than half of it is read by JavaScript alone. */
const PIECE_BYTES = 1 << 18;
/** Names looked up together (a piece's rows, unless they are very short). */
const BATCH = 4096;
const RECORD_HEADER = 12; // code, byte length, hash
const encoder = new TextEncoder();

/**
 * The WebAssembly memory a merchant list is read in (`parse.wat`). The scanner copies the file
 * to it piece by piece and has the piece's delimiters and line breaks found sixteen bytes at a
 * time, then goes from one to the next instead of testing every byte.
 *
 * The names are looked up where they are, in the piece, a batch at a time (the piece's rows): the
 * hash, the NFC check and the comparison read eight or sixteen bytes at a time, and the batch's
 * reads of the hash table and of the stored names are made together, so the memory serves them
 * at once instead of one wait after another (`prepareBatch`). A name that is not in the piece (a
 * field with doubled quotes) is copied to the key area first. Codes are the distinct NFC values
 * from 0 in order of first appearance, as `ByteDictionary` gives them; a spelling NFC changes
 * has the code of its NFC form.
 *
 * The memory grows while names are added: the views (`text`, `positions`) are then made again,
 * and `onGrow` tells the scanner, whose record being read holds the old text view.
 */
export class ParseMemory {
  /** The piece loaded last. */
  text: Uint8Array = new Uint8Array(0);
  /** Where its delimiters and line breaks are (`positionCount` of them). */
  positions: Int32Array;
  positionCount = 0;
  /** Called after the memory has grown, with the text view it replaced. */
  onGrow: ((old: Uint8Array) => void) | null = null;
  private bytes: Uint8Array;
  private ints: Int32Array;
  /** The text's length (a view's own is 0 once the memory has grown). */
  private textLength = 0;
  /** Names waiting in the batch, and bytes of the key area they use. */
  private batch = 0;
  private keyUsed = 0;
  private keyCapacity: number;
  /** The names' codes, one per row, as batches are resolved. */
  private readonly codes: GrowableInt32;
  private readonly positionsBase: number;
  private readonly entries: number;
  private readonly batchCodes: number;
  private readonly keyBase: number;

  private constructor(
    private readonly memory: WebAssembly.Memory,
    private readonly exports: ParseExports,
    rows: number,
    /** Bytes of the file read at a time (a multiple of 16). */
    readonly pieceBytes: number,
  ) {
    exports.init(pieceBytes, BATCH);
    exports.reset(rows >> 2);
    this.positionsBase = exports.positionsBase();
    this.entries = exports.entriesBase() >> 2;
    this.batchCodes = exports.codesBase() >> 2;
    this.keyBase = exports.keyBase();
    this.keyCapacity = exports.keyRoom(0) - 16;
    this.bytes = new Uint8Array(memory.buffer);
    this.ints = new Int32Array(memory.buffer);
    this.positions = new Int32Array(memory.buffer, this.positionsBase, pieceBytes);
    this.codes = new GrowableInt32(rows);
  }

  /**
   * A memory for reading a file of about `rows` rows, or null where WebAssembly (with SIMD) cannot
   * run or its memory cannot be had (a device short of address space). `pieceBytes` and
   * `maximumBytes` are for tests: small pieces cut records at piece ends more often, and a memory
   * that cannot grow past `maximumBytes` makes a read fail as it would on a device out of memory.
   */
  static create(rows = 1024, pieceBytes = PIECE_BYTES, maximumBytes?: number): ParseMemory | null {
    const module = wasmModule(PARSE_WASM);
    if (module === null) return null;
    const size = Math.max(64, (pieceBytes + 15) & ~15);
    try {
      const memory = new WebAssembly.Memory(maximumBytes === undefined ? { initial: 1 } : { initial: 1, maximum: Math.max(1, Math.floor(maximumBytes / 65536)) });
      const instance = new WebAssembly.Instance(module, { env: { memory } });
      return new ParseMemory(memory, instance.exports as unknown as ParseExports, rows, size);
    } catch {
      // No memory for the instance, or not enough for the file's first rows: JavaScript reads it.
      return null;
    }
  }

  /** Bytes the memory holds now. */
  get memoryBytes(): number {
    return this.memory.buffer.byteLength;
  }

  /**
   * Copies `head` then `piece` (at most `pieceBytes` together) to the text area and indexes the
   * delimiter's and line breaks' positions; returns the text's view. The names of the previous
   * piece are looked up first.
   */
  load(head: Uint8Array | null, piece: Uint8Array, delimiter: number): Uint8Array {
    this.flush();
    const headLength = head === null ? 0 : head.length;
    const length = headLength + piece.length;
    if (length > this.pieceBytes) throw new RangeError(`A piece of ${length} bytes does not fit in ${this.pieceBytes}`);
    const bytes = this.bytes;
    if (head !== null) bytes.set(head);
    bytes.set(piece, headLength);
    this.positionCount = this.exports.index(length, delimiter);
    this.text = bytes.subarray(0, length);
    this.textLength = length;
    return this.text;
  }

  /** Appends a row's name: `bytes[start, end)`, already trimmed; empty gives code -1. */
  push(bytes: Uint8Array, start: number, end: number): void {
    const inText = bytes === this.text;
    // (The text stays where it is if the memory grows here; only its view changes.)
    if (this.batch === BATCH) this.flush();
    const at = start === end ? 0 : inText ? start : this.appendKey(bytes, start, end);
    // `ints` read after `appendKey`, which may grow the memory.
    const entry = this.entries + 2 * this.batch++;
    this.ints[entry] = at;
    this.ints[entry + 1] = end - start;
  }

  pushEmpty(): void {
    this.push(this.text, 0, 0);
  }

  /** The names' column: codes and the distinct values in a `StringTable`. */
  finishTable(): DictionaryColumn {
    this.flush();
    const count = this.exports.size();
    return { values: [], codes: narrowCodes(this.codes.finish(), count), table: this.table(count).finish() };
  }

  /** Looks the batch's names up and appends their codes. */
  private flush(): void {
    const count = this.batch;
    if (count === 0) return;
    this.exports.prepareBatch(count);
    for (let at = 0; ; at++) {
      at = this.exports.resolveBatch(at, count);
      this.afterCall();
      if (at >= count) break;
      const code = this.addSpelling(this.ints[this.entries + 2 * at] as number, this.ints[this.entries + 2 * at + 1] as number);
      this.ints[this.batchCodes + at] = code; // after the call: the memory may have grown, `ints` with it
    }
    const codes = this.codes.grow(this.codes.length + count);
    codes.set(this.ints.subarray(this.batchCodes, this.batchCodes + count), this.codes.length);
    this.codes.length += count;
    this.batch = 0;
    this.keyUsed = 0;
  }

  /** The values in code order, as a `StringTable`. */
  private table(count: number): StringTableBuilder {
    const base = this.exports.poolBase();
    const used = this.exports.poolUsed();
    const memory = this.bytes;
    const ints = new Int32Array(memory.buffer, base, used >> 2);
    // A value's first record is its NFC form's: the first record of each code, in code order.
    const starts = new Int32Array(count);
    let bytes = 0;
    let next = 0;
    for (let off = 0; off < used; off = (off + RECORD_HEADER + (ints[(off >> 2) + 1] as number) + 3) & ~3) {
      if (ints[off >> 2] !== next) continue;
      starts[next++] = off;
      bytes += ints[(off >> 2) + 1] as number;
    }
    const table = new StringTableBuilder(count, bytes);
    for (let code = 0; code < count; code++) {
      const off = starts[code] as number;
      const at = base + off + RECORD_HEADER;
      table.pushBytes(memory, at, at + (ints[(off >> 2) + 1] as number));
    }
    return table;
  }

  /** Copies the range to the key area, after the keys already there; returns where it is. */
  private appendKey(bytes: Uint8Array, start: number, end: number): number {
    const length = end - start;
    if (this.keyUsed + length > this.keyCapacity) {
      this.keyCapacity = this.exports.keyRoom(this.keyUsed + length) - 16;
      this.afterCall();
    }
    const at = this.keyBase + this.keyUsed;
    const key = this.bytes;
    for (let i = start, to = at; i < end; i++, to++) key[to] = bytes[i] as number;
    this.keyUsed += length;
    return at;
  }

  /** The code of a new key (at `at`, `length` bytes) that NFC may change: its NFC form's, found or added first. */
  private addSpelling(at: number, length: number): number {
    const raw = decodeUtf8(this.bytes, at, at + length);
    const value = raw.normalize('NFC');
    let code = -1;
    if (value !== raw) {
      const normalised = encoder.encode(value);
      const nfc = this.appendKey(normalised, 0, normalised.length);
      code = this.exports.find(nfc, normalised.length);
      if (code < 0) code = this.exports.insert(nfc, normalised.length, -1);
      this.afterCall();
    }
    code = this.exports.insert(at, length, code);
    this.afterCall();
    return code;
  }

  /** After a call that may have grown the memory: the views again, and the scanner told. */
  private afterCall(): void {
    if (this.bytes.byteLength !== 0) return;
    const buffer = this.memory.buffer;
    const old = this.text;
    this.bytes = new Uint8Array(buffer);
    this.ints = new Int32Array(buffer);
    this.positions = new Int32Array(buffer, this.positionsBase, this.pieceBytes);
    this.text = this.bytes.subarray(0, this.textLength);
    this.onGrow?.(old);
  }
}
