import 'server-only';
import { eq } from 'drizzle-orm';
import {
  type ReintroductionState,
  reintroductionStateSchema,
} from '../../lib/reintroduction/types';
import type { Db } from '../client';

/** A profile's reintroduction, or null when it has not started one. */
export async function getReintroduction(
  db: Db,
  profileId: number,
): Promise<ReintroductionState | null> {
  const rows = await db.orm
    .select()
    .from(db.t.reintroductions)
    .where(eq(db.t.reintroductions.profileId, profileId))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  const state = reintroductionStateSchema.safeParse(row.state);
  // validated on write: a row that no longer parses is damaged data, not a request error
  if (!state.success) {
    throw new Error(
      `reintroduction of profile ${profileId} holds data that does not parse: ${state.error.message}`,
      { cause: state.error },
    );
  }
  return state.data;
}

/**
 * Writes a profile's reintroduction (insert or replace). Pass the transaction's `tx` when the
 * write goes with others (an outcome also changes the profile's personal food list).
 */
export async function saveReintroduction(
  tx: Db,
  profileId: number,
  state: ReintroductionState,
  now: string,
): Promise<void> {
  const value = reintroductionStateSchema.parse(state);
  await tx.orm
    .insert(tx.t.reintroductions)
    .values({ profileId, state: value, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: tx.t.reintroductions.profileId,
      set: { state: value, updatedAt: now },
    });
}

/** False when the profile had none. */
export async function deleteReintroduction(db: Db, profileId: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx.orm
      .delete(tx.t.reintroductions)
      .where(eq(tx.t.reintroductions.profileId, profileId))
      .returning({ profileId: tx.t.reintroductions.profileId });
    return rows.length > 0;
  });
}
