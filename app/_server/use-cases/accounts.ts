import { authFor } from '@/app/_server/auth/auth';
import type { Caller } from '@/app/_server/auth/caller';
import { passwordMatches } from '@/app/_server/auth/password';
import {
  emailTaken,
  joinByInvite,
  type Placement,
  type PlacementIntent,
  placementFor,
  withPlacement,
} from '@/app/_server/auth/placement';
import { checkLimit, countAttempt, SIGN_IN_FAILURES } from '@/app/_server/auth/rate-limit';
import { hashToken, newToken, tokenPrefix } from '@/app/_server/auth/tokens';
import type { Db } from '@/db/client';
import {
  findUserByEmail,
  findUserById,
  householdExists,
  insertInvite,
  insertToken,
  listTokens,
  membershipOf,
  type Role,
  revokeInvite,
  revokeToken,
  type TokenRow,
} from '@/db/queries/accounts';
import { AppError } from '@/lib/http/app-error';

/** Invites are valid for a week. */
const INVITE_DAYS = 7;

export type SignUpInput = { email: string; password: string; name?: string; invite?: string };

/**
 * Makes an account with the library's password hashing and puts it in a household, in one
 * transaction (./auth/placement.ts): the first account owns a new household that adopts every
 * profile made before accounts existed; later ones join through an invite, or own a new
 * household when sign-up is open. The command line (whoever runs it can open the database)
 * needs no invite: `asMember` adds the user to a household directly, and without it the user
 * owns a new one. Returns the library's Set-Cookie headers.
 */
export async function signUp(
  db: Db,
  input: SignUpInput,
  request: { headers: Headers; secure: boolean },
  asMember?: { householdId: number; role: Role },
  options: { invitesNeeded: boolean } = { invitesNeeded: true },
): Promise<{ userId: string; householdId: number; headers: Headers }> {
  const now = new Date().toISOString();
  // decided first, for a clear refusal before any password is hashed; the writes re-check
  if (asMember && !(await householdExists(db, asMember.householdId)))
    throw AppError.notFound('Household', String(asMember.householdId));
  const placement: Placement = asMember
    ? { kind: 'member', ...asMember }
    : await placementFor(db, input, now, options.invitesNeeded);
  const existing = await findUserByEmail(db, input.email);
  if (existing) {
    // someone removed from a household keeps their account: an invite brings it back in
    if (input.invite !== undefined && !asMember && !(await membershipOf(db, existing.id)))
      return rejoin(db, existing.id, input, request, placement, now);
    throw emailTaken();
  }
  const auth = await authFor(db, request.secure);
  const intent: PlacementIntent = { placement };
  const made = await withPlacement(intent, () =>
    auth.api.signUpEmail({
      body: { email: input.email, password: input.password, name: input.name ?? input.email },
      headers: request.headers,
      returnHeaders: true,
    }),
  ).catch((error: unknown) => {
    throw intent.refusal ?? error;
  });
  const userId = made.response.user.id;
  const membership = await membershipOf(db, userId);
  if (!membership) throw new Error('the new account has no household');
  return { userId, householdId: membership.householdId, headers: made.headers };
}

/**
 * An invite used by an existing account without a household: the account's own password (a
 * wrong one reads as "address taken", and counts as a failed sign-in) joins it to the invite's
 * household, then signs it in.
 */
async function rejoin(
  db: Db,
  userId: string,
  input: SignUpInput,
  request: { headers: Headers; secure: boolean },
  placement: Placement,
  now: string,
): Promise<{ userId: string; householdId: number; headers: Headers }> {
  const key = `sign-in:${input.email}`;
  await checkLimit(db, key, SIGN_IN_FAILURES);
  if (!(await passwordMatches(db, userId, input.password, request.secure))) {
    await countAttempt(db, key, SIGN_IN_FAILURES);
    throw emailTaken();
  }
  const householdId = await joinByInvite(db, userId, placement, now);
  const auth = await authFor(db, request.secure);
  const signedIn = await auth.api.signInEmail({
    body: { email: input.email, password: input.password },
    headers: request.headers,
    returnHeaders: true,
  });
  return { userId, householdId, headers: signedIn.headers };
}

export async function accountOf(db: Db, caller: Caller) {
  const user = await findUserById(db, caller.userId);
  if (!user) throw AppError.unauthorized();
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    householdId: caller.householdId,
    role: caller.role,
  };
}

export async function createApiToken(
  db: Db,
  userId: string,
  name: string,
): Promise<TokenRow & { token: string }> {
  const token = newToken();
  const row = await insertToken(db, {
    userId,
    name,
    prefix: tokenPrefix(token),
    tokenHash: hashToken(token),
    createdAt: new Date().toISOString(),
  });
  return { ...row, token };
}

export async function apiTokensOf(db: Db, userId: string): Promise<TokenRow[]> {
  return listTokens(db, userId);
}

export async function revokeApiToken(db: Db, userId: string, id: number): Promise<void> {
  if (!(await revokeToken(db, userId, id, new Date().toISOString())))
    throw AppError.notFound('Token', String(id));
}

function requireOwnerOf(caller: Caller, householdId: number): void {
  if (caller.householdId !== householdId) throw AppError.notFound('Household', String(householdId));
  if (caller.role !== 'owner')
    throw AppError.forbidden('forbidden', 'Only an owner of the household can manage invites.');
}

export async function createInvite(
  db: Db,
  caller: Caller,
  householdId: number,
  input: { role: 'member' | 'clinician'; email?: string },
  baseUrl: string,
) {
  requireOwnerOf(caller, householdId);
  const token = newToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + INVITE_DAYS * 86_400_000).toISOString();
  const id = await insertInvite(db, {
    householdId,
    tokenHash: hashToken(token),
    role: input.role,
    email: input.email ?? null,
    createdBy: caller.userId,
    expiresAt,
    createdAt: now.toISOString(),
  });
  return { id, token, url: `${baseUrl}/sign-up?invite=${encodeURIComponent(token)}`, expiresAt };
}

export async function cancelInvite(
  db: Db,
  caller: Caller,
  householdId: number,
  inviteId: number,
): Promise<void> {
  requireOwnerOf(caller, householdId);
  if (!(await revokeInvite(db, householdId, inviteId, new Date().toISOString())))
    throw AppError.notFound('Invite', String(inviteId));
}
