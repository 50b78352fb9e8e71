import { eq, isNull, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signUp } from '@/app/_server/use-cases/accounts';
import { GET as account } from '@/app/api/account/route';
import { GET as callback } from '@/app/api/auth/callback/oidc/route';
import { POST as start } from '@/app/api/auth/sign-in/oidc/route';
import { POST as invite } from '@/app/api/households/[id]/invites/route';
import { GET as listProfiles } from '@/app/api/profiles/route';
import { type Db, dbConfigFromEnv, openDb } from '@/db/client';
import { findUserByEmail } from '@/db/queries/accounts';
import { insertProfile } from '@/db/queries/profiles';
import { profileCreateSchema } from '@/lib/profiles/schema';
import { useFreshDatabase } from '../support/db';
import { type MockOidc, startMockOidc } from '../support/mock-oidc';

/**
 * OpenID Connect sign-in end to end, in-process: the app's start route, a real provider on
 * 127.0.0.1 (tests/support/mock-oidc.ts: discovery, authorize, token with a signed ID token,
 * JWKS, userinfo), the app's callback route, then the API with the session cookie it set. The
 * database starts with no account, as on a first run.
 */
let provider: MockOidc;
let db: Db;

beforeAll(async () => {
  provider = await startMockOidc();
  Object.assign(process.env, provider.env);
  await useFreshDatabase();
  db = openDb(dbConfigFromEnv());
  // a first run: profiles made before accounts, and no account yet
  await db.transaction(async (tx) => {
    await tx.orm.update(tx.t.profiles).set({ householdId: null });
    await tx.orm.delete(tx.t.households);
    await tx.orm.delete(tx.t.users);
  });
  const now = new Date().toISOString();
  for (const name of ['Before one', 'Before two'])
    await insertProfile(db, profileCreateSchema.parse({ name }), now, null);
});
afterAll(async () => {
  await db?.close();
  await provider?.close();
});
afterEach(() => {
  delete process.env.VILLI_OPEN_SIGNUP;
});

const ORIGIN = 'http://localhost';

/** A browser's cookie jar: name → value, from Set-Cookie headers (Max-Age=0 removes). */
class Jar {
  private cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      if (/;\s*max-age=0\b/i.test(line) || pair.slice(eq + 1) === '') this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(eq + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  names(): string[] {
    return [...this.cookies.keys()];
  }
}

async function startSignIn(jar: Jar, body: Record<string, string> = {}): Promise<Response> {
  const response = await start(
    new Request(`${ORIGIN}/api/auth/sign-in/oidc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify(body),
    }),
  );
  jar.take(response);
  return response;
}

/** The provider signs `user` in and sends the browser back: the callback URL it redirects to. */
async function atProvider(url: string): Promise<URL> {
  const answer = await fetch(url, { redirect: 'manual' });
  expect(answer.status).toBe(302);
  return new URL(answer.headers.get('location') ?? '');
}

async function atCallback(jar: Jar, url: URL): Promise<Response> {
  const response = await callback(
    new Request(`${ORIGIN}${url.pathname}${url.search}`, {
      // the provider's page navigates the browser back: a cross-site top-level GET
      headers: { cookie: jar.header(), 'sec-fetch-site': 'cross-site' },
    }),
  );
  jar.take(response);
  return response;
}

/** start → provider → callback, as a browser: the callback's answer. */
async function signInWithProvider(
  jar: Jar,
  user: MockOidc['nextUser'],
  body: Record<string, string> = {},
): Promise<Response> {
  provider.nextUser = user;
  const started = await startSignIn(jar, body);
  expect(started.status).toBe(200);
  const { url } = (await started.json()) as { url: string };
  expect(url.startsWith(`${provider.issuer}/authorize?`)).toBe(true);
  return atCallback(jar, await atProvider(url));
}

async function whoAmI(jar: Jar): Promise<Response> {
  return account(new Request(`${ORIGIN}/api/account`, { headers: { cookie: jar.header() } }));
}

const hasSession = (jar: Jar) => jar.names().some((n) => n.includes('session_token'));

describe('OpenID Connect sign-in through the app routes', () => {
  let ownerJar: Jar;
  let householdId: number;

  it('makes the first person who signs in the owner of a household that adopts earlier profiles', async () => {
    const orphans = await db.orm
      .select({ n: sql<number>`cast(count(*) as integer)` })
      .from(db.t.profiles)
      .where(isNull(db.t.profiles.householdId));
    expect(Number(orphans[0]?.n)).toBeGreaterThan(0);
    ownerJar = new Jar();
    const done = await signInWithProvider(ownerJar, {
      sub: 'owner-sub',
      email: 'Owner@OIDC.test',
      name: 'Olive Owner',
    });
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe('/');
    expect(hasSession(ownerJar)).toBe(true);
    const me = await whoAmI(ownerJar);
    expect(me.status).toBe(200);
    const body = (await me.json()) as { email: string; role: string; householdId: number };
    expect(body).toMatchObject({ email: 'owner@oidc.test', role: 'owner' });
    householdId = body.householdId;
    const profiles = await listProfiles(
      new Request(`${ORIGIN}/api/profiles`, { headers: { cookie: ownerJar.header() } }),
    );
    expect(((await profiles.json()) as { items: unknown[] }).items.length).toBe(2);
  });

  it('signs the same person in again as the same account', async () => {
    const jar = new Jar();
    const done = await signInWithProvider(jar, {
      sub: 'owner-sub',
      email: 'owner@oidc.test',
      name: 'Olive Owner',
    });
    expect(done.headers.get('location')).toBe('/');
    expect(((await (await whoAmI(jar)).json()) as { householdId: number }).householdId).toBe(
      householdId,
    );
  });

  it('makes no account for a second person without an invite, and says why', async () => {
    const jar = new Jar();
    const done = await signInWithProvider(jar, {
      sub: 'stranger-sub',
      email: 'stranger@oidc.test',
      name: 'Stranger',
    });
    expect(done.status).toBe(302);
    const location = new URL(done.headers.get('location') ?? '', ORIGIN);
    expect(location.pathname).toBe('/sign-in');
    expect(location.searchParams.get('error')).toBe('invite_required');
    expect(hasSession(jar)).toBe(false);
    expect((await whoAmI(jar)).status).toBe(401);
    expect(await findUserByEmail(db, 'stranger@oidc.test')).toBeNull();
  });

  it('lets an invited person join the inviting household as the invite says', async () => {
    const made = await invite(
      new Request(`${ORIGIN}/api/households/${householdId}/invites`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN, cookie: ownerJar.header() },
        body: JSON.stringify({ role: 'member' }),
      }),
      { params: Promise.resolve({ id: String(householdId) }) },
    );
    expect(made.status).toBe(201);
    const { token, id } = (await made.json()) as { token: string; id: number };
    const jar = new Jar();
    const done = await signInWithProvider(
      jar,
      { sub: 'member-sub', email: 'member@oidc.test', name: 'Mo Member' },
      { invite: token },
    );
    expect(done.headers.get('location')).toBe('/');
    // the invite cookie is gone once it served
    expect(jar.names()).not.toContain('villi.oidc_invite');
    const me = (await (await whoAmI(jar)).json()) as { role: string; householdId: number };
    expect(me).toMatchObject({ role: 'member', householdId });
    const i = db.t.householdInvites;
    const [row] = await db.orm.select({ usedAt: i.usedAt }).from(i).where(eq(i.id, id));
    expect(row?.usedAt).not.toBeNull();
    // used once: the start refuses it now
    const again = await startSignIn(new Jar(), { invite: token });
    expect(again.status).toBe(403);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('invite_invalid');
  });

  it('with open sign-up, gives a second person a household of their own', async () => {
    process.env.VILLI_OPEN_SIGNUP = 'true';
    const jar = new Jar();
    const done = await signInWithProvider(jar, {
      sub: 'open-sub',
      email: 'open@oidc.test',
      name: 'Open',
    });
    expect(done.headers.get('location')).toBe('/');
    const me = (await (await whoAmI(jar)).json()) as { role: string; householdId: number };
    expect(me.role).toBe('owner');
    expect(me.householdId).not.toBe(householdId);
  });

  it("does not sign in to someone's password account under the same email", async () => {
    process.env.VILLI_OPEN_SIGNUP = 'true';
    const email = 'has-password@oidc.test';
    const made = await signUp(
      db,
      { email, password: 'a-good-password' },
      { headers: new Headers(), secure: false },
    );
    const jar = new Jar();
    const done = await signInWithProvider(jar, { sub: 'taker-sub', email, name: 'Taker' });
    const location = new URL(done.headers.get('location') ?? '', ORIGIN);
    expect(location.pathname).toBe('/sign-in');
    expect(location.searchParams.get('error')).toBe('account_not_linked');
    expect(hasSession(jar)).toBe(false);
    const a = db.t.authAccounts;
    const methods = await db.orm
      .select({ providerId: a.providerId })
      .from(a)
      .where(eq(a.userId, made.userId));
    expect(methods.map((m) => m.providerId)).toEqual(['credential']);
  });

  it('refuses an answer whose state is not the one this browser started with: no session', async () => {
    provider.nextUser = { sub: 'late-sub', email: 'late@oidc.test', name: 'Late' };
    const jar = new Jar();
    const started = await startSignIn(jar);
    const { url } = (await started.json()) as { url: string };
    const back = await atProvider(url);
    back.searchParams.set('state', `${back.searchParams.get('state')}x`);
    const done = await atCallback(jar, back);
    expect(done.status).toBe(302);
    const location = new URL(done.headers.get('location') ?? '', ORIGIN);
    expect(location.pathname).toBe('/sign-in');
    expect(location.searchParams.get('error')).toBeTruthy();
    expect(hasSession(jar)).toBe(false);
    expect(await findUserByEmail(db, 'late@oidc.test')).toBeNull();
    // another browser (no state cookie) replaying the real answer gets nothing either
    const other = new Jar();
    const replay = await atCallback(other, await atProvider(url));
    expect(new URL(replay.headers.get('location') ?? '', ORIGIN).pathname).toBe('/sign-in');
    expect(hasSession(other)).toBe(false);
  });

  it('answers odd callbacks with a redirect to the sign-in page or a 400, never a 5xx', async () => {
    for (const query of ['', 'code=x', 'state=y', 'code=x&state=y', 'error=access_denied']) {
      const r = await callback(new Request(`${ORIGIN}/api/auth/callback/oidc?${query}`));
      expect(r.status, query).toBe(302);
      expect(r.headers.get('location'), query).toMatch(/^\/sign-in\?/);
    }
    const repeated = await callback(new Request(`${ORIGIN}/api/auth/callback/oidc?code=a&code=b`));
    expect(repeated.status).toBe(400);
  });
});
