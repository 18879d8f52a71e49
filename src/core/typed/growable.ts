/**
 * Typed arrays that grow as values are appended, for building columns and indexes of unknown size
 * without arrays of boxed numbers. `data` is replaced when the array grows: read it again after any
 * `push` or `grow` instead of keeping it across them. Values past `length` are unspecified.
 */

type NumberArray = Uint8Array<ArrayBuffer> | Int32Array<ArrayBuffer> | Uint32Array<ArrayBuffer> | Float64Array<ArrayBuffer>;

class Growable<A extends NumberArray> {
  data: A;
  /** Values in use, from the start of `data`. */
  length = 0;

  constructor(
    private readonly make: (length: number) => A,
    capacity: number,
  ) {
    this.data = make(Math.max(1, capacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = value;
  }

  /** Makes room for at least `capacity` values, keeping the first `length`; returns `data`. */
  grow(capacity: number): A {
    if (capacity > this.data.length) {
      const next = this.make(Math.max(capacity, this.data.length * 2));
      next.set(this.data.subarray(0, this.length));
      this.data = next;
    }
    return this.data;
  }

  /** A copy of the values in use, sized to them. */
  toArray(): A {
    return this.data.slice(0, this.length) as A;
  }

  /** The values in use, when the array is done with (see `finished`). */
  finish(): A {
    return finished(this.data, this.length);
  }
}

/**
 * The first `length` values of a column that is done with: a view of it when at most a sixteenth
 * of it is unused (no copy: a column presized from the file's size is about full), a copy otherwise.
 */
export function finished<A extends NumberArray>(data: A, length: number): A {
  if (data.length - length > length >> 4) return data.slice(0, length) as A;
  return (length === data.length ? data : data.subarray(0, length)) as A;
}

/** A growable Int32Array. */
export class GrowableInt32 extends Growable<Int32Array<ArrayBuffer>> {
  constructor(capacity = 64) {
    super((length) => new Int32Array(length), capacity);
  }
}

/** A growable Uint32Array. */
export class GrowableUint32 extends Growable<Uint32Array<ArrayBuffer>> {
  constructor(capacity = 64) {
    super((length) => new Uint32Array(length), capacity);
  }
}

/** A growable Float64Array. */
export class GrowableFloat64 extends Growable<Float64Array<ArrayBuffer>> {
  constructor(capacity = 64) {
    super((length) => new Float64Array(length), capacity);
  }
}
