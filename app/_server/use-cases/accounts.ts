import { authFor } from '@/app/_server/auth/auth';
import { type Caller, isOpenSignup } from '@/app/_server/auth/caller';
import { hashToken, newToken, tokenPrefix } from '@/app/_server/auth/tokens';
import type { Db } from '@/db/client';
import {
  addMember,
  claimInvite,
  countHouseholds,
  createHousehold,
  findInviteByHash,
  findUserByEmail,
  findUserById,
  householdExists,
  insertInvite,
  insertToken,
  listTokens,
  type Role,
  releaseInvite,
  revokeInvite,
  revokeToken,
  type TokenRow,
} from '@/db/queries/accounts';
import { AppError } from '@/lib/http/app-error';
import { clinicianSignUpPlacement, takeGrant } from './clinician-links';

/** Invites are valid for a week. */
const INVITE_DAYS = 7;

export type SignUpInput = { email: string; password: string; name?: string; invite?: string };
/** Where the new account goes: an invite's household, or a household of its own. */
type Placement =
  | { kind: 'own'; adopt: boolean }
  | { kind: 'invited'; inviteId: number; householdId: number; role: Role }
  | { kind: 'clinician'; grantId: number; householdId: number; role: 'clinician' }
  | { kind: 'member'; householdId: number; role: Role };

async function placementFor(
  db: Db,
  input: SignUpInput,
  now: string,
  invitesNeeded: boolean,
): Promise<Placement> {
  if (input.invite !== undefined) {
    const invite = await findInviteByHash(db, hashToken(input.invite));
    const refuse = (why: string) => AppError.forbidden('invite_invalid', `This invite ${why}.`);
    if (!invite) {
      // a member's clinician link signs up a clinician of their household
      const grant = await clinicianSignUpPlacement(db, input.invite, input.email, new Date(now));
      if (grant) return { kind: 'clinician', ...grant, role: 'clinician' };
      throw refuse('is not known');
    }
    if (invite.revokedAt) throw refuse('was revoked');
    if (invite.usedAt) throw refuse('was already used');
    if (invite.expiresAt <= now) throw refuse('has expired');
    if (invite.email !== null && invite.email !== input.email)
      throw refuse('is for another email address');
    return {
      kind: 'invited',
      inviteId: invite.id,
      householdId: invite.householdId,
      role: invite.role,
    };
  }
  if ((await countHouseholds(db)) === 0) return { kind: 'own', adopt: true };
  if (isOpenSignup() || !invitesNeeded) return { kind: 'own', adopt: false };
  throw AppError.forbidden(
    'invite_required',
    'Sign-up needs an invite from a household owner (or VILLI_OPEN_SIGNUP=true on the server).',
  );
}

/**
 * Makes an account with the library's password hashing, then puts it in a household: the first
 * account owns a new household that adopts every profile made before accounts existed; later
 * ones join through an invite, or own a new household when sign-up is open. The command line
 * (whoever runs it can open the database) needs no invite: `asMember` adds the user to a
 * household directly, and without it the user owns a new one. Returns the library's Set-Cookie headers.
 */
export async function signUp(
  db: Db,
  input: SignUpInput,
  request: { headers: Headers; secure: boolean },
  asMember?: { householdId: number; role: Role },
  options: { invitesNeeded: boolean } = { invitesNeeded: true },
): Promise<{ userId: string; householdId: number; headers: Headers }> {
  const now = new Date().toISOString();
  if (asMember && !(await householdExists(db, asMember.householdId)))
    throw AppError.notFound('Household', String(asMember.householdId));
  const placement: Placement = asMember
    ? { kind: 'member', ...asMember }
    : await placementFor(db, input, now, options.invitesNeeded);
  if (await findUserByEmail(db, input.email))
    throw AppError.conflict('email_taken', 'An account with this email address exists already.');
  // An invite is claimed before the account is made, so two sign-ups cannot both use it.
  if (placement.kind === 'invited' && !(await claimInvite(db, placement.inviteId, now)))
    throw AppError.forbidden('invite_invalid', 'This invite was already used.');
  const auth = await authFor(db, request.secure);
  const made = await auth.api
    .signUpEmail({
      body: { email: input.email, password: input.password, name: input.name ?? input.email },
      headers: request.headers,
      returnHeaders: true,
    })
    .catch(async (error: unknown) => {
      if (placement.kind === 'invited') await releaseInvite(db, placement.inviteId);
      throw error;
    });
  const userId = made.response.user.id;
  let householdId: number;
  if (placement.kind === 'own') {
    // re-checked: of two first sign-ups at once, only one adopts
    const adopt = placement.adopt && (await countHouseholds(db)) === 0;
    householdId = await createHousehold(db, userId, 'Household', now, adopt);
  } else {
    await addMember(db, placement.householdId, userId, placement.role, now);
    householdId = placement.householdId;
    if (placement.kind === 'clinician')
      await takeGrant(db, placement.grantId, userId, new Date(now));
  }
  return { userId, householdId, headers: made.headers };
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
