import type { Model } from './model';

/**
 * Batch cooking: a freshly cooked lunch or dinner may feed later lunches or dinners of the same
 * week with its leftovers, within the days the dish keeps in the fridge, or on any later day
 * when it freezes well (those portions go into the freezer).
 */

/** Later meals one cooking may feed: three meals from one pot is what a household eats up. */
export const MAX_FED = 2;

/** Days a freezing batch keeps: any later day of the week (the plan ends on its 7th day). */
export const FROZEN_KEEP_DAYS = 6;

/** Whether a batch of `r` cooked on day `from` may still be eaten on day `to`. */
export function keepsUntil(m: Model, r: number, from: number, to: number): boolean {
  const gap = to - from;
  return gap >= 1 && gap <= m.keepDays[r]!;
}

/** Whether a meal of `r` eaten `gap` days after its cooking comes out of the freezer. */
export function isFrozenGap(m: Model, r: number, gap: number): boolean {
  return gap > m.fridgeDays[r]!;
}
