/** A growable typed column; `finish` returns a right-sized copy. */
export class Float64Column {
  private data = new Float64Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  finish(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

export class Uint32Column {
  private data = new Uint32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  finish(): Uint32Array {
    return this.data.slice(0, this.length);
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
