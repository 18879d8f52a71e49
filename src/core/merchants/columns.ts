type NumberArray = Float64Array | Uint32Array;

/** A growable typed column; `finish` returns a right-sized copy. */
class TypedColumn<A extends NumberArray> {
  private data: A;
  length = 0;
  constructor(private readonly make: (length: number) => A) {
    this.data = make(1024);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  finish(): A {
    return this.data.slice(0, this.length) as A;
  }
}

export class Float64Column extends TypedColumn<Float64Array> {
  constructor() {
    super((length) => new Float64Array(length));
  }
}

export class Uint32Column extends TypedColumn<Uint32Array> {
  constructor() {
    super((length) => new Uint32Array(length));
  }
}

/** Strings kept once each: a row stores the index of its value, -1 for empty. */
export interface DictionaryColumn {
  readonly values: readonly string[];
  readonly codes: Int32Array;
}

export class DictionaryColumnBuilder {
  private readonly index = new Map<string, number>();
  private readonly values: string[] = [];
  private readonly codes = new Uint32Column();
  push(value: string): void {
    if (value === '') {
      this.codes.push(0);
      return;
    }
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.values.length + 1;
      this.index.set(value, code);
      this.values.push(value);
    }
    this.codes.push(code);
  }
  finish(): DictionaryColumn {
    const stored = this.codes.finish();
    const codes = new Int32Array(stored.length);
    for (let i = 0; i < stored.length; i++) codes[i] = (stored[i] ?? 0) - 1;
    return { values: this.values, codes };
  }
}

/** The value of a dictionary column at a row, '' when empty. */
export function dictionaryValue(column: DictionaryColumn, row: number): string {
  const code = column.codes[row] ?? -1;
  return code < 0 ? '' : (column.values[code] ?? '');
}
