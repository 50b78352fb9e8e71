import type { Db } from '@/db/client';
import { type AttemptWindow, addAttempt, attemptWindowOf } from '@/db/queries/auth-attempts';
import { AppError } from '@/lib/http/app-error';

/**
 * Fixed-window attempt counters, kept in the database: every app instance on one database
 * counts the same attempts, and a restart does not start them over.
 */
export type Limit = { max: number; windowMs: number };

/** Failed sign-ins per email address. */
export const SIGN_IN_FAILURES: Limit = { max: 10, windowMs: 15 * 60_000 };
/** API tokens made per account. */
export const TOKENS_MADE: Limit = { max: 20, windowMs: 60 * 60_000 };

const iso = (ms: number) => new Date(ms).toISOString();

/** The window's attempts, 0 once it is over. */
function liveCount(w: AttemptWindow | null, limit: Limit, nowMs: number): number {
  if (!w || nowMs - Date.parse(w.windowStartedAt) >= limit.windowMs) return 0;
  return w.count;
}

function tooMany(w: AttemptWindow, limit: Limit, nowMs: number): AppError {
  const endsMs = Date.parse(w.windowStartedAt) + limit.windowMs;
  const retryAfterS = Math.max(1, Math.ceil((endsMs - nowMs) / 1000));
  return new AppError(
    'too_many_requests',
    'too_many_requests',
    `Too many attempts; try again in ${retryAfterS} seconds.`,
    undefined,
    { retryAfterS },
    { retryAfterS },
  );
}

/** 429 with Retry-After when `key` has used up its limit in this window. */
export async function checkLimit(
  db: Db,
  key: string,
  limit: Limit,
  nowMs = Date.now(),
): Promise<void> {
  const w = await attemptWindowOf(db, key);
  if (w && liveCount(w, limit, nowMs) >= limit.max) throw tooMany(w, limit, nowMs);
}

/** Counts one attempt against `key`. */
export async function countAttempt(
  db: Db,
  key: string,
  limit: Limit,
  nowMs = Date.now(),
): Promise<void> {
  await addAttempt(db, key, iso(nowMs), iso(nowMs - limit.windowMs));
}

/**
 * Counts the attempt first and refuses it (429) when it is one too many, so two instances
 * asked at once cannot both take the last one.
 */
export async function takeAttempt(
  db: Db,
  key: string,
  limit: Limit,
  nowMs = Date.now(),
): Promise<void> {
  const w = await addAttempt(db, key, iso(nowMs), iso(nowMs - limit.windowMs));
  if (w.count > limit.max) throw tooMany(w, limit, nowMs);
}
