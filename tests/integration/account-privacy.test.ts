import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, dbConfigFromEnv, openDb } from '@/db/client';
import { deleteAccountRows } from '@/db/queries/account-privacy';
import { apiOperations, errorBodySchema, type Operation } from '@/lib/openapi/document';
import { accountExportSchema } from '@/lib/validation/account-privacy';
import {
  callOperation,
  type Fixture,
  JOURNAL_BODY,
  makeFixture,
  PROFILE_BODY,
} from '../support/api-routes';
import { authHeaders, useFreshDatabase } from '../support/db';
import { makeAccount } from '../support/households';
import { TEST_OWNER } from '../support/test-owner';

/** makeAccount's password (tests/support/households.ts). */
const THEIR_PASSWORD = 'another-password-1';
const OTHER_PROFILE = 'Elsewhere Household Person';

let fixture: Fixture;
let db: Db;

const op = (method: Operation['method'], path: string): Operation => {
  const found = apiOperations().find((o) => o.method === method && o.path === path);
  if (!found) throw new Error(`no ${method} ${path}`);
  return found;
};
const exportAs = (token?: string) =>
  callOperation(op('get', '/api/account/export'), { params: {}, token });
const deleteAs = (token: string, password: string) =>
  callOperation(op('delete', '/api/account'), { params: {}, body: { password }, token });
const whoAmI = (token: string) => callOperation(op('get', '/api/account'), { params: {}, token });

async function count(
  table:
    | 'users'
    | 'households'
    | 'authSessions'
    | 'apiTokens'
    | 'householdMembers'
    | 'authAccounts',
  where?: ReturnType<typeof eq>,
): Promise<number> {
  const rows = await db.orm
    .select({ n: sql<number>`cast(count(*) as integer)` })
    .from(db.t[table])
    .where(where);
  return Number(rows[0]?.n ?? 0);
}

/** How many profiles, plans and journal entries a household holds. */
async function householdRows(householdId: number) {
  const { profiles, plans, journalEntries } = db.t;
  const ids = (
    await db.orm
      .select({ id: profiles.id })
      .from(profiles)
      .where(eq(profiles.householdId, householdId))
  ).map((r) => r.id);
  const n = async (q: Promise<{ n: number }[]>) => Number((await q)[0]?.n ?? 0);
  const c = sql<number>`cast(count(*) as integer)`;
  return {
    profiles: ids.length,
    plans:
      ids.length === 0
        ? 0
        : await n(db.orm.select({ n: c }).from(plans).where(inArray(plans.profileId, ids))),
    journal:
      ids.length === 0
        ? 0
        : await n(
            db.orm
              .select({ n: c })
              .from(journalEntries)
              .where(inArray(journalEntries.profileId, ids)),
          ),
  };
}

async function userRows(userId: string) {
  const t = db.t;
  return {
    users: await count('users', eq(t.users.id, userId)),
    sessions: await count('authSessions', eq(t.authSessions.userId, userId)),
    tokens: await count('apiTokens', eq(t.apiTokens.userId, userId)),
    members: await count('householdMembers', eq(t.householdMembers.userId, userId)),
    signIns: await count('authAccounts', eq(t.authAccounts.userId, userId)),
  };
}

/** The profile view's schema leaves its body fields untyped. */
const nameOf = (profile: object) => ('name' in profile ? profile.name : undefined);

/** Every key of a JSON value, at any depth. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
  return [];
}

beforeAll(async () => {
  await useFreshDatabase();
  fixture = await makeFixture();
  db = openDb(dbConfigFromEnv());
}, 180_000);

afterAll(async () => {
  await db?.close();
});

describe('GET /api/account/export', () => {
  it("holds the member's account, household, profiles with journals, reintroductions and plans, and tokens", async () => {
    const response = await exportAs();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="villi-account-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const data = accountExportSchema.parse(await response.json());
    expect(data.format).toBe('villi-account');
    expect(data.user.email).toBe(TEST_OWNER.email);
    expect(data.household).toMatchObject({ id: fixture.householdId, role: 'owner' });
    const mine = data.profiles.find((p) => p.profile.id === fixture.profileId);
    expect(mine && nameOf(mine.profile)).toBe(PROFILE_BODY.name);
    expect(mine?.plans.map((p) => p.id)).toContain(fixture.planId);
    expect(mine?.journal.map((e) => e.date)).toContain(fixture.journalDate);
    const reintro = data.profiles.find((p) => p.profile.id === fixture.reintroProfileId);
    expect(reintro?.reintroduction).not.toBeNull();
    expect(data.profiles.find((p) => p.profile.id === fixture.spareProfileId)?.plans).toEqual([]);
    expect(data.tokens.map((t) => t.id)).toContain(fixture.spareTokenId);
  });

  it('holds no password hash, session token, token hash or API token', async () => {
    const text = await (await exportAs()).text();
    const keys = keysOf(JSON.parse(text));
    for (const secret of ['password', 'tokenHash', 'token', 'accessToken', 'idToken'])
      expect(keys).not.toContain(secret);
    const owner = (
      await db.orm
        .select({ id: db.t.users.id })
        .from(db.t.users)
        .where(eq(db.t.users.email, TEST_OWNER.email))
    )[0];
    if (!owner) throw new Error('no test owner');
    const hashes = await db.orm
      .select({ password: db.t.authAccounts.password })
      .from(db.t.authAccounts)
      .where(and(eq(db.t.authAccounts.userId, owner.id)));
    const sessions = await db.orm
      .select({ token: db.t.authSessions.token })
      .from(db.t.authSessions)
      .where(eq(db.t.authSessions.userId, owner.id));
    const tokenHashes = await db.orm
      .select({ hash: db.t.apiTokens.tokenHash })
      .from(db.t.apiTokens)
      .where(eq(db.t.apiTokens.userId, owner.id));
    expect(hashes.length).toBeGreaterThan(0);
    expect(sessions.length).toBeGreaterThan(0);
    expect(tokenHashes.length).toBeGreaterThan(1);
    for (const secret of [
      ...hashes.map((h) => h.password ?? ''),
      ...sessions.map((s) => s.token),
      ...tokenHashes.map((t) => t.hash),
      (authHeaders().authorization ?? '').replace(/^Bearer /, ''),
    ]) {
      expect(secret.length).toBeGreaterThan(10);
      expect(text).not.toContain(secret);
    }
    // nothing that looks like a SHA-256 or a scrypt hash ("salt:key" in hex)
    expect(text).not.toMatch(/[0-9a-f]{64}/i);
  });

  it('holds nothing of another household, and theirs nothing of this one', async () => {
    const other = await makeAccount(db, 'export-other@villi.test');
    const made = await callOperation(op('post', '/api/profiles'), {
      params: {},
      body: { name: OTHER_PROFILE, protocol: 'low-fodmap' },
      token: other.token,
    });
    expect(made.status).toBe(201);
    const ours = await (await exportAs()).text();
    expect(ours).not.toContain(OTHER_PROFILE);
    expect(ours).not.toContain('export-other@villi.test');
    const theirs = accountExportSchema.parse(await (await exportAs(other.token)).json());
    expect(theirs.profiles.map((p) => nameOf(p.profile))).toEqual([OTHER_PROFILE]);
    expect(JSON.stringify(theirs)).not.toContain(PROFILE_BODY.name);
  });
});

describe('DELETE /api/account', () => {
  it('with a wrong password deletes nothing', async () => {
    const member = await makeAccount(db, 'wrong-password@villi.test', {
      householdId: fixture.householdId,
      role: 'member',
    });
    const before = await userRows(member.userId);
    const response = await deleteAs(member.token, 'not-the-password');
    expect(response.status).toBe(403);
    const body = errorBodySchema.parse(await response.json());
    expect(body.error.message).toMatch(/password/);
    expect(await userRows(member.userId)).toEqual(before);
    expect((await whoAmI(member.token)).status).toBe(200);
  });

  it('of a member leaves the household, its profiles and plans whole and the owner signed in', async () => {
    const member = await makeAccount(db, 'member-leaves@villi.test', {
      householdId: fixture.householdId,
      role: 'member',
    });
    const households = await count('households');
    const before = await householdRows(fixture.householdId);
    expect(before.plans).toBeGreaterThan(0);
    expect(before.journal).toBeGreaterThan(0);
    const response = await deleteAs(member.token, THEIR_PASSWORD);
    expect(response.status).toBe(204);
    expect(response.headers.getSetCookie().join('\n')).toMatch(/session_token=;.*Max-Age=0/);
    expect(await userRows(member.userId)).toEqual({
      users: 0,
      sessions: 0,
      tokens: 0,
      members: 0,
      signIns: 0,
    });
    expect(await householdRows(fixture.householdId)).toEqual(before);
    expect(await count('households')).toBe(households);
    expect((await whoAmI(member.token)).status).toBe(401);
    expect((await whoAmI(authHeaders().authorization?.replace(/^Bearer /, '') ?? '')).status).toBe(
      200,
    );
    const bySession = await callOperation(op('get', '/api/account'), {
      params: {},
      token: null,
      headers: { cookie: fixture.sessionCookie },
    });
    expect(bySession.status).toBe(200);
  });

  it('of the last owner while others remain is 409 last_owner and deletes nothing', async () => {
    await makeAccount(db, 'stays@villi.test', { householdId: fixture.householdId, role: 'member' });
    const owner = (
      await db.orm
        .select({ id: db.t.users.id })
        .from(db.t.users)
        .where(eq(db.t.users.email, TEST_OWNER.email))
    )[0];
    if (!owner) throw new Error('no test owner');
    const before = {
      user: await userRows(owner.id),
      house: await householdRows(fixture.householdId),
    };
    const response = await callOperation(op('delete', '/api/account'), {
      params: {},
      body: { password: TEST_OWNER.password },
    });
    expect(response.status).toBe(409);
    const body = errorBodySchema.parse(await response.json());
    expect(body.error.code).toBe('last_owner');
    expect(body.error.message).toMatch(/owner/);
    expect({
      user: await userRows(owner.id),
      house: await householdRows(fixture.householdId),
    }).toEqual(before);
  });

  it("of the household's last member removes the household with its profiles, plans and journal", async () => {
    const alone = await makeAccount(db, 'alone@villi.test');
    const profile = await callOperation(op('post', '/api/profiles'), {
      params: {},
      body: { ...PROFILE_BODY, name: 'Alone' },
      token: alone.token,
    });
    expect(profile.status).toBe(201);
    const profileId = ((await profile.json()) as { id: number }).id;
    const plan = await callOperation(op('post', '/api/plans'), {
      params: {},
      body: { profileId, weekStart: fixture.weekStart, seed: 2 },
      token: alone.token,
    });
    expect(plan.status).toBe(201);
    const entry = await callOperation(op('post', '/api/profiles/{id}/journal'), {
      params: { id: String(profileId) },
      body: JOURNAL_BODY(fixture.journalDate),
      token: alone.token,
    });
    expect(entry.status).toBe(201);
    expect(await householdRows(alone.householdId)).toEqual({ profiles: 1, plans: 1, journal: 1 });
    const households = await count('households');
    const ours = await householdRows(fixture.householdId);

    const response = await deleteAs(alone.token, THEIR_PASSWORD);
    expect(response.status).toBe(204);
    expect(await householdRows(alone.householdId)).toEqual({ profiles: 0, plans: 0, journal: 0 });
    expect(await count('households', eq(db.t.households.id, alone.householdId))).toBe(0);
    expect(await count('households')).toBe(households - 1);
    expect(await userRows(alone.userId)).toEqual({
      users: 0,
      sessions: 0,
      tokens: 0,
      members: 0,
      signIns: 0,
    });
    expect(await householdRows(fixture.householdId)).toEqual(ours);
    expect((await whoAmI(alone.token)).status).toBe(401);
    expect((await exportAs(alone.token)).status).toBe(401);
  });
});

describe('two last members deleting their accounts at the same moment', () => {
  it('leave no empty household behind', async () => {
    for (const round of [1, 2, 3]) {
      const a = await makeAccount(db, `race-a-${round}@example.com`);
      const b = await makeAccount(db, `race-b-${round}@example.com`, {
        householdId: a.householdId,
        role: 'owner',
      });
      // On PostgreSQL two handles, as two app instances with their own connections. SQLite's
      // one process serializes writes with a mutex (a second in-process handle would block the
      // thread holding the lock), so there the two deletes race on one handle.
      const other = db.engine === 'postgres' ? openDb(dbConfigFromEnv()) : db;
      try {
        const outcomes = await Promise.all([
          deleteAccountRows(db, a.userId),
          deleteAccountRows(other, b.userId),
        ]);
        expect(outcomes.sort()).toEqual(['deleted', 'deleted_with_household']);
      } finally {
        if (other !== db) await other.close();
      }
      expect(await count('households', eq(db.t.households.id, a.householdId))).toBe(0);
    }
  });
});
