import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, dbConfigFromEnv, openDb } from '@/db/client';
import { apiOperations, errorBodySchema, type Operation } from '@/lib/openapi/document';
import { householdMemberSchema, householdMembersSchema } from '@/lib/validation/households';
import {
  type Call,
  callOperation,
  type Fixture,
  goodCall,
  makeFixture,
  opName,
  PROFILE_BODY,
} from '../support/api-routes';
import { useFreshDatabase } from '../support/db';
import { makeAccount } from '../support/households';
import { ROOMY_LIMITS } from '../support/profiles';
import { TEST_OWNER } from '../support/test-owner';

/**
 * Households of people: the first profile a user makes is their own; a `member` sees only their
 * own profile (every /api/profiles/{id} route of another's answers 404, generated from the
 * OpenAPI document) but the household's plans and lists; who is in the household; ownership
 * handover and removal.
 */
let fixture: Fixture;
let db: Db;
let member: { userId: string; token: string; profileId: number };
let clinician: { userId: string; token: string };
let other: { userId: string; householdId: number; token: string };

const MEMBER_PROFILE = { name: 'Robin Member', allergens: ['egg'], ...ROOMY_LIMITS };
/** makeAccount's password (tests/support/households.ts). */
const THEIR_PASSWORD = 'another-password-1';

const op = (method: Operation['method'], path: string): Operation => {
  const found = apiOperations().find((o) => o.method === method && o.path === path);
  if (!found) throw new Error(`no ${method} ${path}`);
  return found;
};
const call = (method: Operation['method'], path: string, c: Call) =>
  callOperation(op(method, path), c);
const household = () => ({ id: String(fixture.householdId) });
const membersOf = async (token?: string) => {
  const res = await call('get', '/api/households/{id}/members', { params: household(), token });
  expect(res.status).toBe(200);
  return householdMembersSchema.parse(await res.json()).members;
};
const setRole = (userId: string, role: string, token?: string) =>
  call('patch', '/api/households/{id}/members/{userId}', {
    params: { ...household(), userId },
    body: { role },
    token,
  });
const remove = (userId: string, token?: string) =>
  call('delete', '/api/households/{id}/members/{userId}', {
    params: { ...household(), userId },
    token,
  });
async function codeOf(response: Response): Promise<string> {
  return errorBodySchema.parse(await response.json()).error.code;
}
async function profileCount(): Promise<number> {
  const rows = await db.orm
    .select({ n: sql<number>`cast(count(*) as integer)` })
    .from(db.t.profiles)
    .where(eq(db.t.profiles.householdId, fixture.householdId));
  return Number(rows[0]?.n ?? 0);
}

beforeAll(async () => {
  await useFreshDatabase();
  fixture = await makeFixture();
  db = openDb(dbConfigFromEnv());
  const m = await makeAccount(db, 'robin@villi.test', {
    householdId: fixture.householdId,
    role: 'member',
  });
  const made = await call('post', '/api/profiles', {
    params: {},
    body: MEMBER_PROFILE,
    token: m.token,
  });
  expect(made.status).toBe(201);
  member = { ...m, profileId: ((await made.json()) as { id: number }).id };
  clinician = await makeAccount(db, 'clin@villi.test', {
    householdId: fixture.householdId,
    role: 'clinician',
  });
  other = await makeAccount(db, 'elsewhere@villi.test');
}, 180_000);

afterAll(async () => {
  await db?.close();
});

describe('a member is their own profile', () => {
  it("the first profile a member makes is theirs, and the owner's first is the owner's", async () => {
    const members = await membersOf();
    const robin = members.find((m) => m.userId === member.userId);
    expect(robin).toMatchObject({
      role: 'member',
      profileId: member.profileId,
      profileName: MEMBER_PROFILE.name,
      email: 'robin@villi.test',
    });
    const owner = members.find((m) => m.email === TEST_OWNER.email);
    expect(owner).toMatchObject({ role: 'owner', profileId: fixture.profileId });
    expect(owner?.profileName).toBe(PROFILE_BODY.name);
  });

  it('a member who has their own profile gets 403 on making another, and nothing is saved', async () => {
    const before = await profileCount();
    const res = await call('post', '/api/profiles', {
      params: {},
      body: { name: 'A second me' },
      token: member.token,
    });
    expect(res.status).toBe(403);
    const body = errorBodySchema.parse(await res.json());
    expect(body.error.code).toBe('forbidden');
    expect(body.error.message).toBe('A member manages only their own profile.');
    expect(await profileCount()).toBe(before);
  });

  it('an owner makes more profiles (a child), which stay nobody’s own', async () => {
    const before = await profileCount();
    const res = await call('post', '/api/profiles', { params: {}, body: { name: 'Little one' } });
    expect(res.status).toBe(201);
    expect(await profileCount()).toBe(before + 1);
    const owner = (await membersOf()).find((m) => m.email === TEST_OWNER.email);
    expect(owner?.profileId).toBe(fixture.profileId);
  });

  it('a member lists only their own profile; the owner lists the whole household', async () => {
    const list = async (token?: string) => {
      const res = await call('get', '/api/profiles', { params: {}, token });
      return ((await res.json()) as { items: { id: number }[] }).items.map((p) => p.id);
    };
    expect(await list(member.token)).toEqual([member.profileId]);
    const all = await list();
    expect(all).toContain(member.profileId);
    expect(all).toContain(fixture.profileId);
  });

  it("a member's data download holds their own profile only", async () => {
    const res = await call('get', '/api/account/export', { params: {}, token: member.token });
    expect(res.status).toBe(200);
    const data = (await res.json()) as { profiles: { profile: { id: number } }[] };
    expect(data.profiles.map((p) => p.profile.id)).toEqual([member.profileId]);
  });

  it('a member reads and changes their own profile', async () => {
    const params = { id: String(member.profileId) };
    const read = await call('get', '/api/profiles/{id}', { params, token: member.token });
    expect(read.status).toBe(200);
    const patched = await call('patch', '/api/profiles/{id}', {
      params,
      body: { name: 'Robin' },
      token: member.token,
    });
    expect(patched.status).toBe(200);
    expect((await membersOf()).find((m) => m.userId === member.userId)?.profileName).toBe('Robin');
  });
});

const profileRoutes = apiOperations().filter((o) => o.path.startsWith('/api/profiles/{id}'));

describe("a member on another member's profile: 404 like an unknown id", () => {
  it('covers every /api/profiles/{id} route', () => {
    expect(profileRoutes.length).toBeGreaterThanOrEqual(12);
  });

  it.each(profileRoutes.map((o) => [opName(o), o] as const))('%s: 404', async (_name, o) => {
    const res = await callOperation(o, { ...goodCall(o, fixture), token: member.token });
    expect(res.status).toBe(404);
    const text = await res.text();
    expect(errorBodySchema.parse(JSON.parse(text)).error.code).toBe('not_found');
    expect(text).not.toContain(PROFILE_BODY.name);
  });

  it("left the owner's profiles as they were (nothing deleted or renamed)", async () => {
    const res = await call('get', '/api/profiles/{id}', {
      params: { id: String(fixture.spareProfileId) },
    });
    expect(res.status).toBe(200);
    const mine = await call('get', '/api/profiles/{id}', {
      params: { id: String(fixture.profileId) },
    });
    expect(((await mine.json()) as { name: string }).name).toBe(PROFILE_BODY.name);
  });

  it("refuses a plan of one for another member's profile with 404", async () => {
    const res = await call('post', '/api/plans', {
      params: {},
      body: { profileId: fixture.profileId, weekStart: '2027-02-01', seed: 2 },
      token: member.token,
    });
    expect(res.status).toBe(404);
  });
});

describe("a member and the household's plans and lists", () => {
  it('reads the plan, locks a meal and checks a shopping item', async () => {
    const plan = { id: String(fixture.planId) };
    expect(
      (await call('get', '/api/plans/{id}', { params: plan, token: member.token })).status,
    ).toBe(200);
    const lock = await call('patch', '/api/plans/{id}/meals/{mealId}', {
      params: { ...plan, mealId: fixture.mealId },
      body: { locked: true },
      token: member.token,
    });
    expect(lock.status).toBe(200);
    const check = await call('patch', '/api/plans/{id}/shopping-list/items/{ndb}', {
      params: { ...plan, ndb: fixture.shoppingNdb },
      body: { checked: true },
      token: member.token,
    });
    expect(check.status).toBe(200);
  });

  it('makes a shared plan with a profile they cannot read, honouring both', async () => {
    const res = await call('post', '/api/plans', {
      params: {},
      body: { memberIds: [member.profileId, fixture.profileId], weekStart: '2027-01-11', seed: 4 },
      token: member.token,
    });
    const text = await res.text();
    expect(res.status, text).toBe(201);
    const plan = JSON.parse(text) as {
      members: { profileId: number }[];
      days: { meals: { recipeSlug: string }[] }[];
    };
    expect(plan.members.map((m) => m.profileId)).toEqual([member.profileId, fixture.profileId]);
    // the owner's profile avoids fish, the member's egg: no meal carries either
    const slugs = new Set(plan.days.flatMap((d) => d.meals.map((m) => m.recipeSlug)));
    expect(slugs.size).toBeGreaterThan(3);
    for (const slug of slugs) {
      const recipe = await call('get', '/api/recipes/{slug}', { params: { slug } });
      const { allergens } = (await recipe.json()) as { allergens: { code: string }[] };
      expect(
        allergens.map((a) => a.code),
        slug,
      ).not.toContain('fish');
      expect(
        allergens.map((a) => a.code),
        slug,
      ).not.toContain('egg');
    }
  });

  it("refuses a shared plan naming another household's profile with 404", async () => {
    const theirs = await call('post', '/api/profiles', {
      params: {},
      body: { name: 'Far away' },
      token: other.token,
    });
    const theirId = ((await theirs.json()) as { id: number }).id;
    const res = await call('post', '/api/plans', {
      params: {},
      body: { memberIds: [member.profileId, theirId], weekStart: '2027-01-18', seed: 4 },
      token: member.token,
    });
    expect(res.status).toBe(404);
  });
});

describe('GET /api/households/{id}/members', () => {
  it('any member of the household reads it, without health data; a clinician does not', async () => {
    {
      const members = await membersOf(member.token);
      // the shared fixture's clinician and this file's
      expect(members.map((m) => m.role).sort()).toEqual(
        ['clinician', 'clinician', 'member', 'member', 'member', 'member', 'owner'].sort(),
      );
      for (const m of members)
        expect(Object.keys(householdMemberSchema.parse(m)).sort()).toEqual([
          'email',
          'name',
          'profileId',
          'profileName',
          'role',
          'userId',
        ]);
    }
    const text = JSON.stringify(await membersOf(member.token));
    for (const health of ['allergens', 'egg', 'targets', 'weightKg', 'protocol'])
      expect(text).not.toContain(health);
    const asClinician = await call('get', '/api/households/{id}/members', {
      params: household(),
      token: clinician.token,
    });
    expect(asClinician.status).toBe(404);
    expect(await asClinician.text()).not.toContain('@villi.test');
  });

  it('another household: 404', async () => {
    const res = await call('get', '/api/households/{id}/members', {
      params: household(),
      token: other.token,
    });
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('robin@villi.test');
  });
});

describe('ownership handover and removal', () => {
  it('a member may not change roles or remove anyone (403), a clinician neither', async () => {
    for (const token of [member.token, clinician.token]) {
      const promote = await setRole(member.userId, 'owner', token);
      expect(promote.status).toBe(403);
      expect(await codeOf(promote)).toBe('forbidden');
      expect((await remove(clinician.userId, token)).status).toBe(403);
    }
    expect((await membersOf()).find((m) => m.userId === member.userId)?.role).toBe('member');
  });

  it("another household's owner: 404, nothing changed", async () => {
    expect((await setRole(member.userId, 'owner', other.token)).status).toBe(404);
    expect((await remove(member.userId, other.token)).status).toBe(404);
    // and this household's owner cannot reach the other household's member through theirs
    const res = await setRole(other.userId, 'member');
    expect(res.status).toBe(404);
  });

  it("a clinician's role is not changed here (422); bad roles are 400", async () => {
    const res = await setRole(clinician.userId, 'owner');
    expect(res.status).toBe(422);
    expect(await codeOf(res)).toBe('clinician_role');
    expect((await setRole(member.userId, 'clinician')).status).toBe(400);
    expect((await setRole(member.userId, 'admin')).status).toBe(400);
  });

  it('the last owner cannot step down or be removed (409 last_owner)', async () => {
    const owner = (await membersOf()).find((m) => m.role === 'owner');
    if (!owner) throw new Error('the household has no owner');
    const demote = await setRole(owner.userId, 'member');
    expect(demote.status).toBe(409);
    expect(await codeOf(demote)).toBe('last_owner');
    const removing = await remove(owner.userId);
    expect(removing.status).toBe(409);
    expect(await codeOf(removing)).toBe('last_owner');
    expect((await membersOf()).find((m) => m.userId === owner.userId)?.role).toBe('owner');
  });

  it('handing over: the member becomes an owner and sees the household, then the old owner may step down', async () => {
    const promoted = await setRole(member.userId, 'owner');
    expect(promoted.status).toBe(200);
    expect(householdMemberSchema.parse(await promoted.json())).toMatchObject({
      userId: member.userId,
      role: 'owner',
      profileId: member.profileId,
    });
    const read = await call('get', '/api/profiles/{id}', {
      params: { id: String(fixture.profileId) },
      token: member.token,
    });
    expect(read.status).toBe(200);
    const owner = (await membersOf()).find((m) => m.email === TEST_OWNER.email);
    if (!owner) throw new Error('no test owner');
    const down = await setRole(owner.userId, 'member', member.token);
    expect(down.status).toBe(200);
    // now a member, the test owner sees only their own profile
    const spare = await call('get', '/api/profiles/{id}', {
      params: { id: String(fixture.spareProfileId) },
    });
    expect(spare.status).toBe(404);
    // and the household hands back
    expect((await setRole(owner.userId, 'owner', member.token)).status).toBe(200);
    expect((await setRole(member.userId, 'member')).status).toBe(200);
  });

  it('removing a member ends their sessions and tokens; their profile stays in the household', async () => {
    const leaving = await makeAccount(db, 'leaves@villi.test', {
      householdId: fixture.householdId,
      role: 'member',
    });
    const made = await call('post', '/api/profiles', {
      params: {},
      body: { name: 'Leaving person' },
      token: leaving.token,
    });
    const profileId = ((await made.json()) as { id: number }).id;
    const signedIn = await call('post', '/api/auth/sign-in', {
      params: {},
      body: { email: 'leaves@villi.test', password: THEIR_PASSWORD },
      token: null,
    });
    const cookie = signedIn.headers.getSetCookie()[0]?.split(';')[0];
    if (!cookie) throw new Error(`sign-in failed: ${signedIn.status}`);
    const asSession = () =>
      call('get', '/api/account', { params: {}, token: null, headers: { cookie } });
    expect((await asSession()).status).toBe(200);

    expect((await remove(leaving.userId)).status).toBe(204);
    const byToken = await call('get', '/api/account', { params: {}, token: leaving.token });
    expect(byToken.status).toBe(401);
    expect((await asSession()).status).toBe(401);
    expect((await membersOf()).map((m) => m.userId)).not.toContain(leaving.userId);
    const kept = await call('get', '/api/profiles/{id}', { params: { id: String(profileId) } });
    expect(kept.status).toBe(200);
    expect((await remove(leaving.userId)).status).toBe(404);
  });

  it('a removed member comes back by an invite with their own password', async () => {
    const back = await makeAccount(db, 'back@villi.test', {
      householdId: fixture.householdId,
      role: 'member',
    });
    expect((await remove(back.userId)).status).toBe(204);
    const invite = async () => {
      const res = await call('post', '/api/households/{id}/invites', {
        params: household(),
        body: { role: 'member' },
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { token: string }).token;
    };
    const signUp = (email: string, password: string, token: string) =>
      call('post', '/api/auth/sign-up', {
        params: {},
        body: { email, password, invite: token },
        token: null,
      });
    const token = await invite();
    // a wrong password reads as "address taken", and the invite stays unused
    const wrong = await signUp('back@villi.test', 'not-their-password-1', token);
    expect(wrong.status).toBe(409);
    expect(await codeOf(wrong)).toBe('email_taken');
    const joined = await signUp('back@villi.test', THEIR_PASSWORD, token);
    expect(joined.status).toBe(201);
    expect(await joined.json()).toEqual({ userId: back.userId, householdId: fixture.householdId });
    const cookie = joined.headers.getSetCookie()[0]?.split(';')[0];
    if (!cookie) throw new Error('no session cookie');
    const me = await call('get', '/api/account', { params: {}, token: null, headers: { cookie } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ householdId: fixture.householdId, role: 'member' });
    // the invite served once; an account that has a household is not taken over by an invite
    expect((await signUp('back@villi.test', THEIR_PASSWORD, token)).status).toBe(403);
    const taken = await signUp(TEST_OWNER.email, TEST_OWNER.password, await invite());
    expect(taken.status).toBe(409);
    expect(await codeOf(taken)).toBe('email_taken');
  });

  it('an owner removes a clinician', async () => {
    const c = await makeAccount(db, 'clin2@villi.test', {
      householdId: fixture.householdId,
      role: 'clinician',
    });
    expect((await remove(c.userId)).status).toBe(204);
    expect((await call('get', '/api/profiles', { params: {}, token: c.token })).status).toBe(401);
  });
});

describe('deleting an own profile', () => {
  it('frees the membership: the member has no profile, then may make a new one', async () => {
    const m = await makeAccount(db, 'redo@villi.test', {
      householdId: fixture.householdId,
      role: 'member',
    });
    const first = await call('post', '/api/profiles', {
      params: {},
      body: { name: 'First go' },
      token: m.token,
    });
    const firstId = ((await first.json()) as { id: number }).id;
    const gone = await call('delete', '/api/profiles/{id}', {
      params: { id: String(firstId) },
      token: m.token,
    });
    expect(gone.status).toBe(204);
    expect((await membersOf()).find((x) => x.userId === m.userId)).toMatchObject({
      profileId: null,
      profileName: null,
    });
    const list = await call('get', '/api/profiles', { params: {}, token: m.token });
    expect(((await list.json()) as { items: unknown[] }).items).toEqual([]);
    const again = await call('post', '/api/profiles', {
      params: {},
      body: { name: 'Second go' },
      token: m.token,
    });
    expect(again.status).toBe(201);
    const againId = ((await again.json()) as { id: number }).id;
    expect((await membersOf()).find((x) => x.userId === m.userId)?.profileId).toBe(againId);
  });
});
