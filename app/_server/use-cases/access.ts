import type { Caller } from '@/app/_server/auth/caller';
import type { Db } from '@/db/client';
import { planHouseholdId, profileHouseholdId } from '@/db/queries/accounts';
import { AppError } from '@/lib/http/app-error';
import { requireClinicianRead } from './clinician-access';

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
  const household = await profileHouseholdId(db, profileId);
  if (household !== caller.householdId) throw AppError.notFound('Profile', String(profileId));
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
