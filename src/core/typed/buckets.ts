/**
 * Counting sort into buckets, in place over one Int32Array of size n + 1: count with `countInto`,
 * turn the counts into bucket ends with `countsToEnds`, then place each item with `takeSlot`, which
 * fills every bucket from its end down, so that afterwards `starts[b]` is bucket b's first slot and
 * `starts[b + 1]` its end. Placing the items in reverse order keeps their order within a bucket.
 */

export function countInto(counts: Int32Array, bucket: number): void {
  counts[bucket] = (counts[bucket] as number) + 1;
}

/** counts[b] becomes the end of bucket b (items in buckets 0..b); counts[n] the total. */
export function countsToEnds(counts: Int32Array, n: number): void {
  let total = 0;
  for (let b = 0; b < n; b++) {
    total += counts[b] as number;
    counts[b] = total;
  }
  counts[n] = total;
}

/** The next free slot of bucket b, from its end down. */
export function takeSlot(ends: Int32Array, bucket: number): number {
  const slot = (ends[bucket] as number) - 1;
  ends[bucket] = slot;
  return slot;
}
