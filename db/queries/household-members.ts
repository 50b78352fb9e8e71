import { and, asc, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { lockHousehold, type Role } from './accounts';

/** Who is in a household, without health data: the account, its role and its own profile's name. */
export type HouseholdMember = {
  userId: string;
  name: string;
  email: string;
  role: Role;
  profileId: number | null;
  profileName: string | null;
};

/** The household's members, oldest first (tie-break by user id). */
export async function listHouseholdMembers(
  db: Db,
  householdId: number,
): Promise<HouseholdMember[]> {
  const { householdMembers: m, users, profiles } = db.t;
  return db.orm
    .select({
      userId: m.userId,
      name: users.name,
      email: users.email,
      role: m.role,
      profileId: m.profileId,
      profileName: profiles.name,
    })
    .from(m)
    .innerJoin(users, eq(users.id, m.userId))
    .leftJoin(profiles, eq(profiles.id, m.profileId))
    .where(eq(m.householdId, householdId))
    .orderBy(asc(m.createdAt), asc(m.userId));
}

/** The household's profiles by name only (what a shared plan may name), newest first like listProfiles. */
export async function listProfileNames(
  db: Db,
  householdId: number,
): Promise<{ id: number; name: string }[]> {
  const { profiles } = db.t;
  return db.orm
    .select({ id: profiles.id, name: profiles.name })
    .from(profiles)
    .where(eq(profiles.householdId, householdId))
    .orderBy(desc(profiles.updatedAt), desc(profiles.id));
}

/**
 * Makes `profileId` the user's own profile when they have none yet; false when they already
 * have one (the conditional update keeps two concurrent creations from both claiming).
 */
export async function claimOwnProfile(db: Db, userId: string, profileId: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    const m = tx.t.householdMembers;
    const rows = await tx.orm
      .update(m)
      .set({ profileId })
      .where(and(eq(m.userId, userId), isNull(m.profileId)))
      .returning({ userId: m.userId });
    return rows.length > 0;
  });
}

/** A deleted profile is nobody's own any more (the member may then make a new one). */
export async function releaseOwnProfile(db: Db, profileId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const m = tx.t.householdMembers;
    await tx.orm.update(m).set({ profileId: null }).where(eq(m.profileId, profileId));
  });
}

export type MemberChange = 'done' | 'not_found' | 'clinician' | 'last_owner';

/**
 * The target's role and how many other owners the household has, read inside `tx` after locking
 * the household row: two owners demoting or removing each other at once (or one deleting their
 * account) then take turns, and the second sees the first's change, so an owner always remains
 * (PostgreSQL reads committed rows per statement; SQLite serializes writers anyway).
 */
async function standing(tx: Db, householdId: number, userId: string) {
  await lockHousehold(tx, householdId);
  const m = tx.t.householdMembers;
  const rows = await tx.orm
    .select({ role: m.role })
    .from(m)
    .where(and(eq(m.householdId, householdId), eq(m.userId, userId)));
  const role = rows[0]?.role;
  if (role === undefined) return null;
  const others = await tx.orm
    .select({ n: sql<number>`cast(count(*) as integer)` })
    .from(m)
    .where(and(eq(m.householdId, householdId), eq(m.role, 'owner'), ne(m.userId, userId)));
  return { role, otherOwners: Number(others[0]?.n ?? 0) };
}

/**
 * Makes a member an owner or an owner a member, in one transaction: a household keeps at least
 * one owner ('last_owner'), and a clinician's role is not changed here ('clinician').
 */
export async function setMemberRole(
  db: Db,
  householdId: number,
  userId: string,
  role: 'owner' | 'member',
): Promise<MemberChange> {
  return db.transaction(async (tx) => {
    const now = await standing(tx, householdId, userId);
    if (!now) return 'not_found';
    if (now.role === 'clinician') return 'clinician';
    if (now.role === 'owner' && role === 'member' && now.otherOwners === 0) return 'last_owner';
    const m = tx.t.householdMembers;
    await tx.orm.update(m).set({ role }).where(eq(m.userId, userId));
    return 'done';
  });
}

/**
 * Takes a user out of the household: their membership, every session and every API token go,
 * so nothing they hold still opens the household; their account and their profile stay (the
 * profile is the household's). The last owner is never removed ('last_owner').
 */
export async function removeMember(
  db: Db,
  householdId: number,
  userId: string,
): Promise<MemberChange> {
  return db.transaction(async (tx) => {
    const now = await standing(tx, householdId, userId);
    if (!now) return 'not_found';
    if (now.role === 'owner' && now.otherOwners === 0) return 'last_owner';
    await tx.orm.delete(tx.t.authSessions).where(eq(tx.t.authSessions.userId, userId));
    await tx.orm.delete(tx.t.apiTokens).where(eq(tx.t.apiTokens.userId, userId));
    await tx.orm.delete(tx.t.householdMembers).where(eq(tx.t.householdMembers.userId, userId));
    return 'done';
  });
}
