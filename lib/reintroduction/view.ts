import { z } from 'zod';
import type { JournalEntry } from '../journal/schema';
import { isoDate } from '../validation/plans';
import { type OutcomeProposal, proposeOutcome } from './outcome';
import { baselineWindow, type ChallengeSet, currentChallenge, scheduleDates } from './schedule';
import {
  type ChallengeDefinition,
  type ChallengeStatus,
  OUTCOMES,
  type ReintroductionState,
} from './types';

/** Body of POST /api/profiles/{id}/reintroduction/start. */
export const startBodySchema = z.strictObject({ startOn: isoDate('startOn').optional() });

/** Body of POST …/reintroduction/challenges/{challengeId}/outcome. */
export const outcomeBodySchema = z.strictObject({
  outcome: z.enum(OUTCOMES, { error: `outcome is one of: ${OUTCOMES.join(', ')}` }),
  maxDoseG: z.number().positive().max(2000).nullable().optional(),
});

/** Body of PATCH /api/profiles/{id}/reintroduction. */
export const patchBodySchema = z
  .strictObject({
    order: z.array(z.string().min(1)).max(100).optional(),
    skip: z.array(z.string().min(1)).max(100).optional(),
    paused: z.boolean().optional(),
  })
  .refine((b) => b.order !== undefined || b.skip !== undefined || b.paused !== undefined, {
    message: 'send order, skip or paused',
  });
export type ReintroductionPatch = z.output<typeof patchBodySchema>;

/** One challenge as the API shows it: the definition's facts, its dates and what happened. */
export type ScheduleItem = {
  id: string;
  challenge: string;
  label: string;
  stage: number;
  food: { ndb: string; name: string };
  subgroup: string | null;
  doses: { grams: number; words: string }[];
  slot: string;
  /** The challenge days (YYYY-MM-DD); empty while undated (skipped, paused, clinician-led). */
  days: string[];
  /** The washout days that follow (YYYY-MM-DD). */
  washoutDays: string[];
  /** How many washout days the protocol gives this challenge. */
  washoutLength: number;
  /** 'planned' before reintroduction has started. */
  status: ChallengeStatus | 'planned';
  outcome: string | null;
  maxDoseG: number | null;
  decidedOn: string | null;
  /** The first test of this food when this one is a retest ("lactose" for "lactose-2"). */
  retestOf: string | null;
  scope: ChallengeDefinition['scope'];
  note: string | null;
};

export type CurrentChallenge = ScheduleItem & {
  /** The days the proposal compares with (null before the first challenge day). */
  baseline: { from: string; to: string } | null;
  /** The journal's verdict so far; null until the first challenge day has come. */
  proposal: OutcomeProposal | null;
};

export function scheduleItems(
  state: ReintroductionState,
  set: ChallengeSet,
  planned: boolean,
): ScheduleItem[] {
  const dates = scheduleDates(state, set);
  return state.challenges.map((c) => {
    const def = set.challenges.find((d) => d.id === c.challenge);
    if (!def)
      throw new Error(`schedule names challenge '${c.challenge}', which the protocol lacks`);
    const d = dates.get(c.id);
    return {
      id: c.id,
      challenge: c.challenge,
      label: c.id === c.challenge ? def.label : `${def.label} (retest)`,
      stage: def.stage,
      food: def.food,
      subgroup: def.subgroup,
      doses: def.doses,
      slot: def.slot,
      days: d?.challenge ?? [],
      washoutDays: d?.washout ?? [],
      washoutLength: def.washoutDays,
      status: planned ? 'planned' : c.status,
      outcome: c.outcome,
      maxDoseG: c.maxDoseG,
      decidedOn: c.decidedOn,
      retestOf: c.id === c.challenge ? null : c.challenge,
      scope: def.scope,
      note: def.note ?? null,
    };
  });
}

/** The current challenge with its baseline and the journal's proposal, once it has begun. */
export function currentView(
  state: ReintroductionState,
  set: ChallengeSet,
  items: readonly ScheduleItem[],
  entries: readonly Pick<JournalEntry, 'date' | 'symptoms'>[],
  today: string,
): CurrentChallenge | null {
  const current = currentChallenge(state);
  const item = items.find((i) => i.id === current?.id);
  if (!current || !item) return null;
  const baseline = baselineWindow(state, set, current.id);
  const first = item.days[0];
  const proposal =
    baseline && first && first <= today
      ? proposeOutcome({ entries, baseline, challengeDay: first })
      : null;
  return { ...item, baseline, proposal };
}
