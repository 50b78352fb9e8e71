import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Db, dbConfigFromEnv, openDb } from '@/db/client';
import { findUserByEmail, membershipOf } from '@/db/queries/accounts';
import { apiOperations, type Operation } from '@/lib/openapi/document';
import { accessLogSchema, clinicianInviteListSchema } from '@/lib/validation/clinician';
import { callOperation, inviteTokenOf } from '../support/api-routes';
import { testHouseholdId, useFreshDatabase } from '../support/db';
import { makeAccount } from '../support/households';
import { ROOMY_LIMITS } from '../support/profiles';

/**
 * Clinician access end to end through the route handlers: a member's link, its acceptance,
 * reads limited to the granted profile (and the plans it is a member of), every read in the
 * member's access log, and the grant's life: pending → active → expired by time → revoked.
 */
let db: Db;
let householdId: number;
let sam: number;
let alex: number;
let samPlan: number;
let alexPlan: number;
let sharedPlan: number;

const DAY = 86_400_000;

function opOf(method: Operation['method'], path: string): Operation {
  const found = apiOperations().find((o) => o.method === method && o.path === path);
  if (!found) throw new Error(`no ${method} ${path}`);
  return found;
}

type Opts = { body?: unknown; token?: string | null; query?: [string, string][] };
async function call(
  method: Operation['method'],
  path: string,
  params: Record<string, string | number>,
  opts: Opts = {},
): Promise<{ status: number; json: unknown; text: string }> {
  const response = await callOperation(opOf(method, path), {
    params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
    body: opts.body,
    token: opts.token,
    query: opts.query,
  });
  const text = await response.text();
  return { status: response.status, text, json: text ? JSON.parse(text) : null };
}

async function made(path: string, body: unknown): Promise<number> {
  const res = await call('post', path, {}, { body });
  expect(res.status, res.text).toBe(201);
  return (res.json as { id: number }).id;
}

async function link(profileId: number, body: Record<string, unknown> = {}) {
  const res = await call(
    'post',
    '/api/profiles/{id}/clinician-invites',
    { id: profileId },
    { body },
  );
  expect(res.status, res.text).toBe(201);
  return res.json as { id: number; url: string; expiresAt: string; accessExpiresAt: string };
}

const accept = (invite: string, token: string) =>
  call('post', '/api/clinician-invites/accept', {}, { body: { invite }, token });
const readProfile = (id: number, token: string) =>
  call('get', '/api/profiles/{id}', { id }, { token });
const readPlan = (id: number, token: string) => call('get', '/api/plans/{id}', { id }, { token });

async function invites(profileId: number) {
  const res = await call('get', '/api/profiles/{id}/clinician-invites', { id: profileId });
  expect(res.status, res.text).toBe(200);
  return clinicianInviteListSchema.parse(res.json).items;
}

async function clinician(email: string) {
  return makeAccount(db, email, { householdId, role: 'clinician' });
}

beforeAll(async () => {
  await useFreshDatabase();
  db = openDb(dbConfigFromEnv());
  householdId = await testHouseholdId(db);
  sam = await made('/api/profiles', { name: 'Sam', protocol: 'aip', ...ROOMY_LIMITS });
  alex = await made('/api/profiles', { name: 'Alex', protocol: 'aip', ...ROOMY_LIMITS });
  const plan = (body: Record<string, unknown>) =>
    made('/api/plans', { weekStart: '2026-11-30', seed: 3, replace: true, ...body });
  samPlan = await plan({ profileId: sam });
  alexPlan = await plan({ profileId: alex, weekStart: '2026-12-07' });
  sharedPlan = await plan({ memberIds: [alex, sam], weekStart: '2026-12-14' });
  return () => db.close();
}, 180_000);

afterEach(() => {
  vi.useRealTimers();
});

describe('a clinician link', () => {
  it('gives nothing until accepted, then only the granted profile and the plans it is in', async () => {
    const dana = await clinician('dana@villi.test');
    expect((await readProfile(sam, dana.token)).status).toBe(404);
    const none = await call('get', '/api/profiles', {}, { token: dana.token });
    expect(none.json).toEqual({ items: [] });
    expect(none.text).not.toContain('Sam');

    const made = await link(sam);
    expect(made.url).toMatch(/^http:\/\/localhost\/clinician\?invite=villi_/);
    expect(Date.parse(made.expiresAt) - Date.now()).toBeGreaterThan(6.9 * DAY);
    expect(Date.parse(made.expiresAt) - Date.now()).toBeLessThanOrEqual(7 * DAY);
    expect(Date.parse(made.accessExpiresAt) - Date.now()).toBeGreaterThan(89.9 * DAY);
    const pending = (await invites(sam)).find((i) => i.id === made.id);
    expect(pending).toMatchObject({ status: 'pending', clinician: null, acceptedAt: null });
    expect(JSON.stringify(await invites(sam))).not.toContain(inviteTokenOf(made.url));

    const accepted = await accept(inviteTokenOf(made.url), dana.token);
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.json).toEqual({ profileId: sam, accessExpiresAt: made.accessExpiresAt });
    const active = (await invites(sam)).find((i) => i.id === made.id);
    expect(active).toMatchObject({
      status: 'active',
      clinician: { email: 'dana@villi.test', name: 'dana@villi.test' },
    });

    expect((await readProfile(sam, dana.token)).status).toBe(200);
    expect((await readProfile(alex, dana.token)).status).toBe(404);
    expect((await readPlan(samPlan, dana.token)).status).toBe(200);
    expect((await readPlan(sharedPlan, dana.token)).status).toBe(200);
    const alone = await readPlan(alexPlan, dana.token);
    expect(alone.status).toBe(404);
    expect(alone.text).not.toContain('Alex');
    const profiles = await call('get', '/api/profiles', {}, { token: dana.token });
    expect((profiles.json as { items: { name: string }[] }).items.map((p) => p.name)).toEqual([
      'Sam',
    ]);
    const plans = await call('get', '/api/plans', {}, { token: dana.token });
    expect((plans.json as { items: { id: number }[] }).items.map((p) => p.id).sort()).toEqual(
      [samPlan, sharedPlan].sort(),
    );
    const journal = await call(
      'get',
      '/api/profiles/{id}/journal',
      { id: sam },
      {
        token: dana.token,
      },
    );
    expect(journal.status).toBe(200);
    expect(
      (await call('get', '/api/profiles/{id}/journal', { id: alex }, { token: dana.token })).status,
    ).toBe(404);

    // on a shared plan, only the granted member's nutrition report
    const nutrition = (member: number) =>
      call(
        'get',
        '/api/plans/{id}/nutrition',
        { id: sharedPlan },
        {
          token: dana.token,
          query: [['member', String(member)]],
        },
      );
    expect((await nutrition(sam)).status).toBe(200);
    expect((await nutrition(alex)).status).toBe(404);

    // reading is all: every write is 403, as for any clinician
    const patch = await call(
      'patch',
      '/api/profiles/{id}',
      { id: sam },
      {
        body: { name: 'Renamed' },
        token: dana.token,
      },
    );
    expect(patch.status).toBe(403);
    expect(
      (
        await call(
          'post',
          '/api/profiles/{id}/clinician-invites',
          { id: sam },
          {
            body: {},
            token: dana.token,
          },
        )
      ).status,
    ).toBe(403);
    // a clinician does not read the member's log or links
    expect(
      (await call('get', '/api/profiles/{id}/access-log', { id: sam }, { token: dana.token }))
        .status,
    ).toBe(404);
    expect(
      (
        await call(
          'get',
          '/api/profiles/{id}/clinician-invites',
          { id: sam },
          {
            token: dana.token,
          },
        )
      ).status,
    ).toBe(404);

    // the same link cannot be used twice
    const again = await accept(inviteTokenOf(made.url), (await clinician('eli@villi.test')).token);
    expect(again.status).toBe(403);
    expect(again.text).toContain('already used');
  });

  it("records every read in the member's access log, newest first, and nothing else", async () => {
    const fay = await clinician('fay@villi.test');
    const made = await link(alex);
    expect((await accept(inviteTokenOf(made.url), fay.token)).status).toBe(200);
    const before = Date.now();
    await readProfile(alex, fay.token);
    await readPlan(alexPlan, fay.token);
    await call('get', '/api/plans/{id}/nutrition', { id: sharedPlan }, { token: fay.token });
    await call('get', '/api/profiles/{id}/journal', { id: alex }, { token: fay.token });
    // refused reads and writes are not reads
    await readProfile(sam, fay.token);
    await call(
      'patch',
      '/api/profiles/{id}',
      { id: alex },
      {
        body: { name: 'x' },
        token: fay.token,
      },
    );

    const res = await call('get', '/api/profiles/{id}/access-log', { id: alex });
    expect(res.status, res.text).toBe(200);
    const mine = accessLogSchema
      .parse(res.json)
      .entries.filter((e) => e.clinician.email === 'fay@villi.test');
    expect(mine.map((e) => [e.what, e.planId])).toEqual([
      ['journal', undefined],
      ['nutrition report', sharedPlan],
      ['plan', alexPlan],
      ['profile', undefined],
    ]);
    expect(Date.parse(mine[3]?.at ?? '')).toBeGreaterThanOrEqual(before - 1000);
    expect(mine.every((e) => e.clinician.name === 'fay@villi.test')).toBe(true);
    // Sam's log holds none of Fay's reads: she was never granted Sam
    const samLog = accessLogSchema.parse(
      (await call('get', '/api/profiles/{id}/access-log', { id: sam })).json,
    );
    expect(samLog.entries.some((e) => e.clinician.email === 'fay@villi.test')).toBe(false);
  });

  it('keeps naming a clinician who read and then deleted their account', async () => {
    const gus = await clinician('gus@villi.test');
    const made = await link(alex);
    expect((await accept(inviteTokenOf(made.url), gus.token)).status).toBe(200);
    expect((await readProfile(alex, gus.token)).status).toBe(200);
    const gone = await call(
      'delete',
      '/api/account',
      {},
      { body: { password: 'another-password-1' }, token: gus.token },
    );
    expect(gone.status, gone.text).toBe(204);
    const log = accessLogSchema.parse(
      (await call('get', '/api/profiles/{id}/access-log', { id: alex })).json,
    );
    expect(log.entries.filter((e) => e.clinician.email === 'gus@villi.test')).toEqual([
      expect.objectContaining({
        what: 'profile',
        clinician: { name: 'gus@villi.test', email: 'gus@villi.test' },
      }),
    ]);
  });

  it('expires: the link after 7 days unaccepted, the access after its days', async () => {
    const gus = await clinician('gus@villi.test');
    const short = await link(sam, { days: 2 });
    const unused = await link(sam);
    expect((await accept(inviteTokenOf(short.url), gus.token)).status).toBe(200);
    expect((await readProfile(sam, gus.token)).status).toBe(200);

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 2 * DAY + 60_000);
    expect((await readProfile(sam, gus.token)).status).toBe(404);
    expect((await readPlan(samPlan, gus.token)).status).toBe(404);
    const listed = await invites(sam);
    expect(listed.find((i) => i.id === short.id)?.status).toBe('expired');
    expect(listed.find((i) => i.id === unused.id)?.status).toBe('pending');

    vi.setSystemTime(Date.now() + 5 * DAY);
    expect((await invites(sam)).find((i) => i.id === unused.id)?.status).toBe('expired');
    const late = await accept(inviteTokenOf(unused.url), gus.token);
    expect(late.status).toBe(403);
    expect(late.text).toContain('has expired');
  });

  it('revoking ends the link and the access at once', async () => {
    const hal = await clinician('hal@villi.test');
    const made = await link(sam);
    const pending = await link(sam);
    expect((await accept(inviteTokenOf(made.url), hal.token)).status).toBe(200);
    expect((await readProfile(sam, hal.token)).status).toBe(200);

    const del = (id: number) =>
      call('delete', '/api/profiles/{id}/clinician-invites/{inviteId}', { id: sam, inviteId: id });
    expect((await del(made.id)).status).toBe(204);
    expect((await readProfile(sam, hal.token)).status).toBe(404);
    expect((await readPlan(sharedPlan, hal.token)).status).toBe(404);
    expect((await del(made.id)).status).toBe(404);
    // another profile's id does not reach this grant
    expect(
      (
        await call('delete', '/api/profiles/{id}/clinician-invites/{inviteId}', {
          id: alex,
          inviteId: pending.id,
        })
      ).status,
    ).toBe(404);

    expect((await del(pending.id)).status).toBe(204);
    const refused = await accept(inviteTokenOf(pending.url), hal.token);
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('revoked');
    const statuses = (await invites(sam)).filter((i) => [made.id, pending.id].includes(i.id));
    expect(statuses.map((i) => i.status)).toEqual(['revoked', 'revoked']);
  });
});

describe('accepting a link', () => {
  it('signs up a new clinician of the household, who then reads the profile', async () => {
    const made = await link(sam, { email: 'ivy@villi.test' });
    const wrong = await call(
      'post',
      '/api/auth/sign-up',
      {},
      {
        body: {
          email: 'other@villi.test',
          password: 'clinician-pass-1',
          invite: inviteTokenOf(made.url),
        },
        token: null,
      },
    );
    expect(wrong.status).toBe(403);
    expect(wrong.text).toContain('another email address');

    const res = await call(
      'post',
      '/api/auth/sign-up',
      {},
      {
        body: {
          email: 'ivy@villi.test',
          password: 'clinician-pass-1',
          name: 'Dr Ivy',
          invite: inviteTokenOf(made.url),
        },
        token: null,
      },
    );
    expect(res.status, res.text).toBe(201);
    const user = await findUserByEmail(db, 'ivy@villi.test');
    expect(user && (await membershipOf(db, user.id))).toMatchObject({
      householdId,
      role: 'clinician',
    });
    expect((await invites(sam)).find((i) => i.id === made.id)).toMatchObject({
      status: 'active',
      clinician: { name: 'Dr Ivy', email: 'ivy@villi.test' },
    });
  });

  it('refuses an account of another household (409), an owner (409) and unknown links (403)', async () => {
    const made = await link(sam);
    const token = inviteTokenOf(made.url);
    const outsider = await makeAccount(db, 'outsider@villi.test');
    const other = await accept(token, outsider.token);
    expect(other.status).toBe(409);
    expect(other.text).toContain('one household');
    const owner = await call(
      'post',
      '/api/clinician-invites/accept',
      {},
      { body: { invite: token } },
    );
    expect(owner.status).toBe(409);
    const unknown = await accept('villi_not-a-link', (await clinician('jo@villi.test')).token);
    expect(unknown.status).toBe(403);
    expect(unknown.text).toContain('not known');
    // none of these used the link
    expect((await invites(sam)).find((i) => i.id === made.id)?.status).toBe('pending');
  });

  it('is managed by the member themselves or an owner only', async () => {
    const member = await makeAccount(db, 'kim@villi.test', { householdId, role: 'member' });
    const res = await call(
      'post',
      '/api/profiles/{id}/clinician-invites',
      { id: sam },
      {
        body: {},
        token: member.token,
      },
    );
    // another member's profile is not theirs to see, so not found (members see their own only)
    expect(res.status).toBe(404);
    const outsider = await makeAccount(db, 'lee@villi.test');
    expect(
      (await call('get', '/api/profiles/{id}/access-log', { id: sam }, { token: outsider.token }))
        .status,
    ).toBe(404);
  });
});
