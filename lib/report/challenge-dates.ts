import { addDays } from '../planner/dates';
import { OUTCOME_RULE } from '../reintroduction/outcome';

/**
 * The days a challenge covers, from its first day and its number of doses (one dose a day).
 * The symptom window adds the days after the last dose that the outcome rule also watches,
 * because reactions often show up a day or two late.
 */
export function challengeDates(startOn: string, doseCount: number): string[] {
  return Array.from({ length: Math.max(1, doseCount) }, (_, i) => addDays(startOn, i));
}

export type DateRange = { from: string; to: string };

/** The dose days and the following days the outcome rule judges (both ends included). */
export function symptomWindow(startOn: string, doseCount: number): DateRange {
  const last = addDays(startOn, Math.max(1, doseCount) - 1);
  return { from: startOn, to: addDays(last, OUTCOME_RULE.challengeDays - 1) };
}

/** How many days before a challenge count as its baseline (elimination or washout days). */
export const BASELINE_DAYS = 7;

/**
 * A challenge's baseline: the `BASELINE_DAYS` days before its first day, less any day inside
 * another challenge's symptom window (those days are not on the clean background).
 */
export function baselineDates(startOn: string, others: readonly DateRange[]): string[] {
  return Array.from({ length: BASELINE_DAYS }, (_, i) =>
    addDays(startOn, i - BASELINE_DAYS),
  ).filter((d) => !others.some((w) => d >= w.from && d <= w.to));
}
