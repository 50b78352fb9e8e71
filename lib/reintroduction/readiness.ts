import type { JournalEntry } from '../journal/schema';
import { RATED_SYMPTOMS } from '../journal/schema';
import { addDays, daysBetween } from '../planner/dates';

/**
 * Whether elimination has run its usual course: weeks done of the protocol's usual length, and
 * how the journal's symptoms moved from its first week to its last. The person decides; this
 * only gives the numbers ("3 of 4 weeks done; symptoms down from 6 to 2").
 */
export type Readiness = {
  /** Whole weeks since the current phase began. */
  weeksDone: number;
  /** The elimination phase's usual length, weeks (protocol data). */
  usualWeeks: { min: number; max: number | null };
  /** True once the usual minimum has passed. */
  usualDone: boolean;
  symptoms: {
    /** Mean over the days logged of each day's worst rated symptom (0–10), one decimal. */
    firstWeek: number | null;
    lastWeek: number | null;
    /** Days logged in all. */
    daysLogged: number;
  };
  /** "3 of 4 weeks done; symptoms down from 6 to 2". */
  summary: string;
};

/** The day's worst 0–10 rating (stool form is a type, not a rating); null when none is rated. */
function worstRating(entry: Pick<JournalEntry, 'symptoms'>): number | null {
  const values = RATED_SYMPTOMS.map((k) => entry.symptoms[k]).filter(
    (v): v is number => v !== null,
  );
  return values.length > 0 ? Math.max(...values) : null;
}

function meanOf(entries: readonly Pick<JournalEntry, 'symptoms'>[]): number | null {
  const values = entries.map(worstRating).filter((v): v is number => v !== null);
  if (values.length === 0) return null;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
}

const fmt = (n: number) => String(Math.round(n * 10) / 10);

export function readiness(input: {
  phaseStartedOn: string;
  today: string;
  usualWeeks: { min: number; max: number | null };
  entries: readonly Pick<JournalEntry, 'date' | 'symptoms'>[];
}): Readiness {
  const weeksDone = Math.max(0, Math.floor(daysBetween(input.phaseStartedOn, input.today) / 7));
  const dates = input.entries.map((e) => e.date).sort();
  const first = dates[0];
  const last = dates.at(-1);
  let firstWeek: number | null = null;
  let lastWeek: number | null = null;
  // two weeks at least, so the first and the last week are different days
  if (first && last && daysBetween(first, last) >= 13) {
    firstWeek = meanOf(input.entries.filter((e) => e.date <= addDays(first, 6)));
    lastWeek = meanOf(input.entries.filter((e) => e.date >= addDays(last, -6)));
  }
  const { min, max } = input.usualWeeks;
  const usual = max === null ? `${fmt(min)} or more` : `${fmt(min)}–${fmt(max)}`;
  // "1 of 2 weeks done" while short of the usual minimum; past it, the usual range for context
  const weeks =
    weeksDone < min
      ? `${weeksDone} of ${fmt(min)} weeks done`
      : `${weeksDone} ${weeksDone === 1 ? 'week' : 'weeks'} done (usually ${usual})`;
  let symptoms = 'log symptoms for two weeks or more to compare the first week with the last';
  if (firstWeek !== null && lastWeek !== null) {
    symptoms =
      lastWeek < firstWeek
        ? `symptoms down from ${fmt(firstWeek)} to ${fmt(lastWeek)}`
        : lastWeek > firstWeek
          ? `symptoms up from ${fmt(firstWeek)} to ${fmt(lastWeek)}`
          : `symptoms unchanged at ${fmt(firstWeek)}`;
  }
  return {
    weeksDone,
    usualWeeks: input.usualWeeks,
    usualDone: weeksDone >= input.usualWeeks.min,
    symptoms: { firstWeek, lastWeek, daysLogged: input.entries.length },
    summary: `${weeks}; ${symptoms}`,
  };
}
