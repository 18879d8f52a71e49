/**
 * Typed arrays that grow as values are appended, for building columns and indexes of unknown size
 * without arrays of boxed numbers. `data` is replaced when the array grows: read it again after any
 * `push` or `grow` instead of keeping it across them. Values past `length` are unspecified.
 */

/** A growable Int32Array. */
export class GrowableInt32 {
  data: Int32Array<ArrayBuffer>;
  /** Values in use, from the start of `data`. */
  length = 0;

  constructor(capacity = 64) {
    this.data = new Int32Array(Math.max(1, capacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = value;
  }

  /** Makes room for at least `capacity` values, keeping the first `length`; returns `data`. */
  grow(capacity: number): Int32Array<ArrayBuffer> {
    if (capacity > this.data.length) {
      const next = new Int32Array(Math.max(capacity, this.data.length * 2));
      next.set(this.data.subarray(0, this.length));
      this.data = next;
    }
    return this.data;
  }

  /** A copy of the values in use, sized to them. */
  toArray(): Int32Array<ArrayBuffer> {
    return this.data.slice(0, this.length);
  }
}

/** A growable Float64Array. */
export class GrowableFloat64 {
  data: Float64Array<ArrayBuffer>;
  /** Values in use, from the start of `data`. */
  length = 0;

  constructor(capacity = 64) {
    this.data = new Float64Array(Math.max(1, capacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = value;
  }

  /** Makes room for at least `capacity` values, keeping the first `length`; returns `data`. */
  grow(capacity: number): Float64Array<ArrayBuffer> {
    if (capacity > this.data.length) {
      const next = new Float64Array(Math.max(capacity, this.data.length * 2));
      next.set(this.data.subarray(0, this.length));
      this.data = next;
    }
    return this.data;
  }

  /** A copy of the values in use, sized to them. */
  toArray(): Float64Array<ArrayBuffer> {
    return this.data.slice(0, this.length);
  }
}
