import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client';

/** One key's fixed window of attempts. */
export type AttemptWindow = { windowStartedAt: string; count: number };

export async function attemptWindowOf(db: Db, key: string): Promise<AttemptWindow | null> {
  const a = db.t.authAttempts;
  const rows = await db.orm
    .select({ windowStartedAt: a.windowStartedAt, count: a.count })
    .from(a)
    .where(eq(a.key, key));
  return rows[0] ?? null;
}

/**
 * Counts one attempt against `key` in one statement, so app instances sharing the database
 * never lose a count: a window that began at or before `expiredBy` starts over at `now`.
 * Returns the window after the attempt.
 */
export async function addAttempt(
  db: Db,
  key: string,
  now: string,
  expiredBy: string,
): Promise<AttemptWindow> {
  return db.transaction(async (tx) => {
    const a = tx.t.authAttempts;
    const over = sql`${a.windowStartedAt} <= ${expiredBy}`;
    const rows = await tx.orm
      .insert(a)
      .values({ key, windowStartedAt: now, count: 1 })
      .onConflictDoUpdate({
        target: a.key,
        set: {
          count: sql`case when ${over} then 1 else ${a.count} + 1 end`,
          windowStartedAt: sql`case when ${over} then ${now} else ${a.windowStartedAt} end`,
        },
      })
      .returning({ windowStartedAt: a.windowStartedAt, count: a.count });
    const row = rows[0];
    if (!row) throw new Error('the attempt upsert returned no row');
    return row;
  });
}
