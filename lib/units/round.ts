/**
 * Share of a step a value may exceed a multiple and still round down to it: float noise only
 * (3 × 130 g summed from scaled recipes can come out as 390.00000000006 g).
 */
export const CEIL_TOLERANCE = 1e-6;

/** Rounds `value` up to a multiple of `step`, so the result always covers the value. */
export function ceilTo(value: number, step: number): number {
  if (!(step > 0)) throw new Error(`step must be positive, got ${step}`);
  const steps = Math.ceil(value / step - CEIL_TOLERANCE);
  return Math.max(steps, 0) * step;
}

/** Whole units needed for `grams` when one unit weighs `unitGrams`; at least 1 for any need. */
export function countUnits(grams: number, unitGrams: number): number {
  if (grams <= 0) return 0;
  return Math.max(1, Math.ceil(grams / unitGrams - CEIL_TOLERANCE));
}
