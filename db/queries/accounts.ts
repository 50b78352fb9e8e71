import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';

export type Role = 'owner' | 'member' | 'clinician';
export type Membership = {
  userId: string;
  householdId: number;
  role: Role;
  profileId: number | null;
};
export type UserRow = { id: string; email: string; name: string };

export async function countUsers(db: Db): Promise<number> {
  const rows = await db.orm.select({ n: sql<number>`cast(count(*) as integer)` }).from(db.t.users);
  return Number(rows[0]?.n ?? 0);
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  const { users } = db.t;
  const rows = await db.orm
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.email, email.toLowerCase()));
  return rows[0] ?? null;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | null> {
  const { users } = db.t;
  const rows = await db.orm
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, id));
  return rows[0] ?? null;
}

export async function membershipOf(db: Db, userId: string): Promise<Membership | null> {
  const m = db.t.householdMembers;
  const rows = await db.orm
    .select({ userId: m.userId, householdId: m.householdId, role: m.role, profileId: m.profileId })
    .from(m)
    .where(eq(m.userId, userId));
  return rows[0] ?? null;
}

export async function householdExists(db: Db, id: number): Promise<boolean> {
  const { households } = db.t;
  const rows = await db.orm
    .select({ id: households.id })
    .from(households)
    .where(eq(households.id, id));
  return rows.length > 0;
}

export async function countHouseholds(db: Db): Promise<number> {
  const rows = await db.orm
    .select({ n: sql<number>`cast(count(*) as integer)` })
    .from(db.t.households);
  return Number(rows[0]?.n ?? 0);
}

/**
 * A new household owned by `userId`. With `adopt`, every profile made before accounts existed
 * (no household) joins it, so nothing made earlier is lost.
 */
export async function createHousehold(
  db: Db,
  userId: string,
  name: string,
  now: string,
  adopt: boolean,
): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx.orm
      .insert(tx.t.households)
      .values({ name, createdAt: now })
      .returning({ id: tx.t.households.id });
    const id = rows[0]?.id;
    if (id === undefined) throw new Error('the household insert returned no row');
    await tx.orm
      .insert(tx.t.householdMembers)
      .values({ householdId: id, userId, role: 'owner', createdAt: now });
    if (adopt) {
      await tx.orm
        .update(tx.t.profiles)
        .set({ householdId: id })
        .where(isNull(tx.t.profiles.householdId));
    }
    return id;
  });
}

export async function addMember(
  db: Db,
  householdId: number,
  userId: string,
  role: Role,
  now: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.orm
      .insert(tx.t.householdMembers)
      .values({ householdId, userId, role, createdAt: now });
  });
}

/** The household a profile belongs to: null when it has none, undefined when there is no such profile. */
export async function profileHouseholdId(
  db: Db,
  profileId: number,
): Promise<number | null | undefined> {
  const { profiles } = db.t;
  const rows = await db.orm
    .select({ householdId: profiles.householdId })
    .from(profiles)
    .where(eq(profiles.id, profileId));
  return rows.length === 0 ? undefined : (rows[0]?.householdId ?? null);
}

/** The household of a plan's profile; undefined when there is no such plan. */
export async function planHouseholdId(db: Db, planId: number): Promise<number | null | undefined> {
  const { plans, profiles } = db.t;
  const rows = await db.orm
    .select({ householdId: profiles.householdId })
    .from(plans)
    .innerJoin(profiles, eq(profiles.id, plans.profileId))
    .where(eq(plans.id, planId));
  return rows.length === 0 ? undefined : (rows[0]?.householdId ?? null);
}

export async function setProfileHousehold(
  db: Db,
  profileId: number,
  householdId: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.orm.update(tx.t.profiles).set({ householdId }).where(eq(tx.t.profiles.id, profileId));
  });
}

// --- secrets -------------------------------------------------------------------------------

/** The stored value of `name`, made by `make` and kept the first time it is asked for. */
export async function keptSecret(
  db: Db,
  name: string,
  make: () => string,
  now: string,
): Promise<string> {
  const { appSecrets } = db.t;
  const read = async () =>
    (
      await db.orm
        .select({ value: appSecrets.value })
        .from(appSecrets)
        .where(eq(appSecrets.name, name))
    )[0]?.value;
  const before = await read();
  if (before !== undefined) return before;
  await db.transaction(async (tx) => {
    await tx.orm
      .insert(tx.t.appSecrets)
      .values({ name, value: make(), createdAt: now })
      .onConflictDoNothing();
  });
  const after = await read();
  if (after === undefined) throw new Error(`the secret ${name} could not be kept`);
  return after;
}

// --- API tokens ----------------------------------------------------------------------------

export type TokenRow = {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

function tokenColumns(t: Db['t']['apiTokens']) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.createdAt,
    lastUsedAt: t.lastUsedAt,
    revokedAt: t.revokedAt,
  };
}

export async function insertToken(
  db: Db,
  row: { userId: string; name: string; prefix: string; tokenHash: string; createdAt: string },
): Promise<TokenRow> {
  return db.transaction(async (tx) => {
    const t = tx.t.apiTokens;
    const rows = await tx.orm.insert(t).values(row).returning(tokenColumns(t));
    const made = rows[0];
    if (!made) throw new Error('the token insert returned no row');
    return made;
  });
}

export async function listTokens(db: Db, userId: string): Promise<TokenRow[]> {
  const t = db.t.apiTokens;
  return db.orm.select(tokenColumns(t)).from(t).where(eq(t.userId, userId)).orderBy(t.id);
}

/** The live (not revoked) token with this hash. */
export async function findLiveToken(
  db: Db,
  tokenHash: string,
): Promise<{ id: number; userId: string; lastUsedAt: string | null } | null> {
  const t = db.t.apiTokens;
  const rows = await db.orm
    .select({ id: t.id, userId: t.userId, lastUsedAt: t.lastUsedAt })
    .from(t)
    .where(and(eq(t.tokenHash, tokenHash), isNull(t.revokedAt)));
  return rows[0] ?? null;
}

export async function touchToken(db: Db, id: number, now: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.orm.update(tx.t.apiTokens).set({ lastUsedAt: now }).where(eq(tx.t.apiTokens.id, id));
  });
}

/** Revokes one of the user's tokens; false when the user has no such live token. */
export async function revokeToken(
  db: Db,
  userId: string,
  id: number,
  now: string,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const t = tx.t.apiTokens;
    const rows = await tx.orm
      .update(t)
      .set({ revokedAt: now })
      .where(and(eq(t.id, id), eq(t.userId, userId), isNull(t.revokedAt)))
      .returning({ id: t.id });
    return rows.length > 0;
  });
}

// --- invites -------------------------------------------------------------------------------

export type InviteRow = {
  id: number;
  householdId: number;
  role: 'member' | 'clinician';
  email: string | null;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
};

export async function insertInvite(
  db: Db,
  row: {
    householdId: number;
    tokenHash: string;
    role: 'member' | 'clinician';
    email: string | null;
    createdBy: string;
    expiresAt: string;
    createdAt: string;
  },
): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx.orm
      .insert(tx.t.householdInvites)
      .values(row)
      .returning({ id: tx.t.householdInvites.id });
    const id = rows[0]?.id;
    if (id === undefined) throw new Error('the invite insert returned no row');
    return id;
  });
}

export async function findInviteByHash(db: Db, tokenHash: string): Promise<InviteRow | null> {
  const i = db.t.householdInvites;
  const rows = await db.orm
    .select({
      id: i.id,
      householdId: i.householdId,
      role: i.role,
      email: i.email,
      expiresAt: i.expiresAt,
      usedAt: i.usedAt,
      revokedAt: i.revokedAt,
    })
    .from(i)
    .where(eq(i.tokenHash, tokenHash));
  return rows[0] ?? null;
}

/** Marks an open invite used; false when it was used or revoked meanwhile. */
export async function claimInvite(db: Db, id: number, now: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const i = tx.t.householdInvites;
    const rows = await tx.orm
      .update(i)
      .set({ usedAt: now })
      .where(and(eq(i.id, id), isNull(i.usedAt), isNull(i.revokedAt)))
      .returning({ id: i.id });
    return rows.length > 0;
  });
}

/** Revokes an invite of the household; false when it has no such open invite. */
export async function revokeInvite(
  db: Db,
  householdId: number,
  id: number,
  now: string,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const i = tx.t.householdInvites;
    const rows = await tx.orm
      .update(i)
      .set({ revokedAt: now })
      .where(and(eq(i.id, id), eq(i.householdId, householdId), isNull(i.revokedAt)))
      .returning({ id: i.id });
    return rows.length > 0;
  });
}

/** Ends every session of the user (sign out everywhere). */
export async function deleteSessions(db: Db, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.orm.delete(tx.t.authSessions).where(eq(tx.t.authSessions.userId, userId));
  });
}

/**
 * Locks a household's row for the rest of the transaction `tx` (a no-op update), so checks that
 * count its members or owners take turns: PostgreSQL reads committed rows per statement, and a
 * second transaction waits here until the first commits. SQLite serializes writers anyway.
 */
export async function lockHousehold(tx: Db, householdId: number): Promise<void> {
  const { households } = tx.t;
  await tx.orm
    .update(households)
    .set({ name: sql`${households.name}` })
    .where(eq(households.id, householdId));
}
