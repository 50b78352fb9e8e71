import type { Caller } from '@/app/_server/auth/caller';
import type { Db } from '@/db/client';
import { grantedProfileIds, insertAccessLog, planProfileIds } from '@/db/queries/clinician-grants';
import { listPlans, type PlanSummary } from '@/db/queries/plans';
import { listProfiles, type Profile } from '@/db/queries/profiles';
import { AppError } from '@/lib/http/app-error';

/**
 * A clinician reads only the profiles a member granted them (an accepted, unrevoked, unexpired
 * invite link), and a plan when any of its members is granted. Every such read is logged for
 * the member. Checked on each request, so a revoked grant ends access at once.
 */
export type ClinicianTarget = { profileId: number } | { planId: number };

async function grantedIn(db: Db, caller: Caller, target: ClinicianTarget, now: string) {
  const profileIds =
    'planId' in target ? await planProfileIds(db, target.planId) : [target.profileId];
  return grantedProfileIds(db, caller.userId, now, profileIds);
}

/** Whether the clinician may read the target now (nothing is logged). */
export async function clinicianMayRead(
  db: Db,
  caller: Caller,
  target: ClinicianTarget,
  now = new Date(),
): Promise<boolean> {
  return (await grantedIn(db, caller, target, now.toISOString())).length > 0;
}

/** A granted read goes on; its record is kept for each granted profile. Otherwise 404. */
export async function requireClinicianRead(
  db: Db,
  caller: Caller,
  target: ClinicianTarget,
  now = new Date(),
): Promise<void> {
  const at = now.toISOString();
  const granted = await grantedIn(db, caller, target, at);
  if (granted.length === 0) {
    throw 'planId' in target
      ? AppError.notFound('Plan', String(target.planId))
      : AppError.notFound('Profile', String(target.profileId));
  }
  const planId = 'planId' in target ? target.planId : null;
  await logReads(db, caller, granted, planId, at);
}

async function logReads(
  db: Db,
  caller: Caller,
  profileIds: readonly number[],
  planId: number | null,
  at: string,
): Promise<void> {
  await insertAccessLog(
    db,
    profileIds.map((profileId) => ({
      profileId,
      clinicianUserId: caller.userId,
      what: caller.reading ?? 'read',
      planId,
      at,
    })),
  );
}

/**
 * The household's profiles granted to a clinician, logged unless the page logs the one it
 * shows (`log: false`). Every role's rule: `visibleProfiles` in access.ts.
 */
export async function grantedProfiles(
  db: Db,
  caller: Caller,
  options: { log: boolean },
): Promise<Profile[]> {
  const all = await listProfiles(db, caller.householdId);
  const at = new Date().toISOString();
  const granted = new Set(await grantedProfileIds(db, caller.userId, at));
  const shown = all.filter((p) => granted.has(p.id));
  if (options.log)
    await logReads(
      db,
      caller,
      shown.map((p) => p.id),
      null,
      at,
    );
  return shown;
}

/**
 * The household's plans (or one profile's, checked by the caller) the caller may see: a
 * clinician's are the plans of their granted profiles, shared plans included.
 */
export async function visiblePlans(
  db: Db,
  caller: Caller,
  profileId?: number,
): Promise<PlanSummary[]> {
  if (caller.role !== 'clinician' || profileId !== undefined)
    return listPlans(db, profileId, caller.householdId);
  const at = new Date().toISOString();
  const granted = await grantedProfileIds(db, caller.userId, at);
  const byId = new Map<number, PlanSummary>();
  for (const id of granted) for (const plan of await listPlans(db, id)) byId.set(plan.id, plan);
  await logReads(db, caller, granted, null, at);
  return [...byId.values()].sort((a, b) => b.weekStart.localeCompare(a.weekStart) || b.id - a.id);
}

/**
 * The member whose nutrition report a caller may read on a plan: anyone's for the household; for
 * a clinician a granted member only (by default the first), as a shared plan also holds others.
 */
export async function reportMemberFor(
  db: Db,
  caller: Caller,
  planId: number,
  member: number | undefined,
): Promise<number | undefined> {
  if (caller.role !== 'clinician') return member;
  const granted = await grantedIn(db, caller, { planId }, new Date().toISOString());
  if (member === undefined) return granted[0];
  if (!granted.includes(member)) throw AppError.notFound('Profile', String(member));
  return member;
}
