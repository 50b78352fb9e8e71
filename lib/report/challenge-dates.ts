import { challengeWindow } from '../reintroduction/outcome';

export type DateRange = { from: string; to: string };

/**
 * The days a challenge's symptoms are judged on: its dose days, and at least the first day and
 * the days after it that the outcome rule watches (reactions often show up a day or two late).
 * The same window the schedule keeps the next challenge's baseline clear of.
 */
export function outcomeWindow(doseDays: readonly string[]): DateRange | null {
  const first = doseDays[0];
  const last = doseDays[doseDays.length - 1];
  if (!first || !last) return null;
  const watched = challengeWindow(first).at(-1) ?? first;
  // ISO dates sort as text
  return { from: first, to: [last, watched].sort()[1] ?? last };
}
