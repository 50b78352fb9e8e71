import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';

/**
 * Claims the next version of a plan inside the caller's transaction: bumps `version` when it
 * still equals `expected` (or unconditionally when `expected` is null) and returns the new
 * version; null when the plan is gone or another write got there first. The conditional
 * UPDATE is what keeps two app instances from both applying a change to the same version.
 */
export async function claimPlanVersion(
  tx: Db,
  planId: number,
  expected: number | null,
): Promise<number | null> {
  const { plans } = tx.t;
  const where =
    expected === null
      ? eq(plans.id, planId)
      : and(eq(plans.id, planId), eq(plans.version, expected));
  const rows = await tx.orm
    .update(plans)
    .set({ version: sql`${plans.version} + 1` })
    .where(where)
    .returning({ version: plans.version });
  return rows[0]?.version ?? null;
}

/** The plan's current version, or null when there is no such plan. */
export async function planVersion(db: Db, planId: number): Promise<number | null> {
  const { plans } = db.t;
  const rows = await db.orm
    .select({ version: plans.version })
    .from(plans)
    .where(eq(plans.id, planId))
    .limit(1);
  return rows[0]?.version ?? null;
}
