import { AsyncLocalStorage } from 'node:async_hooks';
import { APIError } from 'better-auth/api';
import type { Db, Orm } from '@/db/client';
import {
  addMember,
  claimInvite,
  countHouseholds,
  createHousehold,
  findInviteByHash,
  findUserById,
  membershipOf,
  type Role,
} from '@/db/queries/accounts';
import { findGrantByHash } from '@/db/queries/clinician-grants';
import { AppError } from '@/lib/http/app-error';
import { clinicianSignUpPlacement, openGrantOf, takeGrant } from '../use-cases/clinician-links';
import { hashToken } from './tokens';

/**
 * Where a new account goes, written in the same transaction as the account itself: the
 * library creates the user and then its first way to sign in (password or OIDC) in one
 * transaction, and the hook below adds the membership before that commits. A failure anywhere
 * rolls all of it back, so no user is ever left without a household.
 */
export type Placement =
  | { kind: 'own'; adopt: boolean }
  | { kind: 'invited'; inviteId: number; householdId: number; role: Role }
  | { kind: 'clinician'; grantId: number; householdId: number }
  | { kind: 'member'; householdId: number; role: Role };

/**
 * What the account being made in this call may join: a placement decided beforehand (sign-up,
 * command line) or an invite token (OIDC); without either, the first-run and open-sign-up
 * rules. `refusal` keeps the app's own error when the hook refuses, for the caller to rethrow.
 */
export type PlacementIntent = { placement?: Placement; invite?: string; refusal?: AppError };

const intents = new AsyncLocalStorage<PlacementIntent>();
const transactions = new AsyncLocalStorage<Db>();

export function isOpenSignup(env: Record<string, string | undefined> = process.env): boolean {
  return env.VILLI_OPEN_SIGNUP?.trim().toLowerCase() === 'true';
}

/** Runs `fn` (a library call that may create a user) with what its new account may join. */
export function withPlacement<T>(intent: PlacementIntent, fn: () => Promise<T>): Promise<T> {
  return intents.run(intent, fn);
}

type TransactionFn = (orm: Orm) => Promise<unknown>;

/**
 * The query builder the library is given: its transactions run as the app's own (SQLite: the
 * one serialized writer; PostgreSQL: a real transaction), and the membership hook finds the
 * transaction's handle. Everything else is the app's builder unchanged.
 */
export function libraryOrm(db: Db): Orm {
  const transaction = (fn: TransactionFn) =>
    db.transaction((tx) => transactions.run(tx, () => fn(tx.orm)));
  return new Proxy(db.orm, {
    get: (target, prop, receiver) =>
      prop === 'transaction' ? transaction : Reflect.get(target, prop, receiver),
  });
}

/** Sign-up for an address that has an account already (its owner may not be the asker). */
export const emailTaken = () =>
  AppError.conflict('email_taken', 'An account with this email address exists already.');

const refuse = (why: string) => AppError.forbidden('invite_invalid', `This invite ${why}.`);

/**
 * The invite a token names, when it is open: known, not revoked, used or expired, and (once the
 * email is known) for this email when it names one; else 403 invite_invalid saying why.
 */
export async function openInvite(db: Db, token: string, now: string, email?: string) {
  const invite = await findInviteByHash(db, hashToken(token));
  if (!invite) throw refuse('is not known');
  if (invite.revokedAt) throw refuse('was revoked');
  if (invite.usedAt) throw refuse('was already used');
  if (invite.expiresAt <= now) throw refuse('has expired');
  if (email !== undefined && invite.email !== null && invite.email !== email.toLowerCase())
    throw refuse('is for another email address');
  return invite;
}

/**
 * Checks that a token is an open household invite or an open clinician link (before a sign-in
 * leaves for the provider); 403 invite_invalid saying why otherwise.
 */
export async function assertOpenInvite(db: Db, token: string, now: string): Promise<void> {
  if (await findGrantByHash(db, hashToken(token))) await openGrantOf(db, token, new Date(now));
  else await openInvite(db, token, now);
}

/**
 * The household a new account joins. An invite (checked here: known, open, not expired, for
 * this email when it names one) places it there; otherwise the very first account owns a new
 * household that adopts earlier profiles, and later ones need an invite unless sign-up is open
 * or `invitesNeeded` is false (the command line).
 */
export async function placementFor(
  db: Db,
  input: { email: string; invite?: string },
  now: string,
  invitesNeeded = true,
): Promise<Placement> {
  if (input.invite !== undefined) {
    // a member's clinician link signs up a clinician of their household
    const grant = await clinicianSignUpPlacement(db, input.invite, input.email, new Date(now));
    if (grant) return { kind: 'clinician', ...grant };
    const invite = await openInvite(db, input.invite, now, input.email);
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
    'Signing up needs an invite from a household owner (or VILLI_OPEN_SIGNUP=true on the server).',
  );
}

/** Writes the membership and returns its household; `tx` is the transaction that made the user. */
async function place(tx: Db, userId: string, placement: Placement, now: string): Promise<number> {
  if (placement.kind === 'own') {
    // re-checked in the transaction: of two first sign-ups at once, only one adopts
    const adopt = placement.adopt && (await countHouseholds(tx)) === 0;
    return createHousehold(tx, userId, 'Household', now, adopt);
  }
  if (placement.kind === 'clinician') {
    await addMember(tx, placement.householdId, userId, 'clinician', now);
    // taken in the transaction: of two sign-ups through one link, the later makes no account
    await takeGrant(tx, placement.grantId, userId, new Date(now));
    return placement.householdId;
  }
  // claimed in the transaction: two sign-ups cannot both use one invite
  if (placement.kind === 'invited' && !(await claimInvite(tx, placement.inviteId, now)))
    throw refuse('was already used');
  await addMember(tx, placement.householdId, userId, placement.role, now);
  return placement.householdId;
}

/**
 * Puts an existing account that has no household (removed from one) into the household an invite
 * names, in one transaction; the invite is claimed there, so it serves once.
 */
export async function joinByInvite(
  db: Db,
  userId: string,
  placement: Placement,
  now: string,
): Promise<number> {
  return db.transaction(async (tx) => {
    if (await membershipOf(tx, userId)) throw emailTaken();
    return place(tx, userId, placement, now);
  });
}

/**
 * The library's hook before it writes a sign-in method: a user who has no household yet (a new
 * one) gets one now, in the same transaction; a refusal rolls the user back.
 */
export async function placeBeforeFirstSignInMethod(account: { userId: string }): Promise<void> {
  const tx = transactions.getStore();
  if (!tx) throw new Error('an account was written outside a transaction');
  if (await membershipOf(tx, account.userId)) return;
  const intent = intents.getStore() ?? {};
  const now = new Date().toISOString();
  try {
    const user = await findUserById(tx, account.userId);
    if (!user) throw new Error('the new user is not in its own transaction');
    const placement =
      intent.placement ??
      (await placementFor(tx, { email: user.email, invite: intent.invite }, now));
    await place(tx, account.userId, placement, now);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    intent.refusal = error;
    // the library turns its own errors into a refusal (a redirect with this code, for OIDC)
    throw new APIError('FORBIDDEN', { code: error.code, message: error.message });
  }
}
