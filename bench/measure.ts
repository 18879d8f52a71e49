/** Timing, memory and machine facts for the benchmark. Needs `node --expose-gc`. */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';

/** Full collection (twice, so weak and finalised objects go too). */
export function collectGarbage(): void {
  if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc (npm run bench does)');
  globalThis.gc();
  globalThis.gc();
}

/**
 * Bytes of JS heap plus ArrayBuffer backing stores. Typed-array contents live outside the V8 heap,
 * so `heapUsed` alone would miss the merchant table's columns.
 */
export function usedBytes(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

export interface Timing<T> {
  /** Median of the runs, milliseconds. */
  readonly ms: number;
  readonly runs: readonly number[];
  /** The result of the last run. */
  readonly result: T;
}

/**
 * Runs `fn` `runs` times, each after a full GC (so one run's garbage is not charged to the next),
 * and returns the median. The first run is cold (JIT warm-up); the median absorbs it from 3 runs on.
 */
export function timed<T>(runs: number, fn: () => T): Timing<T> {
  const times: number[] = [];
  let result: T | undefined;
  for (let r = 0; r < runs; r++) {
    collectGarbage();
    const start = performance.now();
    result = fn();
    times.push(performance.now() - start);
  }
  if (result === undefined) throw new Error('timed: no run');
  return { ms: median(times), runs: times, result };
}

/**
 * `timed` for one of our steps and its anchor, run in turn (ours, anchor, ours, anchor, …), so
 * that a change in the machine's speed while they are measured (another process, the CPU's clock)
 * falls on both alike and their ratio compares runs made at the same moments.
 */
export function timedPair<A, B>(runs: number, ours: () => A, anchor: () => B): [Timing<A>, Timing<B>] {
  const ourTimes: number[] = [], anchorTimes: number[] = [];
  let ourResult: A | undefined, anchorResult: B | undefined;
  for (let r = 0; r < runs; r++) {
    collectGarbage();
    let start = performance.now();
    ourResult = ours();
    ourTimes.push(performance.now() - start);
    collectGarbage();
    start = performance.now();
    anchorResult = anchor();
    anchorTimes.push(performance.now() - start);
  }
  if (ourResult === undefined || anchorResult === undefined) throw new Error('timedPair: no run');
  return [
    { ms: median(ourTimes), runs: ourTimes, result: ourResult },
    { ms: median(anchorTimes), runs: anchorTimes, result: anchorResult },
  ];
}

/** Time of one call, no GC, no repeat (for the data generation). */
export function once<T>(fn: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = fn();
  return { ms: performance.now() - start, result };
}

export interface MachineInfo {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly v8: string;
  readonly platform: string;
  /** 1-minute load average when the run started: other work on the machine skews timings. */
  readonly loadAverage: number;
}

export function machineInfo(): MachineInfo {
  let cores = cpus().length;
  try {
    cores = Number(execFileSync('nproc', { encoding: 'utf8' }).trim()) || cores;
  } catch {
    // nproc missing: keep os.cpus().
  }
  return {
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cores,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    v8: process.versions.v8,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: Math.round((loadavg()[0] ?? NaN) * 100) / 100,
  };
}

/** 1234567.8 → "1,234,568"; small values keep a few decimals. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  const digits = ms < 1 ? 3 : ms < 100 ? 1 : 0;
  return ms.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatCount(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a';
}
