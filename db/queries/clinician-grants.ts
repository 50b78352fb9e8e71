import { and, desc, eq, gt, inArray, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../client';

/** A clinician grant as stored (never its token hash). */
export type GrantRow = {
  id: number;
  profileId: number;
  householdId: number;
  email: string | null;
  clinicianUserId: string | null;
  linkExpiresAt: string;
  accessExpiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
};

function grantColumns(g: Db['t']['clinicianGrants']) {
  return {
    id: g.id,
    profileId: g.profileId,
    householdId: g.householdId,
    email: g.email,
    clinicianUserId: g.clinicianUserId,
    linkExpiresAt: g.linkExpiresAt,
    accessExpiresAt: g.accessExpiresAt,
    acceptedAt: g.acceptedAt,
    revokedAt: g.revokedAt,
    createdAt: g.createdAt,
  };
}

export async function insertGrant(
  db: Db,
  row: {
    profileId: number;
    householdId: number;
    tokenHash: string;
    email: string | null;
    createdBy: string;
    linkExpiresAt: string;
    accessExpiresAt: string;
    createdAt: string;
  },
): Promise<number> {
  return db.transaction(async (tx) => {
    const g = tx.t.clinicianGrants;
    const rows = await tx.orm.insert(g).values(row).returning({ id: g.id });
    const id = rows[0]?.id;
    if (id === undefined) throw new Error('the grant insert returned no row');
    return id;
  });
}

export async function findGrantByHash(db: Db, tokenHash: string): Promise<GrantRow | null> {
  const g = db.t.clinicianGrants;
  const rows = await db.orm.select(grantColumns(g)).from(g).where(eq(g.tokenHash, tokenHash));
  return rows[0] ?? null;
}

/**
 * Gives the grant to the clinician: only while it is unaccepted, unrevoked and its link has not
 * expired, so two people cannot both accept one link. False when it was taken meanwhile.
 */
export async function acceptGrant(
  db: Db,
  id: number,
  clinicianUserId: string,
  now: string,
): Promise<boolean> {
  return updateGrant(db, { clinicianUserId, acceptedAt: now }, (g) =>
    and(eq(g.id, id), isNull(g.acceptedAt), isNull(g.revokedAt), gt(g.linkExpiresAt, now)),
  );
}

/** One guarded update of a grant, in a transaction; false when no row matched. */
async function updateGrant(
  db: Db,
  set: { clinicianUserId?: string; acceptedAt?: string; revokedAt?: string },
  where: (g: Db['t']['clinicianGrants']) => SQL | undefined,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const g = tx.t.clinicianGrants;
    const rows = await tx.orm.update(g).set(set).where(where(g)).returning({ id: g.id });
    return rows.length > 0;
  });
}

export type GrantListRow = GrantRow & {
  clinician: { name: string; email: string } | null;
};

/** The profile's grants with the clinician who accepted each, newest first. */
export async function listGrants(db: Db, profileId: number): Promise<GrantListRow[]> {
  const g = db.t.clinicianGrants;
  const { users } = db.t;
  const rows = await db.orm
    .select({ ...grantColumns(g), name: users.name, userEmail: users.email })
    .from(g)
    .leftJoin(users, eq(users.id, g.clinicianUserId))
    .where(eq(g.profileId, profileId))
    .orderBy(desc(g.createdAt), desc(g.id));
  return rows.map(({ name, userEmail, ...grant }) => ({
    ...grant,
    clinician: name !== null && userEmail !== null ? { name, email: userEmail } : null,
  }));
}

/** Revokes a grant of the profile (its link and the access given through it); false when none is open. */
export async function revokeGrant(
  db: Db,
  profileId: number,
  id: number,
  now: string,
): Promise<boolean> {
  return updateGrant(db, { revokedAt: now }, (g) =>
    and(eq(g.id, id), eq(g.profileId, profileId), isNull(g.revokedAt)),
  );
}

/** The profiles the clinician may read at `now`: accepted, unrevoked, unexpired grants. */
export async function grantedProfileIds(
  db: Db,
  clinicianUserId: string,
  now: string,
  among?: readonly number[],
): Promise<number[]> {
  if (among !== undefined && among.length === 0) return [];
  const g = db.t.clinicianGrants;
  const rows = await db.orm
    .selectDistinct({ profileId: g.profileId })
    .from(g)
    .where(
      and(
        eq(g.clinicianUserId, clinicianUserId),
        isNotNull(g.acceptedAt),
        isNull(g.revokedAt),
        gt(g.accessExpiresAt, now),
        among === undefined ? undefined : inArray(g.profileId, [...among]),
      ),
    )
    .orderBy(g.profileId);
  return rows.map((r) => r.profileId);
}

/** Every profile of a plan: its own and, for a shared plan, each member's. */
export async function planProfileIds(db: Db, planId: number): Promise<number[]> {
  const { plans, planMembers } = db.t;
  const own = await db.orm
    .select({ profileId: plans.profileId })
    .from(plans)
    .where(eq(plans.id, planId));
  const shared = await db.orm
    .select({ profileId: planMembers.profileId })
    .from(planMembers)
    .where(eq(planMembers.planId, planId));
  return [...new Set([...own, ...shared].map((r) => r.profileId))].sort((a, b) => a - b);
}

export type AccessLogInput = {
  profileId: number;
  clinicianUserId: string;
  what: string;
  planId: number | null;
  at: string;
};

export async function insertAccessLog(db: Db, entries: readonly AccessLogInput[]): Promise<void> {
  if (entries.length === 0) return;
  await db.transaction(async (tx) => {
    const { users } = tx.t;
    const ids = [...new Set(entries.map((e) => e.clinicianUserId))];
    const who = new Map(
      (
        await tx.orm
          .select({ id: users.id, name: users.name, email: users.email })
          .from(users)
          .where(inArray(users.id, ids))
      ).map((u) => [u.id, u]),
    );
    await tx.orm.insert(tx.t.clinicianAccessLog).values(
      entries.map((e) => ({
        ...e,
        clinicianName: who.get(e.clinicianUserId)?.name ?? null,
        clinicianEmail: who.get(e.clinicianUserId)?.email ?? null,
      })),
    );
  });
}

export type AccessLogRow = {
  at: string;
  what: string;
  planId: number | null;
  clinician: { name: string; email: string } | null;
};

/** The profile's access log, newest first, at most `limit` entries. */
export async function listAccessLog(
  db: Db,
  profileId: number,
  limit: number,
): Promise<AccessLogRow[]> {
  const l = db.t.clinicianAccessLog;
  const { users } = db.t;
  const rows = await db.orm
    .select({
      at: l.at,
      what: l.what,
      planId: l.planId,
      name: users.name,
      email: users.email,
      savedName: l.clinicianName,
      savedEmail: l.clinicianEmail,
    })
    .from(l)
    .leftJoin(users, eq(users.id, l.clinicianUserId))
    .where(eq(l.profileId, profileId))
    .orderBy(desc(l.at), desc(l.id))
    .limit(limit);
  // as they were named when they read; the account's current name for rows older than that
  return rows.map(({ name, email, savedName, savedEmail, ...entry }) => {
    const n = savedName ?? name;
    const e = savedEmail ?? email;
    return { ...entry, clinician: n !== null && e !== null ? { name: n, email: e } : null };
  });
}
