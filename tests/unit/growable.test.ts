import { describe, expect, it } from 'vitest';
import { countInto, countsToEnds, takeSlot } from '../../src/core/typed/buckets.ts';
import { GrowableFloat64, GrowableInt32 } from '../../src/core/typed/growable.ts';

describe('GrowableInt32 and GrowableFloat64', () => {
  it('keep every value pushed past their first capacity, in order', () => {
    const ints = new GrowableInt32(2), floats = new GrowableFloat64(2);
    for (let i = 0; i < 100; i++) {
      ints.push(i * 3 - 50);
      floats.push(i / 7);
    }
    expect(ints.length).toBe(100);
    expect(Array.from(ints.toArray())).toEqual(Array.from({ length: 100 }, (_, i) => i * 3 - 50));
    expect(Array.from(floats.toArray())).toEqual(Array.from({ length: 100 }, (_, i) => i / 7));
  });

  it('grow to at least the capacity asked, keeping the values in use and returning the new array', () => {
    const ints = new GrowableInt32(4);
    ints.push(7);
    ints.push(8);
    const data = ints.grow(1000);
    expect(data).toBe(ints.data);
    expect(data.length).toBeGreaterThanOrEqual(1000);
    expect(Array.from(data.subarray(0, 2))).toEqual([7, 8]);
    expect(ints.length).toBe(2);
    // Asking for less than the capacity keeps the same array.
    expect(ints.grow(10)).toBe(data);
  });

  it('copy only the values in use: toArray is sized to them and does not share memory', () => {
    const floats = new GrowableFloat64(64);
    floats.push(1.5);
    floats.push(-2.5);
    const copy = floats.toArray();
    expect(copy.length).toBe(2);
    copy[0] = 99;
    expect(floats.data[0]).toBe(1.5);
  });
});

describe('buckets (counting sort)', () => {
  it('puts items in their buckets, keeping their order within a bucket', () => {
    const buckets = [2, 0, 2, 1, 0, 2], items = [10, 11, 12, 13, 14, 15];
    const ends = new Int32Array(3 + 1);
    for (const b of buckets) countInto(ends, b);
    countsToEnds(ends, 3);
    expect(Array.from(ends)).toEqual([2, 3, 6, 6]);
    const out = new Int32Array(items.length);
    for (let i = items.length - 1; i >= 0; i--) out[takeSlot(ends, buckets[i] as number)] = items[i] as number;
    expect(Array.from(out)).toEqual([11, 14, 13, 10, 12, 15]);
    // Each bucket now starts where the filling stopped: starts[b], up to starts[b + 1].
    expect(Array.from(ends)).toEqual([0, 2, 3, 6]);
  });
});
