import { beforeAll, describe, expect, it } from 'vitest';
import { dbConfigFromEnv, openDb } from '@/db/client';
import { apiOperations, errorBodySchema, type Operation } from '@/lib/openapi/document';
import {
  type Call,
  callOperation,
  type Fixture,
  goodCall,
  inviteTokenOf,
  makeFixture,
  opName,
  PROFILE_BODY,
} from '../support/api-routes';
import { useFreshDatabase } from '../support/db';
import { makeAccount } from '../support/households';

/**
 * The authorization matrix, generated from the OpenAPI document so a new route is covered
 * without anyone remembering: every operation answers 401 without credentials (but the public
 * ones); another household's token on this household's ids gets 404 and none of its data; a
 * clinician's writes are 403; a clinician reading a member who did not invite them gets 404
 * (this clinician holds a grant for the spare profile only, none for the fixture's).
 */
let fixture: Fixture;
let otherToken: string;
let clinicianToken: string;

beforeAll(async () => {
  await useFreshDatabase();
  fixture = await makeFixture();
  const db = openDb(dbConfigFromEnv());
  try {
    otherToken = (await makeAccount(db, 'other@villi.test')).token;
    clinicianToken = (
      await makeAccount(db, 'clinician@villi.test', {
        householdId: fixture.householdId,
        role: 'clinician',
      })
    ).token;
  } finally {
    await db.close();
  }
  const link = await callOperation(opAt('post', '/api/profiles/{id}/clinician-invites'), {
    params: { id: String(fixture.spareProfileId) },
    body: {},
  });
  const { url } = (await link.json()) as { url: string };
  const accepted = await callOperation(opAt('post', '/api/clinician-invites/accept'), {
    params: {},
    body: { invite: inviteTokenOf(url) },
    token: clinicianToken,
  });
  if (accepted.status !== 200)
    throw new Error(`the clinician could not accept: ${accepted.status}`);
}, 180_000);

function opAt(method: Operation['method'], path: string): Operation {
  const found = apiOperations().find((o) => o.method === method && o.path === path);
  if (!found) throw new Error(`no ${method} ${path}`);
  return found;
}

const operations = apiOperations();
const nonPublic = operations.filter((op) => !op.public);
/** Routes that name something of a household: an id in the path, or a profile in the request. */
const HOUSEHOLD_PATH = /^\/api\/(profiles|plans|households)\/\{id\}/;
const scoped = (op: Operation) =>
  HOUSEHOLD_PATH.test(op.path) || ['POST /api/plans', 'GET /api/plans'].includes(opName(op));
/** Writes of the household's data (an account's own tokens and sessions are its own). */
const householdWrite = (op: Operation) =>
  op.method !== 'get' && (scoped(op) || opName(op) === 'POST /api/profiles');

async function errorOf(response: Response) {
  const text = await response.text();
  return { text, body: errorBodySchema.parse(JSON.parse(text)) };
}

/** The operation's good call with only `token` as credentials (its session cookie dropped). */
const as = (op: Operation, token: string | null): Call => {
  const { cookie: _cookie, ...headers } = goodCall(op, fixture).headers ?? {};
  return { ...goodCall(op, fixture), headers, token };
};

describe('the authorization matrix', () => {
  it('covers every operation, and the public ones are exactly health, the document, sign-up/in/out and the OIDC start and callback', () => {
    expect(nonPublic.length).toBeGreaterThan(30);
    expect(
      operations
        .filter((op) => op.public)
        .map(opName)
        .sort(),
    ).toEqual([
      'GET /api/auth/callback/oidc',
      'GET /api/health',
      'GET /api/openapi.json',
      'POST /api/auth/sign-in',
      'POST /api/auth/sign-in/oidc',
      'POST /api/auth/sign-out',
      'POST /api/auth/sign-up',
    ]);
    expect(operations.filter(scoped).length).toBeGreaterThan(20);
    expect(operations.filter(householdWrite).length).toBeGreaterThan(10);
  });

  it.each(nonPublic.map((op) => [opName(op), op] as const))(
    '%s without credentials: 401',
    async (_name, op) => {
      const response = await callOperation(op, as(op, null));
      expect(response.status).toBe(401);
      expect((await errorOf(response)).body.error.code).toBe('unauthorized');
    },
  );

  it.each(nonPublic.map((op) => [opName(op), op] as const))(
    '%s with a revoked-looking or unknown token: 401',
    async (_name, op) => {
      const response = await callOperation(op, as(op, 'villi_not-a-token'));
      expect(response.status).toBe(401);
    },
  );

  it.each(operations.filter(scoped).map((op) => [opName(op), op] as const))(
    "%s with another household's token on this household's ids: 404 and no data",
    async (_name, op) => {
      const response = await callOperation(op, as(op, otherToken));
      expect(response.status).toBe(404);
      const { text } = await errorOf(response);
      expect(text).not.toContain(PROFILE_BODY.name);
    },
  );

  it.each(nonPublic.filter((op) => !scoped(op)).map((op) => [opName(op), op] as const))(
    "%s with another household's token: never this household's data",
    async (_name, op) => {
      const response = await callOperation(op, as(op, otherToken));
      expect(response.status).toBeLessThan(500);
      expect(await response.text()).not.toContain(PROFILE_BODY.name);
    },
  );

  it.each(operations.filter(householdWrite).map((op) => [opName(op), op] as const))(
    "%s by the household's clinician: 403",
    async (_name, op) => {
      const response = await callOperation(op, as(op, clinicianToken));
      expect(response.status).toBe(403);
      expect((await errorOf(response)).body.error.code).toBe('forbidden');
    },
  );

  it.each(
    operations
      .filter((op) => op.method === 'get' && scoped(op))
      .map((op) => [opName(op), op] as const),
  )('%s by a clinician the member did not invite: 404 and no data', async (_name, op) => {
    const response = await callOperation(op, as(op, clinicianToken));
    expect(response.status).toBe(404);
    const { text } = await errorOf(response);
    expect(text).not.toContain(PROFILE_BODY.name);
  });

  it("refuses a shared plan naming another household's member with 404, saving nothing", async () => {
    const op = (method: Operation['method'], path: string) => {
      const found = operations.find((o) => o.method === method && o.path === path);
      if (!found) throw new Error(`no ${method} ${path}`);
      return found;
    };
    const theirs = await callOperation(op('post', '/api/profiles'), {
      params: {},
      body: { name: 'Their member', protocol: 'low-fodmap' },
      token: otherToken,
    });
    expect(theirs.status).toBe(201);
    const theirId = ((await theirs.json()) as { id: number }).id;
    const plans = op('post', '/api/plans');
    const body = (memberIds: number[]) => ({ memberIds, weekStart: '2027-01-04', seed: 1 });
    for (const [memberIds, token] of [
      [[fixture.profileId, theirId], undefined],
      [[theirId, fixture.profileId], otherToken],
    ] as const) {
      const res = await callOperation(plans, { params: {}, body: body([...memberIds]), token });
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain(PROFILE_BODY.name);
    }
    const list = await callOperation(op('get', '/api/plans'), { params: {}, token: otherToken });
    expect(((await list.json()) as { items: unknown[] }).items).toEqual([]);
  });

  it('lets the clinician read only the profile granted to them, and its plans', async () => {
    const get = (path: string) =>
      callOperation(opAt('get', path), as(opAt('get', path), clinicianToken));
    const list = await get('/api/profiles');
    expect(list.status).toBe(200);
    const names = ((await list.json()) as { items: { name: string }[] }).items.map((p) => p.name);
    expect(names).toEqual(['Spare']);
    const plans = await callOperation(opAt('get', '/api/plans'), {
      params: {},
      token: clinicianToken,
    });
    expect(((await plans.json()) as { items: unknown[] }).items).toEqual([]);
    const spare = await callOperation(opAt('get', '/api/profiles/{id}'), {
      params: { id: String(fixture.spareProfileId) },
      token: clinicianToken,
    });
    expect(spare.status).toBe(200);
  });
});
