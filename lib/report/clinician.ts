import type { JournalEntry, SymptomKey, Symptoms } from '../journal/schema';
import { SYMPTOM_KEYS, SYMPTOM_LABELS } from '../journal/schema';
import {
  type Finding,
  type NutrientAmount,
  nutrientLabel,
  REPORT_NUTRIENTS,
  type ReportNutrient,
  type ReportTarget,
} from '../nutrition/report';
import { addDays, daysBetween } from '../planner/dates';
import { OUTCOME_RULE } from '../reintroduction/outcome';
import { baselineWindow, type ChallengeSet, scheduleDates } from '../reintroduction/schedule';
import type {
  ChallengeDose,
  ChallengeOutcome,
  ChallengeStatus,
  PersonalEntry,
  PersonalList,
  ReintroductionState,
} from '../reintroduction/types';
import { type DateRange, outcomeWindow } from './challenge-dates';
import { type ChallengePeriod, round1, type SymptomTrends, symptomTrends } from './symptom-trends';

/**
 * The clinician report: one profile's protocol and phase dates, what was kept of the plans,
 * each reintroduction challenge with its doses, dates, symptom summary and outcome, the
 * personal food list and the weekly nutrition shortfalls. Pure: the use case loads the data.
 */

export type ReportProtocol = {
  id: string;
  name: string;
  phases: { id: string; name: string; durationWeeks: { min: number; max: number | null } }[];
};

/** What a plan's nutrition report found short in its week. */
export type WeekNutrition = {
  planId: number;
  weekStart: string;
  findings: readonly Finding[];
  weekAverage: Partial<Record<string, NutrientAmount>>;
  targets: Record<string, ReportTarget>;
};

export type ClinicianReportInput = {
  /** The day the report is made (YYYY-MM-DD). */
  today: string;
  profile: { id: number; name: string; protocol: string; phase: string; phaseStartedOn: string };
  protocol: ReportProtocol | null;
  entries: readonly Pick<JournalEntry, 'date' | 'symptoms' | 'note' | 'meals'>[];
  reintroduction: ReintroductionState | null;
  /** The protocol's challenge definitions (labels, foods, doses) and whether a clinician runs them. */
  challengeSet: ChallengeSet | null;
  personal: PersonalList;
  /**
   * Planned meals and how many of them were kept, where something records it. Nothing does yet
   * (a meal reaction says a meal was eaten, not that the others were), so this is usually null.
   */
  meals: { planned: number; kept: number } | null;
  nutrition: readonly WeekNutrition[];
};

export type SymptomMove = {
  symptom: SymptomKey;
  label: string;
  /** Mean of the baseline days (stool: Bristol type). */
  baselineMean: number;
  /** Highest rating in the window (stool: the Bristol type furthest from type 4). */
  windowMax: number;
  /** Rise above the baseline mean (stool: further from type 4 than the baseline's average distance). */
  rise: number;
};

export type ReportChallenge = {
  id: string;
  challenge: string;
  label: string;
  food: string | null;
  subgroup: string | null;
  doses: ChallengeDose[];
  status: ChallengeStatus;
  /** Dose days; empty until the challenge has started (and for a clinician-led protocol). */
  dates: string[];
  /** The days its symptoms are judged on (see `outcomeWindow`). */
  window: DateRange | null;
  /** The baseline days the outcome proposal compares with, and how many were logged. */
  baseline: (DateRange & { logged: number }) | null;
  loggedInWindow: number;
  /** Symptoms that rose at least `MOVED_POINTS` above baseline in the window. */
  moved: SymptomMove[];
  outcome: ChallengeOutcome | null;
  maxDoseG: number | null;
  decidedOn: string | null;
};

export type ReportPersonalEntry = PersonalEntry & {
  /** "Challenge Lactose (milk), 2026-11-02 to 2026-11-04" or "Added by hand". */
  sourceText: string;
};

export type Adherence =
  | { recorded: false; text: 'not recorded' }
  | { recorded: true; planned: number; kept: number; share: number; text: string };

export type ClinicianReport = {
  generatedOn: string;
  profile: { id: number; name: string };
  protocol: {
    id: string;
    name: string;
    phase: {
      id: string;
      name: string;
      startedOn: string;
      weeksDone: number;
      usualWeeks: { min: number; max: number | null } | null;
      /** When the usual length is reached: from `min` weeks, until `max` weeks (null: open). */
      usualEnd: { earliest: string; latest: string | null } | null;
    };
  };
  reintroduction: { startedOn: string; pausedOn: string | null; clinicianLed: boolean } | null;
  adherence: Adherence;
  journal: {
    days: number;
    from: string | null;
    to: string | null;
    rows: { date: string; symptoms: Symptoms; note: string | null }[];
  };
  trends: SymptomTrends;
  challenges: ReportChallenge[];
  personal: { allowed: ReportPersonalEntry[]; excluded: ReportPersonalEntry[] };
  shortfalls: {
    planId: number;
    weekStart: string;
    nutrients: {
      nutrient: string;
      label: string;
      amount: number | null;
      target: number | null;
      unit: string;
    }[];
  }[];
};

/** A symptom "moved" in a challenge window when it rose at least this much above baseline. */
export const MOVED_POINTS = 1;

const isReportNutrient = (n: string): n is ReportNutrient =>
  (REPORT_NUTRIENTS as readonly string[]).includes(n);

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Comparable score: the rating, or for stool its distance from Bristol type 4 (as the outcome rule). */
const distance = (symptom: SymptomKey, v: number) =>
  symptom === 'stool' ? Math.abs(v - OUTCOME_RULE.stoolMiddle) : v;

type Entry = ClinicianReportInput['entries'][number];

/** Baseline mean against the window's worst value, for every symptom rated in both. */
export function symptomMoves(
  entries: readonly Pick<Entry, 'date' | 'symptoms'>[],
  baseline: DateRange,
  window: DateRange,
): SymptomMove[] {
  const base = entries.filter((e) => e.date >= baseline.from && e.date <= baseline.to);
  const during = entries.filter((e) => e.date >= window.from && e.date <= window.to);
  return SYMPTOM_KEYS.flatMap((symptom): SymptomMove[] => {
    const b = base.map((e) => e.symptoms[symptom]).filter((v): v is number => v !== null);
    const w = during.map((e) => e.symptoms[symptom]).filter((v): v is number => v !== null);
    if (b.length === 0 || w.length === 0) return [];
    // the worst day: highest rating, or the stool type furthest from 4 (the first such day)
    const worst = w.reduce((a, v) => (distance(symptom, v) > distance(symptom, a) ? v : a));
    const rise = distance(symptom, worst) - mean(b.map((v) => distance(symptom, v)));
    if (rise < MOVED_POINTS) return [];
    return [
      {
        symptom,
        label: SYMPTOM_LABELS[symptom],
        baselineMean: round1(mean(b)),
        windowMax: worst,
        rise: round1(rise),
      },
    ];
  });
}

/** Each scheduled challenge with its definition, dates and symptom summary, in schedule order. */
export function reportChallenges(
  input: Pick<ClinicianReportInput, 'entries' | 'reintroduction' | 'challengeSet'>,
): ReportChallenge[] {
  const state = input.reintroduction;
  if (!state) return [];
  const set = input.challengeSet ?? { clinicianLed: false, challenges: [] };
  const defs = new Map(set.challenges.map((d) => [d.id, d]));
  // the schedule's own dates: pending challenges get derived days there, the report only
  // dates what has begun
  const scheduled = scheduleDates(state, set);
  const logged = (range: DateRange) =>
    input.entries.filter((e) => e.date >= range.from && e.date <= range.to).length;
  return state.challenges.map((c): ReportChallenge => {
    const def = defs.get(c.challenge);
    const dates = c.startOn ? (scheduled.get(c.id)?.challenge ?? []) : [];
    const window = outcomeWindow(dates);
    const base = window ? baselineWindow(state, set, c.id) : null;
    return {
      id: c.id,
      challenge: c.challenge,
      label: def?.label ?? c.challenge,
      food: def?.food.name ?? null,
      subgroup: def?.subgroup ?? null,
      doses: def?.doses ?? [],
      status: c.status,
      dates,
      window,
      baseline: base ? { ...base, logged: logged(base) } : null,
      loggedInWindow: window ? logged(window) : 0,
      moved: window && base ? symptomMoves(input.entries, base, window) : [],
      outcome: c.outcome,
      maxDoseG: c.maxDoseG,
      decidedOn: c.decidedOn,
    };
  });
}

function personalOf(
  list: PersonalList,
  challenges: readonly ReportChallenge[],
): ClinicianReport['personal'] {
  const labels = new Map(challenges.map((c) => [c.id, c.label]));
  const withSource = (e: PersonalEntry): ReportPersonalEntry => ({
    ...e,
    sourceText: e.source
      ? `Challenge ${labels.get(e.source.challengeId) ?? e.source.challengeId}, ${e.source.from} to ${e.source.to}`
      : 'Added by hand',
  });
  return { allowed: list.allowed.map(withSource), excluded: list.excluded.map(withSource) };
}

function adherenceOf(meals: ClinicianReportInput['meals']): Adherence {
  // nothing recorded is not "none kept": the report says so rather than print 0 %
  if (!meals || meals.planned === 0) return { recorded: false, text: 'not recorded' };
  const share = meals.kept / meals.planned;
  return {
    recorded: true,
    planned: meals.planned,
    kept: meals.kept,
    share: Math.round(share * 1000) / 1000,
    text: `${Math.round(share * 100)} % of planned meals kept (${meals.kept} of ${meals.planned})`,
  };
}

function phaseOf(input: ClinicianReportInput): ClinicianReport['protocol'] {
  const { profile, protocol } = input;
  const phase = protocol?.phases.find((p) => p.id === profile.phase);
  const weeksDone = Math.max(0, Math.floor(daysBetween(profile.phaseStartedOn, input.today) / 7));
  const usual = phase?.durationWeeks ?? null;
  return {
    id: profile.protocol,
    name: protocol?.name ?? profile.protocol,
    phase: {
      id: profile.phase,
      name: phase?.name ?? profile.phase,
      startedOn: profile.phaseStartedOn,
      weeksDone,
      usualWeeks: usual,
      usualEnd: usual
        ? {
            earliest: addDays(profile.phaseStartedOn, Math.round(usual.min * 7)),
            latest:
              usual.max === null
                ? null
                : addDays(profile.phaseStartedOn, Math.round(usual.max * 7)),
          }
        : null,
    },
  };
}

/**
 * The nutrients each week's report finds low, as amount against target. The findings' own
 * sentences are left out: they name recipes to swap in, which is the plan page's business.
 */
function shortfallsOf(weeks: readonly WeekNutrition[]): ClinicianReport['shortfalls'] {
  return [...weeks]
    .sort((a, b) => a.weekStart.localeCompare(b.weekStart) || a.planId - b.planId)
    .map((w) => ({
      planId: w.planId,
      weekStart: w.weekStart,
      nutrients: w.findings
        .filter((f) => f.status === 'low')
        .map((f) => {
          const avg = w.weekAverage[f.nutrient];
          const target = w.targets[f.nutrient];
          return {
            nutrient: f.nutrient,
            label: isReportNutrient(f.nutrient) ? nutrientLabel(f.nutrient) : f.nutrient,
            amount: avg ? round1(avg.amount) : null,
            target: target ? round1(target.amount) : null,
            unit: avg?.unit ?? target?.unit ?? '',
          };
        }),
    }))
    .filter((w) => w.nutrients.length > 0);
}

/** The challenges as the trend charts shade them: started ones, over their dose days. */
export function challengePeriods(challenges: readonly ReportChallenge[]): ChallengePeriod[] {
  return challenges.flatMap((c) => {
    const from = c.dates[0];
    const to = c.dates[c.dates.length - 1];
    return from && to ? [{ id: c.id, label: c.label, from, to, outcome: c.outcome }] : [];
  });
}

export function buildClinicianReport(input: ClinicianReportInput): ClinicianReport {
  const rows = [...input.entries]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((e) => ({ date: e.date, symptoms: e.symptoms, note: e.note }));
  const challenges = reportChallenges(input);
  return {
    generatedOn: input.today,
    profile: { id: input.profile.id, name: input.profile.name },
    protocol: phaseOf(input),
    reintroduction: input.reintroduction
      ? {
          startedOn: input.reintroduction.startedOn,
          pausedOn: input.reintroduction.pausedOn,
          clinicianLed: input.challengeSet?.clinicianLed ?? false,
        }
      : null,
    adherence: adherenceOf(input.meals),
    journal: {
      days: rows.length,
      from: rows[0]?.date ?? null,
      to: rows[rows.length - 1]?.date ?? null,
      rows,
    },
    trends: symptomTrends(input.entries, challengePeriods(challenges)),
    challenges,
    personal: personalOf(input.personal, challenges),
    shortfalls: shortfallsOf(input.nutrition),
  };
}
