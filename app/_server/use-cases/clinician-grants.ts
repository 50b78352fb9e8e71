import type { Caller } from '@/app/_server/auth/caller';
import { hashToken, newToken } from '@/app/_server/auth/tokens';
import type { Db } from '@/db/client';
import { findUserById, profileHouseholdId } from '@/db/queries/accounts';
import { insertGrant, listAccessLog, listGrants, revokeGrant } from '@/db/queries/clinician-grants';
import { getProfileById } from '@/db/queries/profiles';
import { grantStatus } from '@/lib/clinician/grant-status';
import { AppError } from '@/lib/http/app-error';
import { ACCESS_LOG_LIMIT } from '@/lib/validation/clinician';
import { requireProfileAccess } from './access';
import { assertLinkEmail, openGrantOf, takeGrant } from './clinician-links';

/** A clinician link can be accepted for a week; the access it gives lasts `days`. */
const LINK_DAYS = 7;
const DAY_MS = 86_400_000;

/**
 * Who manages a profile's clinician links and reads its access log: the member whose profile it
 * is, or an owner. Another household's profile is 404; a clinician is 403 for links (a write)
 * and 404 for the log (as if there were none).
 */
async function requireGrantManager(
  db: Db,
  caller: Caller,
  profileId: number,
  access: 'read' | 'write',
): Promise<void> {
  if (caller.role === 'clinician' && access === 'read')
    throw AppError.notFound('Profile', String(profileId));
  await requireProfileAccess(db, caller, profileId, 'write');
  if (caller.role !== 'owner' && caller.profileId !== profileId)
    throw AppError.forbidden(
      'forbidden',
      'Only the member whose profile this is, or an owner, can manage clinician access.',
    );
}

export async function createClinicianInvite(
  db: Db,
  caller: Caller,
  profileId: number,
  input: { days: number; email?: string },
  baseUrl: string,
  now = new Date(),
) {
  await requireGrantManager(db, caller, profileId, 'write');
  const token = newToken();
  const expiresAt = new Date(now.getTime() + LINK_DAYS * DAY_MS).toISOString();
  const accessExpiresAt = new Date(now.getTime() + input.days * DAY_MS).toISOString();
  const id = await insertGrant(db, {
    profileId,
    householdId: caller.householdId,
    tokenHash: hashToken(token),
    email: input.email ?? null,
    createdBy: caller.userId,
    linkExpiresAt: expiresAt,
    accessExpiresAt,
    createdAt: now.toISOString(),
  });
  return {
    id,
    url: `${baseUrl}/clinician?invite=${encodeURIComponent(token)}`,
    expiresAt,
    accessExpiresAt,
  };
}

export async function clinicianInvitesOf(
  db: Db,
  caller: Caller,
  profileId: number,
  now = new Date(),
) {
  await requireGrantManager(db, caller, profileId, 'read');
  const at = now.toISOString();
  const items = (await listGrants(db, profileId)).map((g) => ({
    id: g.id,
    status: grantStatus(g, at),
    email: g.email,
    createdAt: g.createdAt,
    expiresAt: g.linkExpiresAt,
    accessExpiresAt: g.accessExpiresAt,
    acceptedAt: g.acceptedAt,
    revokedAt: g.revokedAt,
    clinician: g.clinician,
  }));
  return { items };
}

/** Ends the link and any access given through it, at once. */
export async function revokeClinicianInvite(
  db: Db,
  caller: Caller,
  profileId: number,
  inviteId: number,
): Promise<void> {
  await requireGrantManager(db, caller, profileId, 'write');
  if (!(await revokeGrant(db, profileId, inviteId, new Date().toISOString())))
    throw AppError.notFound('Clinician invite', String(inviteId));
}

export async function accessLogOf(db: Db, caller: Caller, profileId: number) {
  await requireGrantManager(db, caller, profileId, 'read');
  const rows = await listAccessLog(db, profileId, ACCESS_LOG_LIMIT);
  return {
    entries: rows.map((r) => ({
      at: r.at,
      clinician: r.clinician ?? { name: 'A deleted account', email: '' },
      what: r.what,
      ...(r.planId === null ? {} : { planId: r.planId }),
    })),
  };
}

// --- the link -------------------------------------------------------------------------------

/** What the link page shows before anyone signs in: whose link, or why it cannot be used. */
export async function clinicianLinkState(
  db: Db,
  token: string,
  now = new Date(),
): Promise<{ ok: true; profileName: string } | { ok: false; message: string }> {
  try {
    const grant = await openGrantOf(db, token, now);
    const profile = await getProfileById(db, grant.profileId);
    return { ok: true, profileName: profile?.name ?? 'a member' };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    throw error;
  }
}

/**
 * A signed-in clinician of the profile's household accepts a link. One household per account:
 * someone of another household, or an owner or member of this one, gets 409.
 */
export async function acceptClinicianInvite(
  db: Db,
  caller: Caller,
  token: string,
  now = new Date(),
): Promise<{ profileId: number; accessExpiresAt: string }> {
  const grant = await openGrantOf(db, token, now);
  const household = await profileHouseholdId(db, grant.profileId);
  if (caller.householdId !== household)
    throw AppError.conflict(
      'other_household',
      'This account belongs to another household, and an account belongs to one household only: sign out and open the link again to make a clinician account for this household.',
    );
  if (caller.role !== 'clinician')
    throw AppError.conflict(
      'not_clinician',
      'This account is an owner or member of the household, who read its profiles already; the link is for a clinician account.',
    );
  const user = await findUserById(db, caller.userId);
  if (user) assertLinkEmail(grant, user.email);
  await takeGrant(db, grant.id, caller.userId, now);
  return { profileId: grant.profileId, accessExpiresAt: grant.accessExpiresAt };
}
