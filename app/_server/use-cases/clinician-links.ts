import { hashToken } from '@/app/_server/auth/tokens';
import type { Db } from '@/db/client';
import { acceptGrant, findGrantByHash, type GrantRow } from '@/db/queries/clinician-grants';
import { linkRefusal } from '@/lib/clinician/grant-status';
import { AppError } from '@/lib/http/app-error';

/*
 * A member's clinician link, as sign-up and acceptance use it. Kept apart from the pages' use
 * cases so the command line (which signs up through accounts.ts) loads no server-only module.
 */

export const refuseLink = (why: string) =>
  AppError.forbidden('invite_invalid', `This link ${why}.`);

/** The open grant a link names, or 403 saying why it cannot be used. */
export async function openGrantOf(db: Db, token: string, now = new Date()): Promise<GrantRow> {
  const grant = await findGrantByHash(db, hashToken(token));
  if (!grant) throw refuseLink('is not known');
  const why = linkRefusal(grant, now.toISOString());
  if (why !== null) throw refuseLink(why);
  return grant;
}

/** Whether the email may take the grant (a link made for one address takes only that one). */
export function assertLinkEmail(grant: GrantRow, email: string): void {
  if (grant.email !== null && grant.email !== email.toLowerCase())
    throw refuseLink('is for another email address');
}

/** Gives the open grant to the user; 403 when someone took it meanwhile. */
export async function takeGrant(db: Db, grantId: number, userId: string, now: Date): Promise<void> {
  if (!(await acceptGrant(db, grantId, userId, now.toISOString())))
    throw refuseLink('was already used');
}

/**
 * Sign-up through a clinician link: the new account joins the profile's household as a
 * clinician. Null when the token is no clinician link (it may be a household invite).
 */
export async function clinicianSignUpPlacement(
  db: Db,
  token: string,
  email: string,
  now: Date,
): Promise<{ grantId: number; householdId: number } | null> {
  const grant = await findGrantByHash(db, hashToken(token));
  if (!grant) return null;
  const why = linkRefusal(grant, now.toISOString());
  if (why !== null) throw refuseLink(why);
  assertLinkEmail(grant, email);
  return { grantId: grant.id, householdId: grant.householdId };
}
