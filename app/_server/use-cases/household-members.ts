import type { Caller } from '@/app/_server/auth/caller';
import type { Db } from '@/db/client';
import {
  type HouseholdMember,
  listHouseholdMembers,
  type MemberChange,
  removeMember,
  setMemberRole,
} from '@/db/queries/household-members';
import { AppError } from '@/lib/http/app-error';

/** Another household is "not found" (ids reveal nothing); any member of this one may look. */
function requireMemberOf(caller: Caller, householdId: number): void {
  if (caller.householdId !== householdId) throw AppError.notFound('Household', String(householdId));
}

function requireOwnerOf(caller: Caller, householdId: number): void {
  requireMemberOf(caller, householdId);
  if (caller.role !== 'owner')
    throw AppError.forbidden('forbidden', 'Only an owner of the household can manage its members.');
}

/** Who is in the household: accounts, roles and own profiles by name, no health data. */
export async function householdMembers(
  db: Db,
  caller: Caller,
  householdId: number,
): Promise<HouseholdMember[]> {
  requireMemberOf(caller, householdId);
  // a clinician sees only the profiles granted to them, not who else lives in the household
  if (caller.role === 'clinician') throw AppError.notFound('Household', String(householdId));
  return listHouseholdMembers(db, householdId);
}

function refuse(change: MemberChange, userId: string, lastOwner: string): void {
  if (change === 'not_found') throw AppError.notFound('Member', userId);
  if (change === 'last_owner') throw AppError.conflict('last_owner', lastOwner);
  if (change === 'clinician')
    throw AppError.unprocessable(
      'clinician_role',
      "A clinician's access is not a household role: revoke their invite or remove them instead.",
    );
}

/** Ownership handover: an owner makes a member an owner, or an owner a member. */
export async function changeMemberRole(
  db: Db,
  caller: Caller,
  householdId: number,
  userId: string,
  role: 'owner' | 'member',
): Promise<HouseholdMember> {
  requireOwnerOf(caller, householdId);
  refuse(
    await setMemberRole(db, householdId, userId, role),
    userId,
    'A household keeps at least one owner: make another member an owner first.',
  );
  const member = (await listHouseholdMembers(db, householdId)).find((m) => m.userId === userId);
  if (!member) throw AppError.notFound('Member', userId);
  return member;
}

/** An owner removes a member or clinician; their sessions and tokens stop working at once. */
export async function removeHouseholdMember(
  db: Db,
  caller: Caller,
  householdId: number,
  userId: string,
): Promise<void> {
  requireOwnerOf(caller, householdId);
  refuse(
    await removeMember(db, householdId, userId),
    userId,
    'The last owner cannot leave a household: make another member an owner first.',
  );
}
