import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { lockHousehold } from './accounts';

export type UserExportRow = { id: string; email: string; name: string; createdAt: string };

export async function userForExport(db: Db, id: string): Promise<UserExportRow | null> {
  const { users } = db.t;
  const rows = await db.orm
    .select({ id: users.id, email: users.email, name: users.name, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, id));
  return rows[0] ?? null;
}

export async function householdName(db: Db, id: number): Promise<string | null> {
  const { households } = db.t;
  const rows = await db.orm
    .select({ name: households.name })
    .from(households)
    .where(eq(households.id, id));
  return rows[0]?.name ?? null;
}

/** The password hash of the user's email-and-password sign-in, or null when they have none. */
export async function credentialHashOf(db: Db, userId: string): Promise<string | null> {
  const a = db.t.authAccounts;
  const rows = await db.orm
    .select({ password: a.password })
    .from(a)
    .where(and(eq(a.userId, userId), eq(a.providerId, 'credential')))
    .orderBy(a.id);
  return rows[0]?.password ?? null;
}

export type AccountDeletion = 'deleted' | 'deleted_with_household' | 'last_owner' | 'no_account';

/**
 * Deletes a user with their sessions, sign-in rows, API tokens and membership, in one
 * transaction. The household's last member takes the household with them (its profiles, plans
 * and journals go by cascade); the last owner of a household others still belong to deletes
 * nothing ('last_owner'). The checks run inside the transaction, so they see what is deleted.
 */
export async function deleteAccountRows(db: Db, userId: string): Promise<AccountDeletion> {
  return db.transaction(async (tx) => {
    const m = tx.t.householdMembers;
    const mine = await tx.orm
      .select({ householdId: m.householdId, role: m.role })
      .from(m)
      .where(eq(m.userId, userId));
    const membership = mine[0];
    if (!membership) return 'no_account';
    // two last members deleting at once take turns: the second sees it is the last
    await lockHousehold(tx, membership.householdId);
    const others = await tx.orm
      .select({
        members: sql<number>`cast(count(*) as integer)`,
        owners: sql<number>`cast(coalesce(sum(case when ${m.role} = 'owner' then 1 else 0 end), 0) as integer)`,
      })
      .from(m)
      .where(and(eq(m.householdId, membership.householdId), ne(m.userId, userId)));
    const members = Number(others[0]?.members ?? 0);
    const owners = Number(others[0]?.owners ?? 0);
    if (membership.role === 'owner' && members > 0 && owners === 0) return 'last_owner';
    await tx.orm.delete(tx.t.authSessions).where(eq(tx.t.authSessions.userId, userId));
    await tx.orm.delete(tx.t.authAccounts).where(eq(tx.t.authAccounts.userId, userId));
    await tx.orm.delete(tx.t.apiTokens).where(eq(tx.t.apiTokens.userId, userId));
    await tx.orm.delete(m).where(eq(m.userId, userId));
    await tx.orm.delete(tx.t.users).where(eq(tx.t.users.id, userId));
    if (members > 0) return 'deleted';
    // profiles, their plans, journals, reintroductions and the invites go by cascade
    await tx.orm.delete(tx.t.households).where(eq(tx.t.households.id, membership.householdId));
    return 'deleted_with_household';
  });
}
