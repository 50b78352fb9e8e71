import type { Db } from '@/db/client';
import {
  countHouseholds,
  createHousehold,
  findLiveToken,
  membershipOf,
  type Role,
  touchToken,
} from '@/db/queries/accounts';
import { AppError } from '@/lib/http/app-error';
import { type DoorsEnv, requestProtoOf } from '@/lib/http/doors';
import { authFor } from './auth';
import { isOpenSignup } from './placement';
import { bearerOf, hashToken } from './tokens';

/** Who is asking: resolved once per request from the session cookie or the bearer token. */
export type Caller = {
  userId: string;
  householdId: number;
  role: Role;
  /** The member's own profile, when they have one. */
  profileId: number | null;
  via: 'session' | 'token';
  /** What the request reads, in words, for a clinician's access log (set per route or page). */
  reading?: string;
};

/** A token's last use is written at most this often, so reads stay reads. */
const TOUCH_EVERY_MS = 60_000;

/**
 * The user's membership. Accounts get theirs in the transaction that makes them; a user left
 * without one by an earlier version (an OIDC sign-in before it was placed) becomes the owner of
 * a new household when they are the first (adopting earlier profiles) or sign-up is open;
 * otherwise they have no household and no access.
 */
async function membershipOrFirst(db: Db, userId: string, now: string) {
  const m = await membershipOf(db, userId);
  if (m) return m;
  const first = (await countHouseholds(db)) === 0;
  if (!first && !isOpenSignup()) return null;
  await createHousehold(db, userId, 'Household', now, first);
  return membershipOf(db, userId);
}

/** The caller of a request, or null when it has no valid session or token. */
export async function resolveCaller(db: Db, request: Request): Promise<Caller | null> {
  const now = new Date();
  const bearer = bearerOf(request.headers);
  if (bearer !== null) {
    const token = await findLiveToken(db, hashToken(bearer));
    if (!token) return null;
    const m = await membershipOf(db, token.userId);
    if (!m) return null;
    const last = token.lastUsedAt ? Date.parse(token.lastUsedAt) : 0;
    if (now.getTime() - last > TOUCH_EVERY_MS) await touchToken(db, token.id, now.toISOString());
    return { ...m, via: 'token' };
  }
  if (request.headers.has('authorization') || !request.headers.has('cookie')) return null;
  const secure = requestProtoOf(request, process.env as DoorsEnv) === 'https';
  const auth = await authFor(db, secure);
  const session = await auth.api.getSession({ headers: request.headers });
  if (!session) return null;
  const m = await membershipOrFirst(db, session.user.id, now.toISOString());
  return m ? { ...m, via: 'session' } : null;
}

/** The caller, or 401 with the usual error body. */
export async function requireCaller(db: Db, request: Request): Promise<Caller> {
  const caller = await resolveCaller(db, request);
  if (!caller) throw AppError.unauthorized();
  return caller;
}
