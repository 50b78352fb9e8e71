import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkLimit,
  countAttempt,
  SIGN_IN_FAILURES,
  TOKENS_MADE,
  takeAttempt,
} from '@/app/_server/auth/rate-limit';
import { POST as signIn } from '@/app/api/auth/sign-in/route';
import { type Db, dbConfigFromEnv, openDb } from '@/db/client';
import { AppError } from '@/lib/http/app-error';
import { useFreshDatabase } from '../support/db';

/**
 * The sign-in and token limits are counted in the database: two handles on one database (two
 * pools of connections, as two app instances have) share one count, on SQLite and PostgreSQL.
 */
let a: Db;
let b: Db;

beforeAll(async () => {
  await useFreshDatabase();
  a = openDb(dbConfigFromEnv());
  b = openDb(dbConfigFromEnv());
});

afterAll(async () => {
  await a?.close();
  await b?.close();
});

async function refusal(run: () => Promise<void>): Promise<AppError | null> {
  try {
    await run();
    return null;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

describe('attempt limits shared by app instances', () => {
  it('refuses the 11th failed sign-in for an address even when the failures came through two instances', async () => {
    const key = 'sign-in:shared@example.com';
    const t0 = Date.parse('2026-03-02T10:00:00.000Z');
    for (let i = 0; i < 10; i++) {
      const via = i % 2 === 0 ? a : b;
      expect(await refusal(() => checkLimit(via, key, SIGN_IN_FAILURES, t0 + i))).toBeNull();
      await countAttempt(via, key, SIGN_IN_FAILURES, t0 + i);
    }
    // 5 minutes on, each instance refuses, with the 10 minutes left of the window
    for (const via of [a, b]) {
      const refused = await refusal(() => checkLimit(via, key, SIGN_IN_FAILURES, t0 + 300_000));
      expect(refused?.status).toBe(429);
      expect(refused?.retryAfterS).toBe(600);
      expect(refused?.toResponse().headers.get('Retry-After')).toBe('600');
    }
    // another address is free; this one is free again once its 15 minutes are over
    expect(await refusal(() => checkLimit(b, `${key}.other`, SIGN_IN_FAILURES, t0))).toBeNull();
    expect(await refusal(() => checkLimit(a, key, SIGN_IN_FAILURES, t0 + 900_000))).toBeNull();
    await countAttempt(b, key, SIGN_IN_FAILURES, t0 + 900_000);
    expect(await refusal(() => checkLimit(a, key, SIGN_IN_FAILURES, t0 + 900_001))).toBeNull();
  });

  it('lets two instances asked at once make exactly 20 tokens an hour between them', async () => {
    const key = 'tokens:someone';
    const now = Date.parse('2026-03-02T11:00:00.000Z');
    const attempt = (i: number) =>
      refusal(() => takeAttempt(i % 2 === 0 ? a : b, key, TOKENS_MADE, now + i));
    const indexes = Array.from({ length: 30 }, (_, i) => i);
    // PostgreSQL: all at once. SQLite: one after another, because two handles in one process
    // would block each other's synchronous writer (app instances are separate processes).
    const outcomes =
      a.engine === 'postgres'
        ? await Promise.all(indexes.map(attempt))
        : await indexes.reduce<Promise<(AppError | null)[]>>(
            async (done, i) => [...(await done), await attempt(i)],
            Promise.resolve([]),
          );
    expect(outcomes.filter((r) => r === null)).toHaveLength(20);
    expect(outcomes.filter((r) => r?.status === 429)).toHaveLength(10);
    // an hour after the window began, the next one is allowed (the window began with whichever
    // attempt arrived first, at most 29 ms after `now`)
    expect(
      await refusal(() => takeAttempt(b, key, TOKENS_MADE, now + indexes.length + 3_600_000)),
    ).toBeNull();
  });

  it("counts the sign-in route's failures where another instance reads them", async () => {
    const email = 'route-guess@example.com';
    const req = () =>
      new Request('http://localhost/api/auth/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'not-the-password' }),
      });
    for (let i = 0; i < 10; i++) expect((await signIn(req())).status).toBe(401);
    const refused = await refusal(() => checkLimit(b, `sign-in:${email}`, SIGN_IN_FAILURES));
    expect(refused?.status).toBe(429);
    expect((await signIn(req())).status).toBe(429);
  });
});
