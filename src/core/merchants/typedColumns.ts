type NumberArray = Float64Array | Uint32Array | Int32Array;

/** A growable typed column; `finish` returns a right-sized copy. */
class TypedColumn<A extends NumberArray> {
  private data: A;
  length = 0;
  constructor(private readonly make: (length: number) => A, capacity: number) {
    this.data = make(Math.max(16, capacity));
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  /** The value at `index` (< length). */
  at(index: number): number {
    return this.data[index] ?? 0;
  }
  finish(): A {
    return this.data.slice(0, this.length) as A;
  }
}

export class Float64Column extends TypedColumn<Float64Array> {
  /** `capacity`: the expected length (it grows past it by doubling). */
  constructor(capacity = 1024) {
    super((length) => new Float64Array(length), capacity);
  }
}

export class Uint32Column extends TypedColumn<Uint32Array> {
  /** `capacity`: the expected length (it grows past it by doubling). */
  constructor(capacity = 1024) {
    super((length) => new Uint32Array(length), capacity);
  }
}

export class Int32Column extends TypedColumn<Int32Array> {
  /** `capacity`: the expected length (it grows past it by doubling). */
  constructor(capacity = 1024) {
    super((length) => new Int32Array(length), capacity);
  }
}
