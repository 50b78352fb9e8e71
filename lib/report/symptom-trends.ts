import type { JournalEntry, SymptomKey } from '../journal/schema';
import { SYMPTOM_KEYS, SYMPTOM_LABELS } from '../journal/schema';
import { addDays, daysBetween } from '../planner/dates';
import type { ChallengeOutcome } from '../reintroduction/types';

/**
 * Weekly symptom averages for the trend charts and their text alternative. Weeks run Monday to
 * Sunday like the plans; a week without a rating of a symptom has no average (a gap in the
 * line), never a zero.
 */

/** A challenge drawn on the charts: its dose days shaded, its outcome written on it. */
export type ChallengePeriod = {
  id: string;
  label: string;
  from: string;
  to: string;
  outcome: ChallengeOutcome | null;
};

export type WeekMean = { weekStart: string; mean: number | null; days: number };

export type SymptomTrend = {
  key: SymptomKey;
  label: string;
  weeks: WeekMean[];
  /** The first week with a rating of this symptom, and the last. */
  baseline: { weekStart: string; mean: number } | null;
  latest: { weekStart: string; mean: number } | null;
};

export type SymptomTrends = {
  /** Mondays of every week from the first entry (or challenge) to the last, gaps included. */
  weeks: string[];
  symptoms: SymptomTrend[];
  periods: ChallengePeriod[];
};

/** Words for each outcome, and the one letter a chart writes on a challenge period. */
export const OUTCOME_WORDS: Record<ChallengeOutcome, string> = {
  tolerated: 'tolerated',
  reacted: 'reacted',
  unclear: 'unclear',
};
export const OUTCOME_MARKS: Record<ChallengeOutcome, string> = {
  tolerated: 'T',
  reacted: 'R',
  unclear: 'U',
};

/** The Monday on or before `iso`. */
export function mondayOn(iso: string): string {
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return addDays(iso, -((weekday + 6) % 7));
}

/** One decimal, the precision a 0–10 rating average is read at. */
export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

type Entry = Pick<JournalEntry, 'date' | 'symptoms'>;

function weekMean(entries: readonly Entry[], key: SymptomKey, weekStart: string): WeekMean {
  const end = addDays(weekStart, 6);
  const values = entries
    .filter((e) => e.date >= weekStart && e.date <= end)
    .map((e) => e.symptoms[key])
    .filter((v): v is number => v !== null);
  if (values.length === 0) return { weekStart, mean: null, days: 0 };
  return {
    weekStart,
    mean: round1(values.reduce((a, b) => a + b, 0) / values.length),
    days: values.length,
  };
}

export function symptomTrends(
  entries: readonly Entry[],
  periods: readonly ChallengePeriod[] = [],
): SymptomTrends {
  const dates = [...entries.map((e) => e.date), ...periods.flatMap((p) => [p.from, p.to])].sort();
  const first = dates[0];
  const last = dates[dates.length - 1];
  const weeks =
    first === undefined || last === undefined
      ? []
      : Array.from({ length: daysBetween(mondayOn(first), mondayOn(last)) / 7 + 1 }, (_, i) =>
          addDays(mondayOn(first), i * 7),
        );
  const symptoms = SYMPTOM_KEYS.map((key): SymptomTrend => {
    const series = weeks.map((w) => weekMean(entries, key, w));
    const rated = series.filter((w): w is WeekMean & { mean: number } => w.mean !== null);
    const firstRated = rated[0];
    const lastRated = rated[rated.length - 1];
    return {
      key,
      label: SYMPTOM_LABELS[key],
      weeks: series,
      baseline: firstRated ? { weekStart: firstRated.weekStart, mean: firstRated.mean } : null,
      latest: lastRated ? { weekStart: lastRated.weekStart, mean: lastRated.mean } : null,
    };
  });
  return { weeks, symptoms, periods: [...periods].sort((a, b) => a.from.localeCompare(b.from)) };
}

export type LoggedTrend = SymptomTrend & {
  baseline: NonNullable<SymptomTrend['baseline']>;
  latest: NonNullable<SymptomTrend['latest']>;
};

/** The symptoms rated at least once, with their first and latest week (the text summary). */
export function loggedTrends(trends: SymptomTrends): LoggedTrend[] {
  return trends.symptoms.flatMap((t) =>
    t.baseline && t.latest ? [{ ...t, baseline: t.baseline, latest: t.latest }] : [],
  );
}
