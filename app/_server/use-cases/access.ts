import type { Caller } from '@/app/_server/auth/caller';
import type { Db } from '@/db/client';
import { planHouseholdId, profileHouseholdId } from '@/db/queries/accounts';
import { listProfiles, type Profile } from '@/db/queries/profiles';
import { AppError } from '@/lib/http/app-error';
import { grantedProfiles, requireClinicianRead } from './clinician-access';

/**
 * Household scoping, one rule for every route: another household's profile or plan is "not
 * found" (404, never 403, so ids reveal nothing), and a clinician's write is 403. A clinician
 * reads only what a member granted them (clinician-access.ts); anything else is "not found".
 */
export type Access = 'read' | 'write';

export function assertCanWrite(caller: Caller): void {
  if (caller.role === 'clinician')
    throw AppError.forbidden('forbidden', 'A clinician has read-only access to this household.');
}

export async function requireProfileAccess(
  db: Db,
  caller: Caller,
  profileId: number,
  access: Access,
): Promise<void> {
  if (!seesProfile(caller, profileId)) throw AppError.notFound('Profile', String(profileId));
  await requireHouseholdProfile(db, caller, profileId, access);
}

/**
 * Members: a `member` sees and changes only their own profile (another member's is "not
 * found", like an unknown id); owners see the household's profiles, clinicians the granted ones.
 */
export function seesProfile(caller: Caller, profileId: number): boolean {
  return caller.role !== 'member' || caller.profileId === profileId;
}

/**
 * The profiles the caller may read, newest first: a member's own, a clinician's granted ones
 * (logged unless the page logs the one it shows, `log: false`), else the household's.
 */
export async function visibleProfiles(
  db: Db,
  caller: Caller,
  options: { log: boolean } = { log: true },
): Promise<Profile[]> {
  if (caller.role === 'clinician') return grantedProfiles(db, caller, options);
  const all = await listProfiles(db, caller.householdId);
  return all.filter((p) => seesProfile(caller, p.id));
}

/**
 * A profile as the household's plans name it: any profile of the caller's household, since
 * plans and lists are the household's (a member may share a plan with people whose profiles
 * they cannot read); a clinician's write is 403.
 */
export async function requireHouseholdProfile(
  db: Db,
  caller: Caller,
  profileId: number,
  access: Access,
): Promise<void> {
  if ((await profileHouseholdId(db, profileId)) !== caller.householdId)
    throw AppError.notFound('Profile', String(profileId));
  if (access === 'write') assertCanWrite(caller);
  if (caller.role === 'clinician') await requireClinicianRead(db, caller, { profileId });
}

export async function requirePlanAccess(
  db: Db,
  caller: Caller,
  planId: number,
  access: Access,
): Promise<void> {
  const household = await planHouseholdId(db, planId);
  if (household !== caller.householdId) throw AppError.notFound('Plan', String(planId));
  if (access === 'write') assertCanWrite(caller);
  if (caller.role === 'clinician') await requireClinicianRead(db, caller, { planId });
}
