import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { eq, isNull } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { authFor } from '@/app/_server/auth/auth';
import { POST as changePassword } from '@/app/api/account/password/route';
import { GET as account } from '@/app/api/account/route';
import { DELETE as signOutEverywhere } from '@/app/api/account/sessions/route';
import { DELETE as revokeToken } from '@/app/api/account/tokens/[id]/route';
import { POST as createToken } from '@/app/api/account/tokens/route';
import { POST as signIn } from '@/app/api/auth/sign-in/route';
import { POST as signUpRoute } from '@/app/api/auth/sign-up/route';
import { DELETE as revokeInvite } from '@/app/api/households/[id]/invites/[inviteId]/route';
import { POST as invite } from '@/app/api/households/[id]/invites/route';
import { GET as listProfiles } from '@/app/api/profiles/route';
import { type Db, dbConfigFromEnv, openDb } from '@/db/client';
import { insertProfile } from '@/db/queries/profiles';
import { profileCreateSchema } from '@/lib/profiles/schema';
import { useFreshDatabase } from '../support/db';
import { TEST_OWNER, TEST_TOKEN_ENV } from '../support/test-owner';

/** Accounts through the API as a browser uses it: the session cookie, same-origin writes. */
let db: Db;
beforeAll(async () => {
  await useFreshDatabase();
  db = openDb(dbConfigFromEnv());
  return () => db.close();
});
afterEach(() => {
  delete process.env.VILLI_OPEN_SIGNUP;
  delete process.env.VILLI_TRUST_PROXY;
});

function ownerToken(): string {
  const token = process.env[TEST_TOKEN_ENV];
  if (!token) throw new Error('no test token');
  return token;
}

type Auth = { cookie?: string; token?: string; headers?: Record<string, string> };
const noCtx = undefined;
function request(path: string, method: string, body: unknown, auth: Auth = {}): Request {
  return new Request(`http://localhost${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      // a browser's same-origin write
      ...(auth.cookie ? { cookie: auth.cookie, origin: 'http://localhost' } : {}),
      ...(auth.token ? { authorization: `Bearer ${auth.token}` } : {}),
      ...auth.headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** The session cookie ("name=value") a response sets. */
function cookieOf(response: Response): string {
  const set = response.headers.getSetCookie().find((c) => /session_token=/.test(c));
  if (!set) throw new Error(`no session cookie (${response.status})`);
  return set.split(';')[0] as string;
}

const ctx = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });
const whoAmI = async (auth: Auth) =>
  account(request('/api/account', 'GET', undefined, auth), noCtx);

async function signUp(body: Record<string, unknown>, headers?: Record<string, string>) {
  return signUpRoute(request('/api/auth/sign-up', 'POST', body, { headers }));
}

describe('accounts of the test household', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie, Secure only over HTTPS', async () => {
    const body = { email: TEST_OWNER.email, password: TEST_OWNER.password };
    const plain = await signIn(request('/api/auth/sign-in', 'POST', body));
    expect(plain.status).toBe(200);
    const set = plain.headers.getSetCookie().join('\n');
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Lax/i);
    expect(set).not.toMatch(/Secure/i);
    // a forwarded https counts only behind a trusted proxy
    const forwarded = { 'x-forwarded-proto': 'https' };
    const untrusted = await signIn(
      request('/api/auth/sign-in', 'POST', body, { headers: forwarded }),
    );
    expect(untrusted.headers.getSetCookie().join('\n')).not.toMatch(/Secure/i);
    process.env.VILLI_TRUST_PROXY = 'true';
    const secure = await signIn(request('/api/auth/sign-in', 'POST', body, { headers: forwarded }));
    expect(secure.headers.getSetCookie().join('\n')).toMatch(/; Secure/i);
  });

  it('refuses a wrong password with 401 and the error body', async () => {
    const res = await signIn(
      request('/api/auth/sign-in', 'POST', { email: TEST_OWNER.email, password: 'wrong-one-1' }),
    );
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).not.toBe('');
  });

  it('slows a password guesser down: the 11th failed sign-in for an address is 429', async () => {
    const guess = { email: 'guessed@example.com', password: 'not-the-password' };
    for (let i = 0; i < 10; i++)
      expect((await signIn(request('/api/auth/sign-in', 'POST', guess))).status).toBe(401);
    const refused = await signIn(request('/api/auth/sign-in', 'POST', guess));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // another address is not affected
    const owner = { email: TEST_OWNER.email, password: TEST_OWNER.password };
    expect((await signIn(request('/api/auth/sign-in', 'POST', owner))).status).toBe(200);
  });

  it('joins by invite once; a used, revoked or expired invite is refused', async () => {
    const me = (await (await whoAmI({})).json().catch(() => null)) as unknown;
    expect(me).toMatchObject({ error: { code: 'unauthorized' } });
    const owner = { token: ownerToken() };
    const { householdId } = (await (await whoAmI(owner)).json()) as { householdId: number };
    const makeInvite = async (body: Record<string, unknown>) => {
      const res = await invite(
        request(`/api/households/${householdId}/invites`, 'POST', body, owner),
        ctx({ id: String(householdId) }),
      );
      expect(res.status).toBe(201);
      return (await res.json()) as { id: number; token: string; url: string; expiresAt: string };
    };
    const open = await makeInvite({ role: 'member' });
    expect(open.url).toBe(`http://localhost/sign-up?invite=${open.token}`);
    const joined = await signUp({
      email: 'm@example.com',
      password: 'member-pass',
      invite: open.token,
    });
    expect(joined.status).toBe(201);
    expect(await joined.json()).toMatchObject({ householdId });
    const member = (await (await whoAmI({ cookie: cookieOf(joined) })).json()) as { role: string };
    expect(member.role).toBe('member');
    const again = await signUp({
      email: 'm2@example.com',
      password: 'member-pass',
      invite: open.token,
    });
    expect(again.status).toBe(403);

    const revoked = await makeInvite({ role: 'clinician' });
    const del = await revokeInvite(
      request(`/api/households/${householdId}/invites/${revoked.id}`, 'DELETE', undefined, owner),
      ctx({ id: String(householdId), inviteId: String(revoked.id) }),
    );
    expect(del.status).toBe(204);
    expect(
      (await signUp({ email: 'r@example.com', password: 'member-pass', invite: revoked.token }))
        .status,
    ).toBe(403);

    const expired = await makeInvite({ role: 'member', email: 'late@example.com' });
    await db.transaction((tx) =>
      tx.orm
        .update(tx.t.householdInvites)
        .set({ expiresAt: '2000-01-01T00:00:00.000Z' })
        .where(eq(tx.t.householdInvites.id, expired.id)),
    );
    const late = await signUp({
      email: 'late@example.com',
      password: 'member-pass',
      invite: expired.token,
    });
    expect(late.status).toBe(403);
    expect(await late.text()).toMatch(/expired/);
    // nobody was made by the refused ones
    const emails = (await db.orm.select({ e: db.t.users.email }).from(db.t.users)).map((r) => r.e);
    expect(emails).not.toEqual(expect.arrayContaining(['m2@example.com']));
    expect(emails).not.toContain('r@example.com');
    expect(emails).not.toContain('late@example.com');
    // a member cannot invite
    const byMember = await invite(
      request(
        `/api/households/${householdId}/invites`,
        'POST',
        { role: 'member' },
        {
          cookie: cookieOf(
            await signIn(
              request('/api/auth/sign-in', 'POST', {
                email: 'm@example.com',
                password: 'member-pass',
              }),
            ),
          ),
        },
      ),
      ctx({ id: String(householdId) }),
    );
    expect(byMember.status).toBe(403);
  });

  it('with VILLI_OPEN_SIGNUP=true, a sign-up without invite owns a new, empty household', async () => {
    process.env.VILLI_OPEN_SIGNUP = 'true';
    const res = await signUp({ email: 'open@example.com', password: 'open-password' });
    expect(res.status).toBe(201);
    const { householdId } = (await res.json()) as { householdId: number };
    const cookie = cookieOf(res);
    const me = (await (await whoAmI({ cookie })).json()) as { role: string; householdId: number };
    expect(me).toMatchObject({ role: 'owner', householdId });
    const list = (await (
      await listProfiles(request('/api/profiles', 'GET', undefined, { cookie }), noCtx)
    ).json()) as { items: unknown[] };
    expect(list.items).toEqual([]);
  });

  it('a revoked token answers 401', async () => {
    const owner = { token: ownerToken() };
    const made = (await (
      await createToken(request('/api/account/tokens', 'POST', { name: 'script' }, owner), noCtx)
    ).json()) as { id: number; token: string; prefix: string };
    expect(made.token.startsWith(made.prefix)).toBe(true);
    expect((await whoAmI({ token: made.token })).status).toBe(200);
    const stored = await db.orm.select().from(db.t.apiTokens).where(eq(db.t.apiTokens.id, made.id));
    expect(JSON.stringify(stored)).not.toContain(made.token);
    const res = await revokeToken(
      request(`/api/account/tokens/${made.id}`, 'DELETE', undefined, owner),
      ctx({ id: String(made.id) }),
    );
    expect(res.status).toBe(204);
    expect((await whoAmI({ token: made.token })).status).toBe(401);
  });

  it('signs out everywhere, and changes the password', async () => {
    const body = { email: 'm@example.com', password: 'member-pass' };
    const one = cookieOf(await signIn(request('/api/auth/sign-in', 'POST', body)));
    const two = cookieOf(await signIn(request('/api/auth/sign-in', 'POST', body)));
    expect((await whoAmI({ cookie: one })).status).toBe(200);
    const out = await signOutEverywhere(
      request('/api/account/sessions', 'DELETE', undefined, { cookie: one }),
      noCtx,
    );
    expect(out.status).toBe(204);
    expect((await whoAmI({ cookie: one })).status).toBe(401);
    expect((await whoAmI({ cookie: two })).status).toBe(401);

    const three = cookieOf(await signIn(request('/api/auth/sign-in', 'POST', body)));
    const changed = await changePassword(
      request(
        '/api/account/password',
        'POST',
        { currentPassword: 'member-pass', newPassword: 'member-pass-2' },
        { cookie: three },
      ),
      noCtx,
    );
    expect(changed.status).toBe(200);
    expect((await signIn(request('/api/auth/sign-in', 'POST', body))).status).toBe(401);
    const next = { ...body, password: 'member-pass-2' };
    expect((await signIn(request('/api/auth/sign-in', 'POST', next))).status).toBe(200);
  });
});

describe('OpenID Connect', () => {
  it('registers the generic OAuth provider only when the three variables are set', async () => {
    // a handle of its own each time: the library is made once per handle
    const ids = async (env: Record<string, string>) => {
      const own = openDb(dbConfigFromEnv());
      try {
        return ((await authFor(own, false, env)).options.plugins ?? []).map((p) => p.id);
      } finally {
        await own.close();
      }
    };
    expect(await ids({})).not.toContain('generic-oauth');
    const on = await ids({
      VILLI_OIDC_ISSUER: 'https://id.example.org',
      VILLI_OIDC_CLIENT_ID: 'villi',
      VILLI_OIDC_CLIENT_SECRET: 's3cret',
    });
    expect(on).toContain('generic-oauth');
  });
});

describe('the villi command line', () => {
  const run = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join('scripts', 'villi.ts'), ...args], {
      cwd: process.cwd(),
      env: process.env,
      encoding: 'utf8',
      timeout: 120_000,
    });

  it('makes an owner, a clinician of their household and a token that the API accepts', () => {
    const owner = run([
      'users',
      'create',
      '--email',
      'cli@example.com',
      '--password',
      'cli-password',
    ]);
    expect(owner.stderr).toBe('');
    const made = JSON.parse(owner.stdout) as Record<string, unknown>;
    expect(Object.keys(made).sort()).toEqual(['householdId', 'userId']);
    const clinician = run([
      'users',
      'create',
      '--email',
      'doc@example.com',
      '--password',
      'cli-password',
      '--household',
      String(made.householdId),
      '--role',
      'clinician',
    ]);
    expect(JSON.parse(clinician.stdout)).toMatchObject({ householdId: made.householdId });
    const token = run(['tokens', 'create', '--email', 'doc@example.com']);
    const { token: value } = JSON.parse(token.stdout) as { token: string };
    expect(Object.keys(JSON.parse(token.stdout))).toEqual(['token']);
    return whoAmI({ token: value }).then(async (res) => {
      expect(await res.json()).toMatchObject({ role: 'clinician', householdId: made.householdId });
    });
  });

  it('refuses bad input on stderr with status 1', () => {
    const bad = run(['users', 'create', '--email', 'x@example.com', '--password', 'short']);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/password/);
    expect(run(['tokens', 'create', '--email', 'nobody@example.com']).status).toBe(1);
  });
});

// Last: it removes every account, the test owner's too.
describe('the first account', () => {
  it('owns a new household that adopts every profile made before accounts existed', async () => {
    // a database from before accounts: profiles of no household, no user
    await db.transaction(async (tx) => {
      await tx.orm.delete(tx.t.households);
      await tx.orm.delete(tx.t.users);
    });
    const now = new Date().toISOString();
    const made = [];
    for (const name of ['Before one', 'Before two'])
      made.push(await insertProfile(db, profileCreateSchema.parse({ name }), now, null));
    const first = await signUp({ email: 'First@Example.com', password: 'first-password' });
    expect(first.status).toBe(201);
    const { householdId } = (await first.json()) as { householdId: number };
    const cookie = cookieOf(first);
    const me = (await (await whoAmI({ cookie })).json()) as Record<string, unknown>;
    expect(me).toMatchObject({ email: 'first@example.com', role: 'owner', householdId });
    const list = (await (
      await listProfiles(request('/api/profiles', 'GET', undefined, { cookie }), noCtx)
    ).json()) as { items: { id: number }[] };
    expect(list.items.map((p) => p.id).sort()).toEqual(made.map((p) => p.id).sort());
    const orphans = await db.orm
      .select()
      .from(db.t.profiles)
      .where(isNull(db.t.profiles.householdId));
    expect(orphans).toEqual([]);
    // the next one needs an invite
    const second = await signUp({ email: 'second@example.com', password: 'second-password' });
    expect(second.status).toBe(403);
    expect(((await second.json()) as { error: { code: string } }).error.code).toBe(
      'invite_required',
    );
  });
});
