import { AppError } from '@/lib/http/app-error';

/**
 * Fixed-window attempt counters kept in this server process: enough to slow a password guesser
 * or a runaway script down; they start over when the server restarts.
 */
type Window = { startedMs: number; count: number };

export type Limit = { max: number; windowMs: number };

/** Failed sign-ins per email address. */
export const SIGN_IN_FAILURES: Limit = { max: 10, windowMs: 15 * 60_000 };
/** API tokens made per account. */
export const TOKENS_MADE: Limit = { max: 20, windowMs: 60 * 60_000 };

const windows = new Map<string, Window>();

function current(key: string, limit: Limit, nowMs: number): Window {
  const w = windows.get(key);
  if (w && nowMs - w.startedMs < limit.windowMs) return w;
  const fresh = { startedMs: nowMs, count: 0 };
  windows.set(key, fresh);
  return fresh;
}

/** 429 with Retry-After when `key` has used up its limit in this window. */
export function checkLimit(key: string, limit: Limit, nowMs = Date.now()): void {
  const w = current(key, limit, nowMs);
  if (w.count < limit.max) return;
  const retryAfterS = Math.max(1, Math.ceil((w.startedMs + limit.windowMs - nowMs) / 1000));
  throw new AppError(
    'too_many_requests',
    'too_many_requests',
    `Too many attempts; try again in ${retryAfterS} seconds.`,
    undefined,
    { retryAfterS },
    { retryAfterS },
  );
}

/** Counts one attempt against `key`. */
export function countAttempt(key: string, limit: Limit, nowMs = Date.now()): void {
  current(key, limit, nowMs).count += 1;
}
