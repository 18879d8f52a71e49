import { Rng } from '../../scripts/demo/random.ts';

/** Seeded uniform numbers in [0, 1) (the demo generator's mulberry32), so random checks repeat exactly. */
export function seededRandom(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}
