/** A seeded source of uniform numbers; the planner never touches a global random source. */
export type Rng = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, maxExclusive); maxExclusive ≥ 1. */
  int(maxExclusive: number): number;
};

/**
 * mulberry32: 32-bit state, full period 2^32, fast and good enough for search decisions.
 * The same seed always yields the same sequence.
 */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (maxExclusive) => Math.floor(next() * maxExclusive) };
}
