import type { MealType } from '../foods/codes';
import { challengeSlotFor } from '../planner/challenges';
import { addDays, daysBetween, weekDates } from '../planner/dates';
import { OUTCOME_RULE } from './outcome';
import {
  type ChallengeDefinition,
  type ChallengeMeal,
  type ChallengeOutcome,
  type FoodScope,
  NO_CHALLENGES,
  type PersonalEntry,
  type PersonalList,
  type ReintroductionState,
  type ScheduledChallenge,
  type WeekChallenges,
} from './types';

/**
 * A person's reintroduction schedule: what is stored is only what happened (statuses, the first
 * day of started challenges, outcomes); every date of a challenge still to come is derived here
 * from the start day, the recorded days, the pause and the skips. Pure: callers pass `today`.
 */

/** A protocol's challenges in run order, and whether a clinician runs them. */
export type ChallengeSet = {
  clinicianLed: boolean;
  challenges: readonly ChallengeDefinition[];
};

/** A challenge's days: the days the food is eaten, then the washout days on the background. */
export type ChallengeDates = { challenge: string[]; washout: string[] };

export type ScheduleErrorKind = 'not_found' | 'conflict' | 'invalid';

/** An operation the schedule refuses; `field` names the request field at fault. */
export class ScheduleError extends Error {
  constructor(
    readonly kind: ScheduleErrorKind,
    readonly field: string,
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ScheduleError';
  }
}

function definitionOf(set: ChallengeSet, c: ScheduledChallenge): ChallengeDefinition {
  const def = set.challenges.find((d) => d.id === c.challenge);
  if (!def) throw new Error(`schedule names challenge '${c.challenge}', which the protocol lacks`);
  return def;
}

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

/** Challenges in run order: by stage, then in the order the protocol file lists them. */
export function orderedDefinitions(set: ChallengeSet): ChallengeDefinition[] {
  return set.challenges
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.stage - b.d.stage || a.i - b.i)
    .map(({ d }) => d);
}

/** The first challenge neither done nor skipped, or null when all are. */
export function currentChallenge(state: ReintroductionState): ScheduledChallenge | null {
  return state.challenges.find((c) => c.status !== 'done' && c.status !== 'skipped') ?? null;
}

/**
 * Every scheduled challenge's dates by id; null for a skipped one, for those still to come while
 * paused, and for all of a clinician-led protocol (the clinician sets the days). A challenge
 * with a recorded first day keeps it; the others start the day after the previous washout.
 */
export function scheduleDates(
  state: ReintroductionState,
  set: ChallengeSet,
): Map<string, ChallengeDates | null> {
  const dates = new Map<string, ChallengeDates | null>();
  let cursor = state.startedOn;
  for (const c of state.challenges) {
    const start = c.startOn ?? (c.status === 'pending' && !state.pausedOn ? cursor : null);
    if (set.clinicianLed || c.status === 'skipped' || start === null) {
      dates.set(c.id, null);
      continue;
    }
    const def = definitionOf(set, c);
    const eaten = doseDaysEaten(def, c, start);
    const challenge = Array.from({ length: eaten }, (_, i) => addDays(start, i));
    const washout = Array.from({ length: def.washoutDays }, (_, i) => addDays(start, eaten + i));
    dates.set(c.id, { challenge, washout });
    cursor = later(cursor, addDays(start, eaten + def.washoutDays));
  }
  return dates;
}

/**
 * How many of a challenge's dose days are eaten: all of them, unless an outcome was confirmed
 * before the last one (stopping early on clear symptoms, or deciding early): then the doses end
 * on the day of the decision and the washout starts the day after.
 */
function doseDaysEaten(def: ChallengeDefinition, c: ScheduledChallenge, start: string): number {
  if (c.status !== 'done' || !c.decidedOn) return def.doses.length;
  const upTo = daysBetween(start, c.decidedOn) + 1;
  return Math.min(def.doses.length, Math.max(1, upTo));
}

/** The first free day after every dated challenge before `id` (its washout included). */
function nextFreeDay(state: ReintroductionState, set: ChallengeSet, id: string): string {
  const dates = scheduleDates(state, set);
  let cursor = state.startedOn;
  for (const c of state.challenges) {
    if (c.id === id) break;
    const d = dates.get(c.id);
    const last = d?.washout.at(-1) ?? d?.challenge.at(-1);
    if (last) cursor = later(cursor, addDays(last, 1));
  }
  return cursor;
}

/**
 * Makes the first open challenge the active one, with a first day no earlier than `today` nor
 * than the end of the previous washout (unless paused, or it already has one); the others after
 * it are pending without a day.
 */
function settle(state: ReintroductionState, set: ChallengeSet, today: string): ReintroductionState {
  const current = currentChallenge(state);
  const challenges = state.challenges.map((c): ScheduledChallenge => {
    if (c.status === 'done' || c.status === 'skipped') return c;
    if (c !== current) return { ...c, status: 'pending', startOn: null };
    return { ...c, status: 'active' };
  });
  const next = { ...state, challenges };
  if (!current || current.startOn || state.pausedOn || set.clinicianLed) return next;
  const startOn = later(nextFreeDay(next, set, current.id), today);
  return {
    ...next,
    challenges: challenges.map((c) => (c.id === current.id ? { ...c, startOn } : c)),
  };
}

/** A new schedule: every challenge in run order, the first one starting on `startedOn`. */
export function createSchedule(
  protocol: string,
  set: ChallengeSet,
  startedOn: string,
): ReintroductionState {
  const state: ReintroductionState = {
    protocol,
    startedOn,
    pausedOn: null,
    challenges: orderedDefinitions(set).map((d) => ({
      id: d.id,
      challenge: d.id,
      status: 'pending',
      startOn: null,
      outcome: null,
      maxDoseG: null,
      decidedOn: null,
    })),
  };
  return settle(state, set, startedOn);
}

function byId(state: ReintroductionState, id: string, field: string): ScheduledChallenge {
  const c = state.challenges.find((x) => x.id === id);
  if (!c) throw new ScheduleError('not_found', field, `no challenge '${id}' in this schedule`);
  return c;
}

/** Challenges that can still move or be skipped: pending ones, and the current one before its first day. */
function isMovable(c: ScheduledChallenge, today: string): boolean {
  return c.status === 'pending' || (c.status === 'active' && (!c.startOn || c.startOn > today));
}

/**
 * Puts the challenges that have not begun in the order given (exactly their ids). The one now
 * first becomes the current challenge, from the day the previous washout ends or today.
 */
export function reorderChallenges(
  state: ReintroductionState,
  set: ChallengeSet,
  order: readonly string[],
  today: string,
): ReintroductionState {
  for (const id of order) byId(state, id, 'order');
  const movable = state.challenges.filter((c) => isMovable(c, today));
  const wanted = new Set(order);
  if (
    wanted.size !== order.length ||
    movable.length !== order.length ||
    movable.some((c) => !wanted.has(c.id))
  ) {
    throw new ScheduleError(
      'invalid',
      'order',
      `order lists each challenge that has not begun exactly once: ${movable.map((c) => c.id).join(', ')}`,
    );
  }
  const moved = order.map((id) => ({ ...byId(state, id, 'order'), startOn: null }));
  const fixed = state.challenges.filter((c) => !isMovable(c, today));
  return settle({ ...state, challenges: [...fixed, ...moved] }, set, today);
}

/** Skips challenges that have not begun; a skipped one gets no dates and no outcome. */
export function skipChallenges(
  state: ReintroductionState,
  set: ChallengeSet,
  ids: readonly string[],
  today: string,
): ReintroductionState {
  for (const id of ids) {
    const c = byId(state, id, 'skip');
    if (c.status === 'skipped') continue;
    if (!isMovable(c, today)) {
      throw new ScheduleError(
        'conflict',
        'skip',
        `challenge '${id}' has begun or is decided; it cannot be skipped`,
      );
    }
  }
  const skip = new Set(ids);
  const challenges = state.challenges.map(
    (c): ScheduledChallenge =>
      skip.has(c.id) && c.status !== 'skipped' ? { ...c, status: 'skipped', startOn: null } : c,
  );
  return settle({ ...state, challenges }, set, today);
}

/**
 * Pauses from `on`: nothing is planned from that day. A current challenge that had not begun
 * by then loses its day; one already running keeps the days before the pause.
 */
export function pauseSchedule(state: ReintroductionState, on: string): ReintroductionState {
  if (state.pausedOn) return state;
  const current = currentChallenge(state);
  return {
    ...state,
    pausedOn: on,
    challenges: state.challenges.map((c) =>
      c === current && c.startOn && c.startOn >= on ? { ...c, startOn: null } : c,
    ),
  };
}

/**
 * Resumes on `on`: the current challenge starts that day (again, if it was running when paused),
 * or after the previous washout when that ends later.
 */
export function resumeSchedule(
  state: ReintroductionState,
  set: ChallengeSet,
  on: string,
): ReintroductionState {
  if (!state.pausedOn) return state;
  const current = currentChallenge(state);
  const open = {
    ...state,
    pausedOn: null,
    challenges: state.challenges.map((c) => (c === current ? { ...c, startOn: null } : c)),
  };
  return settle(open, set, on);
}

/** The personal-list entries a scope of challenge `def` makes. */
function scopeEntries(
  def: ChallengeDefinition,
  maxDoseG: number | null,
  source: PersonalEntry['source'],
  scope: FoodScope = def.scope,
): PersonalEntry[] {
  const entry = (kind: PersonalEntry['kind'], code: string): PersonalEntry => ({
    kind,
    code,
    label: def.label,
    maxDoseG,
    source,
  });
  return [
    ...scope.groups.map((g) => entry('group', g)),
    ...scope.concepts.map((c) => entry('concept', c)),
    ...scope.foods.map((f) => entry('food', f)),
  ];
}

const sameCode = (a: PersonalEntry) => (b: PersonalEntry) => a.kind === b.kind && a.code === b.code;

/** Adds entries to a list, each replacing an entry of the same kind and code. */
function upsert(
  list: readonly PersonalEntry[],
  entries: readonly PersonalEntry[],
): PersonalEntry[] {
  return [...list.filter((e) => !entries.some(sameCode(e))), ...entries];
}

export type OutcomeInput = {
  challengeId: string;
  outcome: ChallengeOutcome;
  /** Largest dose eaten without a reaction; a tolerated challenge defaults to its last dose. */
  maxDoseG?: number | null;
  today: string;
};

/** Whether an outcome can be recorded now; the reason when not. */
export function outcomeRefusal(
  state: ReintroductionState,
  set: ChallengeSet,
  challengeId: string,
  today: string,
): string | null {
  const c = byId(state, challengeId, 'challengeId');
  if (set.clinicianLed) {
    return c.status === 'done' || c.status === 'skipped'
      ? `challenge '${challengeId}' is already ${c.status === 'done' ? 'decided' : 'skipped'}`
      : null;
  }
  if (c !== currentChallenge(state))
    return `challenge '${challengeId}' is not the current challenge`;
  if (!c.startOn || c.startOn > today)
    return `challenge '${challengeId}' has not been run yet (its first day is ${c.startOn ?? 'not set'})`;
  return null;
}

/**
 * Records a confirmed outcome. Tolerated: the scope joins `personal.allowed` with the largest
 * dose eaten. Reacted: the scope joins `personal.excluded` and leaves `allowed`. Unclear: the same
 * challenge is tested again ("<id>-2") right after a washout. The next challenge becomes current.
 */
export function applyOutcome(
  state: ReintroductionState,
  set: ChallengeSet,
  personal: PersonalList,
  input: OutcomeInput,
): { state: ReintroductionState; personal: PersonalList } {
  const refusal = outcomeRefusal(state, set, input.challengeId, input.today);
  if (refusal) throw new ScheduleError('conflict', 'challengeId', refusal, 'challenge_not_run');
  const c = byId(state, input.challengeId, 'challengeId');
  const def = definitionOf(set, c);
  const decided0: ScheduledChallenge = { ...c, status: 'done', decidedOn: input.today };
  // the dose days eaten up to the decision; the largest of them is what was tolerated
  const eaten = c.startOn ? doseDaysEaten(def, decided0, c.startOn) : def.doses.length;
  const lastDose = def.doses[eaten - 1]?.grams ?? null;
  const maxDoseG = input.maxDoseG ?? (input.outcome === 'tolerated' ? lastDose : null);
  const days = (scheduleDates(state, set).get(c.id)?.challenge ?? []).slice(0, eaten);
  const from = days[0] ?? c.startOn ?? input.today;
  const source = { challengeId: c.id, from, to: days.at(-1) ?? from };

  const decided: ScheduledChallenge = {
    ...c,
    status: 'done',
    startOn: c.startOn ?? (set.clinicianLed ? null : from),
    outcome: input.outcome,
    maxDoseG,
    decidedOn: input.today,
  };
  const challenges = state.challenges.flatMap((x): ScheduledChallenge[] => {
    if (x.id !== c.id) return [x];
    if (input.outcome !== 'unclear') return [decided];
    const n = state.challenges.filter((y) => y.challenge === c.challenge).length + 1;
    const retest: ScheduledChallenge = {
      id: `${c.challenge}-${n}`,
      challenge: c.challenge,
      status: 'pending',
      startOn: null,
      outcome: null,
      maxDoseG: null,
      decidedOn: null,
    };
    return [decided, retest];
  });

  let next = personal;
  if (input.outcome === 'tolerated') {
    // what an earlier reaction keeps out stays out: excluded always wins, and one entry is
    // never on both sides of the list
    const back = scopeEntries(def, maxDoseG, source).filter(
      (e) => !personal.excluded.some(sameCode(e)),
    );
    next = { ...personal, allowed: upsert(personal.allowed, back) };
  } else if (input.outcome === 'reacted') {
    const entries = [
      ...scopeEntries(def, maxDoseG, source),
      ...scopeEntries(def, null, source, def.reactedAlso),
    ];
    next = {
      allowed: personal.allowed.filter((e) => !entries.some(sameCode(e))),
      excluded: upsert(personal.excluded, entries),
    };
  }
  return { state: settle({ ...state, challenges }, set, input.today), personal: next };
}

/**
 * The baseline days a proposal compares a challenge with: up to three days before its first day,
 * after the previous challenges' outcome windows (their dose days, and at least the first day and
 * the two after it), so a late reaction to the previous food is not taken for the baseline.
 * Null when the challenge has no day.
 */
export function baselineWindow(
  state: ReintroductionState,
  set: ChallengeSet,
  challengeId: string,
): { from: string; to: string } | null {
  const dates = scheduleDates(state, set);
  const own = dates.get(challengeId)?.challenge[0];
  if (!own) return null;
  let from = addDays(own, -3);
  for (const c of state.challenges) {
    if (c.id === challengeId) break;
    const days = dates.get(c.id)?.challenge;
    const first = days?.[0];
    const last = days?.at(-1);
    if (!first || !last) continue;
    const windowEnd = later(last, addDays(first, OUTCOME_RULE.challengeDays - 1));
    from = later(from, addDays(windowEnd, 1));
  }
  const to = addDays(own, -1);
  return { from: earlier(from, to), to };
}

/**
 * The challenge's meal if the profile plans it, else the profile's nearest meal (the planner's
 * rule, so the calendar and the plan agree); the asked-for meal when the profile has none.
 */
export function challengeSlot(wanted: MealType, slots: readonly MealType[]): MealType {
  return challengeSlotFor(wanted, slots) ?? wanted;
}

/**
 * A week's challenge meals and washout days, for the planner. Nothing for a clinician-led
 * protocol, and nothing from the day a pause began.
 */
export function weekChallenges(
  state: ReintroductionState | null,
  set: ChallengeSet | null,
  weekStart: string,
  slots: readonly MealType[],
): WeekChallenges {
  if (!state || !set || set.clinicianLed) return NO_CHALLENGES;
  const week = new Set(weekDates(weekStart));
  const open = (date: string) => week.has(date) && !(state.pausedOn && date >= state.pausedOn);
  const challenges: Record<string, ChallengeMeal> = {};
  const washout = new Set<string>();
  const dates = scheduleDates(state, set);
  for (const c of state.challenges) {
    const d = dates.get(c.id);
    if (!d) continue;
    const def = definitionOf(set, c);
    d.challenge.forEach((date, i) => {
      const dose = def.doses[i];
      if (!open(date) || !dose) return;
      challenges[date] = {
        challengeId: c.id,
        food: def.label,
        ndb: def.food.ndb,
        doseG: dose.grams,
        words: dose.words,
        day: i + 1,
        days: def.doses.length,
        slot: challengeSlot(def.slot, slots),
      };
    });
    for (const date of d.washout) if (open(date)) washout.add(date);
  }
  for (const date of Object.keys(challenges)) washout.delete(date);
  return { challenges, washout: [...washout].sort() };
}
