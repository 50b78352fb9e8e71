import type { JournalEntry, SymptomKey } from '../journal/schema';
import { SYMPTOM_KEYS, SYMPTOM_LABELS } from '../journal/schema';
import { addDays } from '../planner/dates';

/**
 * The rule that proposes a challenge's outcome, as data so the page can print the same numbers
 * the code uses. A challenge is judged on its day and the two after it, because many reactions
 * (gut, joints, skin) show up a day or two late. A symptom "crosses" on a day when it is at
 * least `rise` points above its own baseline mean; stool form is judged by its distance from
 * Bristol type 4 (the healthy middle), so moving toward constipation or toward diarrhea both
 * count. Two crossing days of the same symptom are a pattern; one could be a bad day.
 */
export const OUTCOME_RULE = {
  /** The challenge day and the days after it that count. */
  challengeDays: 3,
  /** Points above the symptom's baseline mean (0–10 ratings; Bristol points away from 4). */
  rise: 2,
  /** Crossing days of one symptom that make a reaction. */
  reactionDays: 2,
  /** Fewer logged days than this in either window leaves the outcome unclear. */
  minLoggedDays: 2,
  /** The Bristol type stool form is measured from. */
  stoolMiddle: 4,
} as const;

/** The rule in words, for the page. */
export const OUTCOME_RULE_TEXT =
  `Villi compares the challenge day and the ${OUTCOME_RULE.challengeDays - 1} days after it with your baseline ` +
  `(the last days of elimination or washout). A symptom counts on a day when it is at least ` +
  `${OUTCOME_RULE.rise} points above its baseline average; stool form counts when it moves at least ` +
  `${OUTCOME_RULE.rise} Bristol points further from type ${OUTCOME_RULE.stoolMiddle} than usual. ` +
  `Reacted: one symptom counts on ${OUTCOME_RULE.reactionDays} or more of the ${OUTCOME_RULE.challengeDays} days. ` +
  `Unclear: fewer than ${OUTCOME_RULE.minLoggedDays} days logged in the baseline or the challenge, or a symptom ` +
  `counts on a single day only. Tolerated: otherwise. You confirm the outcome; this is a proposal.`;

export type Outcome = 'tolerated' | 'reacted' | 'unclear';

export type Crossing = {
  symptom: SymptomKey;
  date: string;
  /** The day's score: the rating, or for stool the distance from type 4. */
  score: number;
  baselineMean: number;
};

export type OutcomeProposal = {
  outcome: Outcome;
  /** Plain sentences, first the one that decided. */
  reasons: string[];
  crossings: Crossing[];
  logged: { baseline: number; challenge: number };
};

export type OutcomeInput = {
  entries: readonly Pick<JournalEntry, 'date' | 'symptoms'>[];
  /** The baseline days, both ends included. */
  baseline: { from: string; to: string };
  /** The day the food was eaten; the window runs `OUTCOME_RULE.challengeDays` days from it. */
  challengeDay: string;
};

/** The challenge window's days, the challenge day first. */
export function challengeWindow(challengeDay: string): string[] {
  return Array.from({ length: OUTCOME_RULE.challengeDays }, (_, i) => addDays(challengeDay, i));
}

/** A symptom's comparable score on a day; null when the day has none (no stool that day). */
function scoreOf(entry: Pick<JournalEntry, 'symptoms'>, symptom: SymptomKey): number | null {
  const value = entry.symptoms[symptom];
  if (value === null) return null;
  return symptom === 'stool' ? Math.abs(value - OUTCOME_RULE.stoolMiddle) : value;
}

/**
 * Proposes tolerated, reacted or unclear for one challenge. Pure: the caller passes the
 * entries it has; days without an entry are missing, never assumed symptom-free.
 */
export function proposeOutcome(input: OutcomeInput): OutcomeProposal {
  const days = new Set(challengeWindow(input.challengeDay));
  const baseline = input.entries.filter(
    (e) => e.date >= input.baseline.from && e.date <= input.baseline.to,
  );
  const challenge = input.entries.filter((e) => days.has(e.date));
  const logged = { baseline: baseline.length, challenge: challenge.length };

  if (
    logged.baseline < OUTCOME_RULE.minLoggedDays ||
    logged.challenge < OUTCOME_RULE.minLoggedDays
  ) {
    return {
      outcome: 'unclear',
      reasons: [
        `Too few days logged to compare: ${logged.baseline} baseline and ${logged.challenge} challenge ` +
          `days (at least ${OUTCOME_RULE.minLoggedDays} of each are needed).`,
      ],
      crossings: [],
      logged,
    };
  }

  const crossings: Crossing[] = [];
  for (const symptom of SYMPTOM_KEYS) {
    const base = baseline.map((e) => scoreOf(e, symptom)).filter((s): s is number => s !== null);
    // a symptom the baseline never rated has nothing to compare with
    if (base.length === 0) continue;
    const sum = base.reduce((a, b) => a + b, 0);
    for (const entry of challenge) {
      const score = scoreOf(entry, symptom);
      // score − sum/n ≥ rise, in whole numbers so no rounding decides a borderline day
      if (score !== null && score * base.length - sum >= OUTCOME_RULE.rise * base.length) {
        crossings.push({ symptom, date: entry.date, score, baselineMean: sum / base.length });
      }
    }
  }
  crossings.sort((a, b) => a.date.localeCompare(b.date));

  const daysBySymptom = new Map<SymptomKey, string[]>();
  for (const c of crossings)
    daysBySymptom.set(c.symptom, [...(daysBySymptom.get(c.symptom) ?? []), c.date]);
  const words = (symptom: SymptomKey, dates: string[]) =>
    `${SYMPTOM_LABELS[symptom]} was at least ${OUTCOME_RULE.rise} points above baseline on ${dates.join(', ')}.`;
  const repeated = [...daysBySymptom].filter(
    ([, dates]) => dates.length >= OUTCOME_RULE.reactionDays,
  );

  if (repeated.length > 0) {
    return {
      outcome: 'reacted',
      reasons: repeated.map(([s, d]) => words(s, d)),
      crossings,
      logged,
    };
  }
  if (crossings.length > 0) {
    return {
      outcome: 'unclear',
      reasons: [
        'A symptom rose on a single day only: it could be the food or an ordinary bad day.',
        ...[...daysBySymptom].map(([s, d]) => words(s, d)),
      ],
      crossings,
      logged,
    };
  }
  return {
    outcome: 'tolerated',
    reasons: [
      `No symptom rose ${OUTCOME_RULE.rise} or more points above baseline on the ${logged.challenge} logged challenge days.`,
    ],
    crossings,
    logged,
  };
}
