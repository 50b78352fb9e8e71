import 'server-only';
import type { Db } from '@/db/client';
import { challengeDefinitions } from '@/db/queries/challenge-definitions';
import { listJournalEntries } from '@/db/queries/journal';
import { getProfileInput, replaceProfile } from '@/db/queries/profiles';
import { getProtocolById } from '@/db/queries/protocols';
import {
  deleteReintroduction,
  getReintroduction,
  saveReintroduction,
} from '@/db/queries/reintroduction';
import { AppError } from '@/lib/http/app-error';
import type { ProfileInput } from '@/lib/profiles/schema';
import type { Protocol } from '@/lib/protocols/schema';
import { OUTCOME_RULE_TEXT } from '@/lib/reintroduction/outcome';
import { type Readiness, readiness } from '@/lib/reintroduction/readiness';
import {
  applyOutcome,
  type ChallengeSet,
  createSchedule,
  pauseSchedule,
  reorderChallenges,
  resumeSchedule,
  ScheduleError,
  skipChallenges,
} from '@/lib/reintroduction/schedule';
import type { ChallengeOutcome, ReintroductionState } from '@/lib/reintroduction/types';
import {
  type CurrentChallenge,
  currentView,
  type ReintroductionPatch,
  type ScheduleItem,
  scheduleItems,
} from '@/lib/reintroduction/view';

/** GET /api/profiles/{id}/reintroduction. */
export type ReintroductionView = {
  protocol: string;
  phase: string;
  phaseStartedOn: string | null;
  /** Null before reintroduction has started (the schedule is then a proposal). */
  startedOn: string | null;
  pausedOn: string | null;
  /** False when the protocol has no reintroduction (everyday diets). */
  available: boolean;
  /** True when a clinician runs the challenges: Villi records, never plans. */
  clinicianLed: boolean;
  schedule: ScheduleItem[];
  current: CurrentChallenge | null;
  /** Decided challenges, in the order they were run. */
  results: ScheduleItem[];
  readiness: Readiness | null;
  /** The protocol's "talk to a clinician" lines. */
  talkToClinician: string[];
  outcomeRule: string;
};

type Context = {
  profile: ProfileInput;
  protocol: Protocol | null;
  set: ChallengeSet | null;
};

async function loadContext(db: Db, profileId: number): Promise<Context> {
  const profile = await getProfileInput(db, profileId);
  if (!profile) throw AppError.notFound('Profile', String(profileId));
  const [protocol, set] = await Promise.all([
    getProtocolById(db, profile.protocol),
    challengeDefinitions(db, profile.protocol),
  ]);
  return { profile, protocol, set };
}

const notStarted = (profileId: number) =>
  AppError.notFound('Reintroduction', `of profile ${profileId} (start it first)`);

/** The set the stored schedule was made from: its own protocol, even if the profile moved on. */
async function setOf(db: Db, state: ReintroductionState): Promise<ChallengeSet> {
  const set = await challengeDefinitions(db, state.protocol);
  if (!set) throw new Error(`reintroduction data of protocol '${state.protocol}' is missing`);
  return set;
}

function toAppError(error: unknown): unknown {
  if (!(error instanceof ScheduleError)) return error;
  if (error.kind === 'conflict') {
    return AppError.conflict(error.code ?? 'schedule_conflict', error.message, {
      field: error.field,
    });
  }
  return AppError.invalid(error.field, error.message);
}

function view(
  ctx: Context,
  state: ReintroductionState | null,
  set: ChallengeSet | null,
  entries: Awaited<ReturnType<typeof listJournalEntries>>,
  today: string,
): ReintroductionView {
  const elimination = ctx.protocol?.phases[0];
  const base = {
    protocol: ctx.profile.protocol,
    phase: ctx.profile.phase,
    phaseStartedOn: ctx.profile.phaseStartedOn,
    available: set !== null,
    clinicianLed: set?.clinicianLed ?? false,
    talkToClinician: ctx.protocol?.talkToClinician ?? [],
    outcomeRule: OUTCOME_RULE_TEXT,
    readiness:
      elimination && ctx.profile.phaseStartedOn
        ? readiness({
            phaseStartedOn: ctx.profile.phaseStartedOn,
            today,
            usualWeeks: elimination.durationWeeks,
            entries,
          })
        : null,
  };
  if (!set) {
    return { ...base, startedOn: null, pausedOn: null, schedule: [], current: null, results: [] };
  }
  const planned = state === null;
  const shown = state ?? createSchedule(ctx.profile.protocol, set, today);
  const items = scheduleItems(shown, set, planned);
  return {
    ...base,
    startedOn: state?.startedOn ?? null,
    pausedOn: state?.pausedOn ?? null,
    schedule: items,
    current: planned ? null : currentView(shown, set, items, entries, today),
    results: items.filter((i) => i.status === 'done'),
  };
}

/** The reintroduction, or before it starts the proposed schedule (status "planned"). */
export async function getReintroductionView(
  db: Db,
  profileId: number,
  today: string,
): Promise<ReintroductionView> {
  const ctx = await loadContext(db, profileId);
  const state = await getReintroduction(db, profileId);
  const set = state ? await setOf(db, state) : ctx.set;
  const entries = await listJournalEntries(db, profileId, { to: today });
  return view(ctx, state, set, entries, today);
}

/**
 * Starts reintroduction on `startOn`: the schedule is written and the profile moves to the
 * protocol's first reintroduction phase from that day, in one transaction.
 */
export async function startReintroduction(
  db: Db,
  profileId: number,
  input: { startOn?: string },
  now: string,
  today: string,
): Promise<ReintroductionView> {
  await db.transaction(async (tx) => {
    const ctx = await loadContext(tx, profileId);
    if (await getReintroduction(tx, profileId)) {
      throw AppError.conflict(
        'reintroduction_started',
        `Reintroduction has already started for profile ${profileId}: change it with PATCH, or stop it with DELETE first`,
      );
    }
    const phase = ctx.protocol?.phases.find((p) => p.id.startsWith('reintroduction'));
    if (!ctx.set || !phase) {
      throw AppError.unprocessable(
        'no_reintroduction',
        `The protocol '${ctx.profile.protocol}' has no reintroduction challenges`,
        { protocol: ctx.profile.protocol },
      );
    }
    const startOn = input.startOn ?? today;
    await saveReintroduction(
      tx,
      profileId,
      createSchedule(ctx.profile.protocol, ctx.set, startOn),
      now,
    );
    await replaceProfile(
      tx,
      profileId,
      { ...ctx.profile, phase: phase.id, phaseStartedOn: startOn },
      now,
    );
  });
  return getReintroductionView(db, profileId, today);
}

/**
 * Records a confirmed outcome: the schedule and the profile's personal food list change in
 * one transaction, or neither does.
 */
export async function recordOutcome(
  db: Db,
  profileId: number,
  challengeId: string,
  input: { outcome: ChallengeOutcome; maxDoseG?: number | null },
  now: string,
  today: string,
): Promise<ReintroductionView> {
  await db.transaction(async (tx) => {
    const ctx = await loadContext(tx, profileId);
    const state = await getReintroduction(tx, profileId);
    if (!state) throw notStarted(profileId);
    if (!state.challenges.some((c) => c.id === challengeId)) {
      throw AppError.notFound(
        'Challenge',
        `${challengeId} in the reintroduction of profile ${profileId}`,
      );
    }
    const set = await setOf(tx, state);
    let next: ReturnType<typeof applyOutcome>;
    try {
      next = applyOutcome(state, set, ctx.profile.personal, {
        challengeId,
        outcome: input.outcome,
        maxDoseG: input.maxDoseG ?? null,
        today,
      });
    } catch (error) {
      throw toAppError(error);
    }
    await saveReintroduction(tx, profileId, next.state, now);
    await replaceProfile(tx, profileId, { ...ctx.profile, personal: next.personal }, now);
  });
  return getReintroductionView(db, profileId, today);
}

/** Skips, then reorders, then pauses or resumes (today), as the body asks; all or nothing. */
export async function changeReintroduction(
  db: Db,
  profileId: number,
  patch: ReintroductionPatch,
  now: string,
  today: string,
): Promise<ReintroductionView> {
  await db.transaction(async (tx) => {
    await loadContext(tx, profileId);
    const state = await getReintroduction(tx, profileId);
    if (!state) throw notStarted(profileId);
    const set = await setOf(tx, state);
    let next = state;
    try {
      if (patch.skip) next = skipChallenges(next, set, patch.skip, today);
      if (patch.order) next = reorderChallenges(next, set, patch.order, today);
      if (patch.paused === true) next = pauseSchedule(next, today);
      if (patch.paused === false) next = resumeSchedule(next, set, today);
    } catch (error) {
      throw toAppError(error);
    }
    await saveReintroduction(tx, profileId, next, now);
  });
  return getReintroductionView(db, profileId, today);
}

/** Stops reintroduction: the schedule goes, the personal food list and the phase stay. */
export async function stopReintroduction(db: Db, profileId: number): Promise<void> {
  await loadContext(db, profileId);
  if (!(await deleteReintroduction(db, profileId))) throw notStarted(profileId);
}
