import { describe, it, expect } from 'vitest';
import { classOf, computeBreaks, countPerClass } from '../../src/core/classify/classify.ts';
import type { Breaks } from '../../src/core/classify/classify.ts';
import { NO_DATA_COLOR, SEQUENTIAL_PALETTES, sequentialColors } from '../../src/core/classify/palette.ts';
import type { ClassificationMethod } from '../../src/core/manifest/types.ts';
import { seededRandom } from '../support/random.ts';

const ONE_TO_TEN = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const CLUSTERED = [1, 2, 3, 10, 11, 12, 20, 21, 22];
const METHODS: readonly ClassificationMethod[] = ['quantile', 'equal-interval', 'jenks'];

function expectCloseArray(actual: Breaks, expected: readonly number[]): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) => expect(actual[i]).toBeCloseTo(e, 10));
}

/** Within-class sum of squared deviations of a labelling. */
function ssdOfLabels(values: readonly number[], labels: readonly number[], k: number): number {
  let total = 0;
  for (let c = 0; c < k; c++) {
    const members = values.filter((_, i) => labels[i] === c);
    if (members.length === 0) continue;
    const mean = members.reduce((a, b) => a + b, 0) / members.length;
    total += members.reduce((a, v) => a + (v - mean) ** 2, 0);
  }
  return total;
}

/** Minimal SSD over ALL assignments of the values to at most k classes (k^n labellings). */
function bruteForceMinSsd(values: readonly number[], k: number): number {
  const n = values.length;
  const labels = new Array<number>(n).fill(0);
  let best = Infinity;
  const total = k ** n;
  for (let code = 0; code < total; code++) {
    let x = code;
    for (let i = 0; i < n; i++) {
      labels[i] = x % k;
      x = Math.floor(x / k);
    }
    const s = ssdOfLabels(values, labels, k);
    if (s < best) best = s;
  }
  return best;
}

describe('computeBreaks — quantile', () => {
  it('puts boundary i at sorted position floor(i*n/k), so 1..10 in 5 classes gives [1,3,5,7,9,10]', () => {
    // n = 10, k = 5: positions floor(1*10/5)=2, floor(20/5)=4, floor(30/5)=6, floor(40/5)=8
    // sorted[2]=3, sorted[4]=5, sorted[6]=7, sorted[8]=9; min 1, max 10.
    expect(computeBreaks(ONE_TO_TEN, 'quantile', 5)).toEqual([1, 3, 5, 7, 9, 10]);
    expect(countPerClass(ONE_TO_TEN, computeBreaks(ONE_TO_TEN, 'quantile', 5))).toEqual([2, 2, 2, 2, 2]);
  });

  it('uses floor for uneven splits: 1..10 in 3 classes gives [1,4,7,10]', () => {
    // positions floor(10/3)=3 -> 4, floor(20/3)=6 -> 7.
    expect(computeBreaks(ONE_TO_TEN, 'quantile', 3)).toEqual([1, 4, 7, 10]);
  });

  it('does not depend on input order', () => {
    expect(computeBreaks([10, 3, 7, 1, 9, 2, 8, 5, 4, 6], 'quantile', 5)).toEqual([1, 3, 5, 7, 9, 10]);
  });

  it('collapses classes when ties make boundaries equal', () => {
    // [1,1,1,1,2,3], k=3, n=6: positions floor(6/3)=2 -> 1 (= min), floor(12/3)=4 -> 2.
    // raw [1,1,2,3] -> deduplicated [1,2,3]: 2 classes, [1,2) holds four 1s, [2,3] holds 2 and 3.
    const values = [1, 1, 1, 1, 2, 3];
    const breaks = computeBreaks(values, 'quantile', 3);
    expect(breaks).toEqual([1, 2, 3]);
    expect(countPerClass(values, breaks)).toEqual([4, 2]);
  });

  it('keeps a top class holding only the max when a boundary equals the max', () => {
    // [0,0.2,0.5,1,1,1], k=2, n=6: position floor(6/2)=3 -> 1 (= max): breaks [0,1,1].
    // Class 0 = [0,1) holds 0, 0.2, 0.5; class 1 holds exactly the three 1s.
    const values = [0, 0.2, 0.5, 1, 1, 1];
    const breaks = computeBreaks(values, 'quantile', 2);
    expect(breaks).toEqual([0, 1, 1]);
    expect(countPerClass(values, breaks)).toEqual([3, 3]);
  });

  it('gives strictly ascending interior boundaries on tie-heavy data', () => {
    const rand = seededRandom(7);
    for (let t = 0; t < 50; t++) {
      const values = Array.from({ length: 1 + Math.floor(rand() * 30) }, () => Math.floor(rand() * 5));
      const breaks = computeBreaks(values, 'quantile', 1 + Math.floor(rand() * 9));
      if (breaks[0] === breaks[breaks.length - 1]) continue; // all equal: [v, v]
      for (let i = 1; i < breaks.length - 1; i++) expect(breaks[i]).toBeGreaterThan(breaks[i - 1] ?? -Infinity);
    }
  });
});

describe('computeBreaks — equal interval', () => {
  it('splits 1..10 in 5 classes at min + i*(max-min)/k = [1,2.8,4.6,6.4,8.2,10]', () => {
    // width = (10 - 1) / 5 = 1.8: 1, 2.8, 4.6, 6.4, 8.2, 10.
    expectCloseArray(computeBreaks(ONE_TO_TEN, 'equal-interval', 5), [1, 2.8, 4.6, 6.4, 8.2, 10]);
  });

  it('ends exactly at max and caps k at the number of distinct values', () => {
    // [0,4,100] asks 4 classes but has 3 distinct values -> k = 3, width 100/3.
    const breaks = computeBreaks([0, 4, 100], 'equal-interval', 4);
    expectCloseArray(breaks, [0, 100 / 3, 200 / 3, 100]);
    expect(breaks[breaks.length - 1]).toBe(100);
    // [0,4,10,55,100] in 4 classes: width 100/4 = 25.
    expectCloseArray(computeBreaks([0, 4, 10, 55, 100], 'equal-interval', 4), [0, 25, 50, 75, 100]);
  });
});

describe('computeBreaks — jenks', () => {
  it('finds the three clusters of [1,2,3,10,11,12,20,21,22]: [1,10,20,22]', () => {
    // Each cluster has mean at its middle value, SSD = 1 + 0 + 1 = 2; total 6 — any other split
    // mixes values more than 6 apart and costs far more.
    expect(computeBreaks(CLUSTERED, 'jenks', 3)).toEqual([1, 10, 20, 22]);
  });

  it('splits the same data in 2 classes at the cheaper gap: [1,20,22]', () => {
    // Split before 10: {1,2,3} SSD 2; {10,11,12,20,21,22} mean 16, SSD 36+25+16+16+25+36 = 154; total 156.
    // Split before 20: {1,2,3,10,11,12} mean 6.5, SSD 2*(30.25+20.25+12.25) = 125.5; {20,21,22} SSD 2; total 127.5.
    expect(computeBreaks(CLUSTERED, 'jenks', 2)).toEqual([1, 20, 22]);
  });

  it('uses data values as boundaries (lower bound of each class)', () => {
    const values = [0.05, 0.1, 0.12, 0.4, 0.45, 0.5, 0.9, 0.95];
    const breaks = computeBreaks(values, 'jenks', 3);
    for (const b of breaks) expect(values).toContain(b);
  });

  it('is optimal: matches a brute-force search over all assignments on random small arrays', () => {
    const rand = seededRandom(20240601);
    for (let t = 0; t < 12; t++) {
      const n = 3 + Math.floor(rand() * 6); // 3..8 values (k^n labellings stay small)
      const k = 2 + Math.floor(rand() * 3); // 2..4 classes
      // integers 0..19 so ties occur sometimes
      const values = Array.from({ length: n }, () => Math.floor(rand() * 20));
      const breaks = computeBreaks(values, 'jenks', k);
      const kk = breaks.length - 1;
      const labels = values.map((v) => classOf(v, breaks));
      const jenksSsd = ssdOfLabels(values, labels, kk);
      const distinct = new Set(values).size;
      expect(kk).toBe(Math.min(k, distinct));
      expect(jenksSsd).toBeCloseTo(bruteForceMinSsd(values, kk), 9);
    }
  });

  it('gives each distinct value its own class when there are exactly k distinct values', () => {
    // [5,5,7,7,9] in 3 classes: classes {5,5}, {7,7}, {9}; the top class holds only the max.
    const values = [5, 5, 7, 7, 9];
    const breaks = computeBreaks(values, 'jenks', 3);
    expect(breaks).toEqual([5, 7, 9, 9]);
    expect(countPerClass(values, breaks)).toEqual([2, 2, 1]);
  });

  it('samples deterministically above 5,000 values and still returns min and max', () => {
    const rand = seededRandom(3);
    const values = Array.from({ length: 12_001 }, () => rand() * 100);
    const a = computeBreaks(values, 'jenks', 5);
    const b = computeBreaks([...values].reverse(), 'jenks', 5);
    expect(a).toEqual(b);
    expect(a.length).toBe(6);
    expect(a[0]).toBe(Math.min(...values));
    expect(a[5]).toBe(Math.max(...values));
  });
});

describe('computeBreaks — edge cases (all methods)', () => {
  it.each(METHODS)('%s: returns [] for empty input and for only non-finite values', (method) => {
    expect(computeBreaks([], method, 5)).toEqual([]);
    expect(computeBreaks([NaN, Infinity, -Infinity], method, 5)).toEqual([]);
  });

  it.each(METHODS)('%s: returns [v, v] (one class) when all values are equal', (method) => {
    expect(computeBreaks([4, 4, 4, 4], method, 5)).toEqual([4, 4]);
    expect(countPerClass([4, 4, 4, 4], computeBreaks([4, 4, 4, 4], method, 5))).toEqual([4]);
  });

  it.each(METHODS)('%s: ignores NaN and infinities', (method) => {
    const dirty = [NaN, ...ONE_TO_TEN, Infinity, NaN, -Infinity];
    expect(computeBreaks(dirty, method, 5)).toEqual(computeBreaks(ONE_TO_TEN, method, 5));
  });

  it.each(METHODS)('%s: uses k = min(classes, distinct values)', (method) => {
    // 3 distinct values, 5 classes asked -> at most 3 classes.
    const breaks = computeBreaks([5, 5, 7, 7, 9], method, 5);
    expect(breaks.length - 1).toBeLessThanOrEqual(3);
    expect(breaks[0]).toBe(5);
    expect(breaks[breaks.length - 1]).toBe(9);
  });

  it('gives the hand-computed breaks for 3 distinct values in 5 asked classes', () => {
    // quantile, k=3, n=5: positions floor(5/3)=1 -> 5 (= min, dropped), floor(10/3)=3 -> 7: [5,7,9].
    expect(computeBreaks([5, 5, 7, 7, 9], 'quantile', 5)).toEqual([5, 7, 9]);
    // equal interval, k=3: width 4/3.
    expectCloseArray(computeBreaks([5, 5, 7, 7, 9], 'equal-interval', 5), [5, 5 + 4 / 3, 5 + 8 / 3, 9]);
  });

  it.each(METHODS)('%s: accepts typed arrays', (method) => {
    expect(computeBreaks(Float64Array.from(ONE_TO_TEN), method, 4)).toEqual(computeBreaks(ONE_TO_TEN, method, 4));
  });

  it.each(METHODS)('%s: treats classes < 1 as one class spanning min..max', (method) => {
    expect(computeBreaks(ONE_TO_TEN, method, 0)).toEqual([1, 10]);
  });
});

describe('classOf', () => {
  const breaks: Breaks = [1, 3, 5, 7, 9, 10];

  it('puts a value equal to a boundary into the class that starts there', () => {
    expect(classOf(1, breaks)).toBe(0);
    expect(classOf(3, breaks)).toBe(1);
    expect(classOf(2.999, breaks)).toBe(0);
    expect(classOf(9, breaks)).toBe(4);
  });

  it('puts the max into the last class', () => {
    expect(classOf(10, breaks)).toBe(4);
  });

  it('clamps values below min to class 0 and above max to the last class', () => {
    expect(classOf(-100, breaks)).toBe(0);
    expect(classOf(1e9, breaks)).toBe(4);
  });

  it('returns -1 for non-finite values and for empty breaks', () => {
    expect(classOf(NaN, breaks)).toBe(-1);
    expect(classOf(Infinity, breaks)).toBe(-1);
    expect(classOf(5, [])).toBe(-1);
  });

  it('puts everything in class 0 for single-class breaks [v, v]', () => {
    expect(classOf(4, [4, 4])).toBe(0);
    expect(classOf(3, [4, 4])).toBe(0);
    expect(classOf(5, [4, 4])).toBe(0);
  });

  it('puts only the max into a degenerate top class [max, max]', () => {
    expect(classOf(0.99, [0, 1, 1])).toBe(0);
    expect(classOf(1, [0, 1, 1])).toBe(1);
  });
});

describe('countPerClass', () => {
  it.each(METHODS)('%s: counts sum to the number of finite values', (method) => {
    const rand = seededRandom(11);
    const values = Array.from({ length: 200 }, (_, i) => (i % 17 === 0 ? NaN : Math.round(rand() * 50) / 50));
    const breaks = computeBreaks(values, method, 5);
    const counts = countPerClass(values, breaks);
    expect(counts.length).toBe(breaks.length - 1);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(values.filter(Number.isFinite).length);
  });

  it('returns [] for empty breaks', () => {
    expect(countPerClass([1, 2, 3], [])).toEqual([]);
  });
});

describe('palette', () => {
  it('has ColorBrewer YlGnBu for 3..9 classes with the right lengths and hex format', () => {
    for (let k = 3; k <= 9; k++) {
      const colors = sequentialColors(k);
      expect(colors.length).toBe(k);
      for (const c of colors) expect(c).toMatch(/^#[0-9a-f]{6}$/);
    }
    expect(SEQUENTIAL_PALETTES[5]).toEqual(['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494']);
    expect(SEQUENTIAL_PALETTES[9][8]).toBe('#081d58');
  });

  it('clamps to 1..9 classes; 1 and 2 classes use the darker 3-class colours', () => {
    expect(sequentialColors(1)).toEqual(['#2c7fb8']);
    expect(sequentialColors(2)).toEqual(['#7fcdbb', '#2c7fb8']);
    expect(sequentialColors(0)).toHaveLength(1);
    expect(sequentialColors(12)).toHaveLength(9);
  });

  it('has a no-data colour distinct from every palette colour', () => {
    expect(NO_DATA_COLOR).toBe('#d9dde3');
    for (let k = 3; k <= 9; k++) expect(sequentialColors(k)).not.toContain(NO_DATA_COLOR);
  });

  it('has one colour per class for any computed breaks', () => {
    const breaks = computeBreaks(ONE_TO_TEN, 'jenks', 7);
    expect(sequentialColors(breaks.length - 1)).toHaveLength(breaks.length - 1);
  });
});
