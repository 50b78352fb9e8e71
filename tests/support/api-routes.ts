import { join } from 'node:path';
import { createApiToken, signUp } from '@/app/_server/use-cases/accounts';
import { dbConfigFromEnv, openDb } from '@/db/client';
import type { Operation } from '@/lib/openapi/document';
import { authHeaders } from './db';
import { startMockOidc } from './mock-oidc';
import { ROOMY_LIMITS } from './profiles';
import { TEST_OWNER } from './test-owner';

/**
 * Drives the route handlers in-process from the OpenAPI operation list: the module of
 * `/api/plans/{id}/meals/{mealId}/swap` is app/api/plans/[id]/meals/[mealId]/swap/route.ts, and
 * a handler takes the Request and `{ params: Promise<…> }` as Next.js gives them.
 */
const ROOT = join(__dirname, '..', '..');

type Handler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

export const opName = (op: Operation) => `${op.method.toUpperCase()} ${op.path}`;

const modules = new Map<string, Promise<Record<string, unknown>>>();

export async function handlerOf(op: Operation): Promise<Handler> {
  const dir = op.path
    .replace(/^\//, '')
    .split('/')
    .map((d) => d.replace(/^\{(\w+)\}$/, '[$1]'));
  const file = join(ROOT, 'app', ...dir, 'route.ts');
  const loaded = modules.get(file) ?? import(file);
  modules.set(file, loaded);
  const handler = (await loaded)[op.method.toUpperCase()];
  if (typeof handler !== 'function') throw new Error(`${file} exports no ${op.method}`);
  return handler as Handler;
}

export type Call = {
  params: Record<string, string>;
  /** Query pairs, in order; a key may repeat. */
  query?: [string, string][];
  /** A raw query string (after `?`), used instead of `query` when given. */
  rawQuery?: string;
  /** JSON-encoded unless `rawBody` is given. */
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  /** The bearer token to send: the test owner's when absent, none when null. */
  token?: string | null;
};

export async function callOperation(op: Operation, call: Call): Promise<Response> {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(call.params[name] ?? ''),
  );
  const search = call.rawQuery ?? new URLSearchParams(call.query ?? []).toString();
  const url = `http://localhost${path}${search ? `?${search}` : ''}`;
  const hasBody = call.rawBody !== undefined || call.body !== undefined;
  const request = new Request(url, {
    method: op.method.toUpperCase(),
    headers: {
      ...(hasBody ? { 'content-type': 'application/json' } : {}),
      ...(call.token === undefined
        ? authHeaders()
        : call.token === null
          ? {}
          : { authorization: `Bearer ${call.token}` }),
      ...call.headers,
    },
    body: call.rawBody ?? (call.body === undefined ? undefined : JSON.stringify(call.body)),
  });
  const handler = await handlerOf(op);
  return handler(request, { params: Promise.resolve(call.params) });
}

/** Ids and names of the one real profile and plan a test made, and of things in them. */
export type Fixture = {
  profileId: number;
  /** A second profile, made to be deleted. */
  spareProfileId: number;
  planId: number;
  weekStart: string;
  /** Another Monday, for making plans without replacing the fixture's. */
  otherWeekStart: string;
  mealId: string;
  /** A recipe the planner offers for `mealId`. */
  swapSlug: string;
  /** Some recipes of the catalog, offered or not. */
  recipeSlugs: string[];
  /** A line of the plan's shopping list. */
  shoppingNdb: string;
  /** A day with a journal entry, and one without (both before today). */
  journalDate: string;
  freeDate: string;
  /** A profile whose reintroduction began in the past, and its current challenge. */
  reintroProfileId: number;
  challengeId: string;
  /** A profile with a reintroduction under way, to be stopped. */
  stopProfileId: number;
  /** The test owner's household, an open invite to it (its token) and one to revoke. */
  householdId: number;
  inviteToken: string;
  spareInviteId: number;
  /** An API token of the owner that may be revoked (not the one the tests use). */
  spareTokenId: number;
  /** A session cookie of the owner ("name=value"), for what needs a signed-in browser. */
  sessionCookie: string;
  /** A throwaway member of the household (its API token), made to delete their account. */
  leavingToken: string;
  /** A clinician of the household (their API token), with no grant yet. */
  clinicianToken: string;
  /** A pending clinician link for `profileId` (its token), and one to revoke. */
  clinicianInviteToken: string;
  spareClinicianInviteId: number;
  /** A member of the household whose role may change, and one an owner may remove. */
  memberUserId: string;
  removableUserId: string;
};

/** The throwaway member's password: no other account of the tests has it. */
export const LEAVING_PASSWORD = 'leaving-password-1';

export const PROFILE_BODY = {
  name: 'Fuzz household',
  protocol: 'aip',
  phase: 'elimination',
  allergens: ['fish'],
  householdSize: 2,
  ...ROOMY_LIMITS,
};

export const JOURNAL_BODY = (date: string) => ({
  date,
  symptoms: {
    bloating: 2,
    pain: 0,
    stool: 4,
    fatigue: 3,
    joints: 0,
    skin: 0,
    brainFog: 1,
    headache: 0,
    sleep: 0,
  },
  note: 'a calm day',
});

/**
 * A request each operation answers with its documented success, on the fixture. The fuzzing
 * mutates these; a route without an example fails the tests, so a new route cannot be missed.
 */
export function goodCall(op: Operation, f: Fixture): Call {
  const plan = { id: String(f.planId) };
  const meal = { id: String(f.planId), mealId: f.mealId };
  const profile = { id: String(f.profileId) };
  const calls: Record<string, Call> = {
    'GET /api/health': { params: {} },
    'GET /api/openapi.json': { params: {} },
    'GET /api/foods': {
      params: {},
      query: [
        ['q', 'apple'],
        ['free', 'gluten'],
        ['limit', '5'],
      ],
    },
    'GET /api/foods/{ndb}': { params: { ndb: '09003' } },
    'GET /api/food-concepts': { params: {}, query: [['q', 'salmon']] },
    'GET /api/protocols': { params: {} },
    'GET /api/recipes': {
      params: {},
      query: [
        ['protocol', 'aip'],
        ['phase', 'elimination'],
        ['mealType', 'dinner'],
        ['limit', '3'],
      ],
    },
    'GET /api/recipes/{slug}': { params: { slug: f.swapSlug } },
    'POST /api/profiles': { params: {}, body: { name: 'Another', protocol: 'low-fodmap' } },
    'GET /api/profiles': { params: {} },
    'GET /api/profiles/{id}': { params: profile },
    'PATCH /api/profiles/{id}': { params: profile, body: { name: 'Fuzz household, renamed' } },
    'DELETE /api/profiles/{id}': { params: { id: String(f.spareProfileId) } },
    'PUT /api/profiles/{id}/pantry/{ndb}': { params: { ...profile, ndb: f.shoppingNdb } },
    'DELETE /api/profiles/{id}/pantry/{ndb}': { params: { ...profile, ndb: f.shoppingNdb } },
    'GET /api/profiles/{id}/journal': {
      params: profile,
      query: [
        ['from', f.journalDate],
        ['to', f.journalDate],
      ],
    },
    'POST /api/profiles/{id}/journal': { params: profile, body: JOURNAL_BODY(f.freeDate) },
    'PATCH /api/profiles/{id}/journal/{date}': {
      params: { ...profile, date: f.journalDate },
      body: { symptoms: { bloating: 1 }, note: null },
    },
    'DELETE /api/profiles/{id}/journal/{date}': { params: { ...profile, date: f.freeDate } },
    'GET /api/profiles/{id}/report': { params: { id: String(f.reintroProfileId) } },
    'GET /api/profiles/{id}/reintroduction': { params: { id: String(f.reintroProfileId) } },
    'POST /api/profiles/{id}/reintroduction/start': { params: profile, body: {} },
    'PATCH /api/profiles/{id}/reintroduction': {
      params: { id: String(f.reintroProfileId) },
      body: { paused: false },
    },
    'DELETE /api/profiles/{id}/reintroduction': { params: { id: String(f.stopProfileId) } },
    'POST /api/profiles/{id}/reintroduction/challenges/{challengeId}/outcome': {
      params: { id: String(f.reintroProfileId), challengeId: f.challengeId },
      body: { outcome: 'tolerated' },
    },
    'POST /api/plans': {
      params: {},
      body: { profileId: f.profileId, weekStart: f.otherWeekStart, seed: 11, replace: true },
    },
    'GET /api/plans': { params: {}, query: [['profileId', String(f.profileId)]] },
    'GET /api/plans/{id}': { params: plan },
    'GET /api/plans/{id}/meals/{mealId}/alternatives': {
      params: meal,
      query: [
        ['limit', '3'],
        ['maxMinutes', '600'],
      ],
    },
    'POST /api/plans/{id}/meals/{mealId}/swap': { params: meal, body: { recipeSlug: f.swapSlug } },
    'PATCH /api/plans/{id}/meals/{mealId}': { params: meal, body: { locked: true } },
    'POST /api/plans/{id}/regenerate': {
      params: plan,
      body: { scope: 'day', date: f.weekStart, seed: 5 },
    },
    'GET /api/plans/{id}/shopping-list': { params: plan, query: [['units', 'us']] },
    'PATCH /api/plans/{id}/shopping-list/items/{ndb}': {
      params: { ...plan, ndb: f.shoppingNdb },
      body: { checked: true },
    },
    'GET /api/plans/{id}/export': { params: plan, query: [['format', 'json']] },
    'GET /api/plans/{id}/nutrition': { params: plan, query: [['member', String(f.profileId)]] },
    'POST /api/auth/sign-up': {
      params: {},
      body: { email: 'invited@villi.test', password: 'invited-password', invite: f.inviteToken },
    },
    'POST /api/auth/sign-in': {
      params: {},
      body: { email: TEST_OWNER.email, password: TEST_OWNER.password },
    },
    'POST /api/auth/sign-in/oidc': {
      params: {},
      body: {},
      headers: { origin: 'http://localhost' },
    },
    // no state of this browser: the callback sends it to the sign-in page (its documented 302)
    'GET /api/auth/callback/oidc': {
      params: {},
      query: [
        ['code', 'a-code'],
        ['state', 'a-state'],
      ],
    },
    'POST /api/auth/sign-out': { params: {} },
    'GET /api/account': { params: {} },
    'POST /api/account/password': {
      params: {},
      body: { currentPassword: TEST_OWNER.password, newPassword: TEST_OWNER.password },
      // a signed-in browser's same-origin write
      token: null,
      headers: { cookie: f.sessionCookie, origin: 'http://localhost' },
    },
    'DELETE /api/account': {
      params: {},
      body: { password: LEAVING_PASSWORD },
      token: f.leavingToken,
    },
    'GET /api/account/export': { params: {} },
    'DELETE /api/account/sessions': { params: {} },
    'GET /api/account/tokens': { params: {} },
    'POST /api/account/tokens': { params: {}, body: { name: 'fuzz' } },
    'DELETE /api/account/tokens/{id}': { params: { id: String(f.spareTokenId) } },
    'POST /api/households/{id}/invites': {
      params: { id: String(f.householdId) },
      body: { role: 'member' },
    },
    'DELETE /api/households/{id}/invites/{inviteId}': {
      params: { id: String(f.householdId), inviteId: String(f.spareInviteId) },
    },
    'POST /api/profiles/{id}/clinician-invites': { params: profile, body: { days: 30 } },
    'GET /api/profiles/{id}/clinician-invites': { params: profile },
    'DELETE /api/profiles/{id}/clinician-invites/{inviteId}': {
      params: { ...profile, inviteId: String(f.spareClinicianInviteId) },
    },
    'GET /api/profiles/{id}/access-log': { params: profile },
    'POST /api/clinician-invites/accept': {
      params: {},
      body: { invite: f.clinicianInviteToken },
      token: f.clinicianToken,
    },
    'GET /api/households/{id}/members': { params: { id: String(f.householdId) } },
    'PATCH /api/households/{id}/members/{userId}': {
      params: { id: String(f.householdId), userId: f.memberUserId },
      body: { role: 'member' },
    },
    'DELETE /api/households/{id}/members/{userId}': {
      params: { id: String(f.householdId), userId: f.removableUserId },
    },
  };
  const call = calls[opName(op)];
  if (!call) throw new Error(`no example request for ${opName(op)}: add one to goodCall`);
  return call;
}

const op = (method: Operation['method'], path: string) =>
  ({
    method,
    path,
    summary: '',
    tag: '',
    success: { status: 200, description: '' },
    errors: [],
  }) as Operation;

async function json(response: Response, expected: number): Promise<unknown> {
  if (response.status !== expected) {
    throw new Error(`expected ${expected}, got ${response.status}: ${await response.text()}`);
  }
  return response.json();
}

/** Another account of the household (not the test owner) with an API token. */
async function makeHouseholdAccount(
  householdId: number,
  name: string,
  role: 'member' | 'clinician' = 'member',
  password = 'member-password-1',
): Promise<{ userId: string; token: string }> {
  const db = openDb(dbConfigFromEnv());
  try {
    const made = await signUp(
      db,
      { email: `${name.toLowerCase()}@villi.test`, password, name },
      { headers: new Headers(), secure: false },
      { householdId, role },
      { invitesNeeded: false },
    );
    return { userId: made.userId, token: (await createApiToken(db, made.userId, name)).token };
  } finally {
    await db.close();
  }
}

/** The token a clinician link carries in its `invite` query value. */
export function inviteTokenOf(url: string): string {
  const token = new URL(url).searchParams.get('invite');
  if (!token) throw new Error(`no invite token in ${url}`);
  return token;
}

/** One real profile with a plan (and a spare profile), made through the API itself. */
export async function makeFixture(): Promise<Fixture> {
  // single sign-on on, against a provider of the tests' own (read when the library starts)
  Object.assign(process.env, (await startMockOidc()).env);
  const weekStart = '2026-11-30';
  const profile = (await json(
    await callOperation(op('post', '/api/profiles'), { params: {}, body: PROFILE_BODY }),
    201,
  )) as { id: number };
  const spare = (await json(
    await callOperation(op('post', '/api/profiles'), { params: {}, body: { name: 'Spare' } }),
    201,
  )) as { id: number };
  const plan = (await json(
    await callOperation(op('post', '/api/plans'), {
      params: {},
      body: { profileId: profile.id, weekStart, seed: 3 },
    }),
    201,
  )) as {
    id: number;
    days: {
      meals: { id: string; slot: string; recipeSlug: string; leftoverOf: string | null }[];
    }[];
  };
  const meals = plan.days.flatMap((d) => d.meals).filter((m) => m.leftoverOf === null);
  let mealId = '';
  let swapSlug = '';
  const recipeSlugs = plan.days.flatMap((d) => d.meals.map((m) => m.recipeSlug));
  for (const meal of meals) {
    const alternatives = (await json(
      await callOperation(op('get', '/api/plans/{id}/meals/{mealId}/alternatives'), {
        params: { id: String(plan.id), mealId: meal.id },
      }),
      200,
    )) as { items: { recipeSlug: string }[] };
    const first = alternatives.items[0];
    recipeSlugs.push(...alternatives.items.slice(0, 2).map((a) => a.recipeSlug));
    if (first) {
      mealId = meal.id;
      swapSlug = first.recipeSlug;
      break;
    }
  }
  if (!swapSlug) throw new Error('no meal of the fixture plan has an alternative');
  const list = (await json(
    await callOperation(op('get', '/api/plans/{id}/shopping-list'), {
      params: { id: String(plan.id) },
    }),
    200,
  )) as { items: { ndb: string }[] };
  const shoppingNdb = list.items[0]?.ndb;
  if (!shoppingNdb) throw new Error('the fixture plan has an empty shopping list');
  const journalDate = '2025-03-03';
  await json(
    await callOperation(op('post', '/api/profiles/{id}/journal'), {
      params: { id: String(profile.id) },
      body: JOURNAL_BODY(journalDate),
    }),
    201,
  );
  const reintroduced = async (name: string) => {
    const made = (await json(
      await callOperation(op('post', '/api/profiles'), {
        params: {},
        body: { name, protocol: 'low-fodmap' },
      }),
      201,
    )) as { id: number };
    const started = (await json(
      await callOperation(op('post', '/api/profiles/{id}/reintroduction/start'), {
        params: { id: String(made.id) },
        body: { startOn: '2025-03-10' },
      }),
      201,
    )) as { current: { id: string } | null };
    if (!started.current) throw new Error('a started reintroduction has no current challenge');
    return { id: made.id, challengeId: started.current.id };
  };
  const reintro = await reintroduced('Reintroducing');
  const stopping = await reintroduced('Stopping');
  const account = (await json(
    await callOperation(op('get', '/api/account'), { params: {} }),
    200,
  )) as { householdId: number };
  const invite = async () =>
    (await json(
      await callOperation(op('post', '/api/households/{id}/invites'), {
        params: { id: String(account.householdId) },
        body: { role: 'member' },
      }),
      201,
    )) as { id: number; token: string };
  const spareToken = (await json(
    await callOperation(op('post', '/api/account/tokens'), { params: {}, body: { name: 'spare' } }),
    201,
  )) as { id: number };
  const signedIn = await callOperation(op('post', '/api/auth/sign-in'), {
    params: {},
    body: { email: TEST_OWNER.email, password: TEST_OWNER.password },
  });
  const sessionCookie = signedIn.headers.getSetCookie()[0]?.split(';')[0];
  if (!sessionCookie) throw new Error(`signing in the test owner failed: ${signedIn.status}`);
  const clinicianLink = async () =>
    (await json(
      await callOperation(op('post', '/api/profiles/{id}/clinician-invites'), {
        params: { id: String(profile.id) },
        body: {},
      }),
      201,
    )) as { id: number; url: string };
  const link = await clinicianLink();
  return {
    sessionCookie,
    leavingToken: (
      await makeHouseholdAccount(account.householdId, 'Leaving', 'member', LEAVING_PASSWORD)
    ).token,
    memberUserId: (await makeHouseholdAccount(account.householdId, 'Staying')).userId,
    removableUserId: (await makeHouseholdAccount(account.householdId, 'Removable')).userId,
    clinicianToken: (
      await makeHouseholdAccount(
        account.householdId,
        'Fixture-Clinician',
        'clinician',
        'clinician-password-1',
      )
    ).token,
    clinicianInviteToken: inviteTokenOf(link.url),
    spareClinicianInviteId: (await clinicianLink()).id,
    householdId: account.householdId,
    inviteToken: (await invite()).token,
    spareInviteId: (await invite()).id,
    spareTokenId: spareToken.id,
    reintroProfileId: reintro.id,
    challengeId: reintro.challengeId,
    stopProfileId: stopping.id,
    profileId: profile.id,
    spareProfileId: spare.id,
    planId: plan.id,
    weekStart,
    otherWeekStart: '2026-12-07',
    mealId,
    swapSlug,
    recipeSlugs: [...new Set(recipeSlugs)],
    shoppingNdb,
    journalDate,
    freeDate: '2025-03-04',
  };
}
