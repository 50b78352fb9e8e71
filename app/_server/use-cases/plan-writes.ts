import 'server-only';
import type { Db } from '@/db/client';
import { claimPlanVersion } from '@/db/queries/plan-version';
import { getPlanById, type PlanView } from '@/db/queries/plans';
import { AppError } from '@/lib/http/app-error';
import { type IfMatch, matchesVersion } from '@/lib/http/preconditions';

/**
 * Tries of a plan write that keeps losing its version to other writers, before a 409. Ten, not
 * six: on a loaded machine a swap's planning takes long enough that a dozen writers to one plan
 * from two instances made six tries run out (an unconditional write answered 409).
 */
export const PLAN_WRITE_ATTEMPTS = 10;
/** First backoff ceiling after a lost race, ms; it doubles with each try up to the cap. */
const BACKOFF_MS = 25;
const BACKOFF_CAP_MS = 1500;

/**
 * A random pause before the next try, so writers that lost together do not all read the same
 * version again and lose together again.
 */
function backoff(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_MS * 2 ** (attempt - 1));
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function loadPlanOr404(db: Db, id: number): Promise<PlanView> {
  const plan = await getPlanById(db, id);
  if (!plan) throw AppError.notFound('Plan', String(id));
  return plan;
}

/** Another write claimed the plan's version first; the whole attempt starts over. */
class LostRace extends Error {
  constructor(readonly planId: number) {
    super(`plan ${planId} changed since it was read`);
  }
}

/** Abandons the attempt: `planId` changed since it was read (the transaction rolls back). */
export function planChangedMeanwhile(planId: number): Error {
  return new LostRace(planId);
}

/**
 * Claims the plan's next version inside `tx`, or abandons the transaction (rolled back) when
 * another write got there since `version` was read: `withPlanRetries` then starts over.
 */
export async function claimOrRetry(tx: Db, planId: number, version: number): Promise<number> {
  const claimed = await claimPlanVersion(tx, planId, version);
  if (claimed === null) throw planChangedMeanwhile(planId);
  return claimed;
}

/**
 * Runs `attempt` (reads, planning, then one transaction that claims each plan it writes) until
 * it stops losing races; a 409 when it keeps losing. Two app instances changing one plan thus
 * each apply their change to the other's result: nothing is lost or applied twice.
 */
export async function withPlanRetries<T>(attempt: () => Promise<T>): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof LostRace)) throw error;
      if (i >= PLAN_WRITE_ATTEMPTS) {
        throw AppError.conflict(
          'plan_busy',
          `Plan ${error.planId} kept changing while this change was being saved; try again.`,
          { planId: error.planId },
        );
      }
      await backoff(i);
    }
  }
}

/** The 412 for a write whose If-Match names a version the plan no longer has. */
export function preconditionFailed(version: number): AppError {
  return AppError.preconditionFailed(
    `The plan changed since you loaded it (it is now version ${version}); reload it and try again.`,
    { currentVersion: version },
  );
}

/** What a plan change writes inside the transaction, after its version is claimed. */
export type PlanWrite<T> = (tx: Db) => Promise<T>;

/**
 * One versioned change to a plan. `prepare` gets the latest stored plan (read outside the
 * transaction; the CPU work belongs there) and returns the write; the write runs in one
 * transaction that first claims the version `prepare` saw. When another write claimed it first,
 * the plan is read again and `prepare` runs again on it. With If-Match naming a version the plan
 * no longer has (before or during the change), 412 and nothing is written. Returns the plan as
 * written (read inside the transaction) and the write's result.
 */
export async function writePlan<T>(
  db: Db,
  planId: number,
  ifMatch: IfMatch,
  prepare: (view: PlanView) => Promise<PlanWrite<T>> | PlanWrite<T>,
): Promise<{ plan: PlanView; result: T }> {
  return withPlanRetries(async () => {
    const view = await loadPlanOr404(db, planId);
    if (!matchesVersion(ifMatch, view.version)) throw preconditionFailed(view.version);
    const write = await prepare(view);
    return db.transaction(async (tx) => {
      await claimOrRetry(tx, planId, view.version);
      const result = await write(tx);
      return { plan: await loadPlanOr404(tx, planId), result };
    });
  });
}
