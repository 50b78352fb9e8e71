import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { POST as signIn } from '@/app/api/auth/sign-in/route';
import { GET as searchFoods } from '@/app/api/foods/route';
import { GET as exportPlan } from '@/app/api/plans/[id]/export/route';
import { GET as getPlan } from '@/app/api/plans/[id]/route';
import { POST as createPlan } from '@/app/api/plans/route';
import { PUT as pantryIn } from '@/app/api/profiles/[id]/pantry/[ndb]/route';
import {
  DELETE as deleteProfile,
  GET as getProfile,
  PATCH as patchProfile,
} from '@/app/api/profiles/[id]/route';
import { POST as createProfile } from '@/app/api/profiles/route';
import { GET as listRecipes } from '@/app/api/recipes/route';
import { authHeaders, jsonRequest, useFreshDatabase } from '../support/db';
import { ROOMY_LIMITS } from '../support/profiles';
import { TEST_OWNER } from '../support/test-owner';

type ErrorBody = {
  error: { code: string; message: string; fieldErrors?: Record<string, string[]> };
};

const WEEK = '2026-11-30';
const pctx = (id: string | number) => ({ params: Promise.resolve({ id: String(id) }) });
const PROFILE = { name: 'Doors', protocol: 'six-food', phase: 'elimination', ...ROOMY_LIMITS };

/**
 * The test owner's bearer token goes with a request that carries no cookie, Origin or
 * Sec-Fetch-Site of its own (a script); those that do test the origin rule as they are.
 */
function req(url: string, init: RequestInit = {}): Request {
  const headers = new Headers(init.headers);
  const own = ['cookie', 'origin', 'sec-fetch-site', 'authorization'].some((h) => headers.has(h));
  if (!own) for (const [k, v] of Object.entries(authHeaders())) headers.set(k, v);
  return new Request(url, { ...init, headers });
}

function post(url: string, body: string, headers: Record<string, string>): Request {
  return req(`http://localhost${url}`, { method: 'POST', headers, body });
}

async function errorOf(res: Response): Promise<ErrorBody['error']> {
  const body = (await res.json()) as ErrorBody;
  expect(typeof body.error.message).toBe('string');
  return body.error;
}

let profileId: number;
let planId: number;

/** A real session cookie of the test owner (signed in through the API). */
let session: string;

beforeAll(async () => {
  await useFreshDatabase();
  const signedIn = await signIn(
    new Request('http://localhost/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: TEST_OWNER.email, password: TEST_OWNER.password }),
    }),
  );
  session = (signedIn.headers.getSetCookie()[0] ?? '').split(';')[0] as string;
  const res = await createProfile(jsonRequest('/api/profiles', 'POST', PROFILE));
  expect(res.status).toBe(201);
  profileId = ((await res.json()) as { id: number }).id;
  const plan = await createPlan(
    jsonRequest('/api/plans', 'POST', { profileId, weekStart: WEEK, seed: 2 }),
  );
  expect(plan.status).toBe(201);
  planId = ((await plan.json()) as { id: number }).id;
});

const savedEnv = { ...process.env };
afterEach(() => {
  for (const k of ['VILLI_ALLOWED_HOSTS', 'VILLI_TRUST_PROXY']) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
});

describe('writes need a JSON body', () => {
  it('refuses text/plain (what a cross-site form or beacon sends) with 403', async () => {
    const res = await createProfile(
      post('/api/profiles', JSON.stringify(PROFILE), { 'content-type': 'text/plain' }),
    );
    expect(res.status).toBe(403);
    expect((await errorOf(res)).message).toMatch(/application\/json/);
  });

  it('refuses a form encoding and a body without a type', async () => {
    const form = await createProfile(
      post('/api/profiles', 'name=x', { 'content-type': 'application/x-www-form-urlencoded' }),
    );
    expect(form.status).toBe(403);
    const none = req('http://localhost/api/profiles', {
      method: 'POST',
      body: new TextEncoder().encode(JSON.stringify(PROFILE)),
    });
    expect((await createProfile(none)).status).toBe(403);
  });

  it('accepts application/json with a charset', async () => {
    const res = await createProfile(
      post('/api/profiles', JSON.stringify({ name: 'Charset' }), {
        'content-type': 'application/json; charset=utf-8',
      }),
    );
    expect(res.status).toBe(201);
  });

  it('lets a write without a body through without a type (PUT pantry)', async () => {
    const res = await pantryIn(req('http://localhost', { method: 'PUT' }), {
      params: Promise.resolve({ id: String(profileId), ndb: '01001' }),
    });
    expect(res.status).toBe(200);
  });
});

describe('writes from another site', () => {
  const json = { 'content-type': 'application/json' };
  const body = JSON.stringify({ name: 'Origin test' });

  it('refuses a cookie-carrying write without proof of origin', async () => {
    const res = await createProfile(post('/api/profiles', body, { ...json, cookie: session }));
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe('cross_origin_write');
  });

  it('refuses a cross-site Origin, with or without cookies', async () => {
    for (const extra of [{}, { cookie: session }] as Record<string, string>[]) {
      const res = await createProfile(
        post('/api/profiles', body, { ...json, ...extra, origin: 'https://evil.example' }),
      );
      expect(res.status).toBe(403);
    }
    const sfs = await createProfile(
      post('/api/profiles', body, { ...json, 'sec-fetch-site': 'cross-site' }),
    );
    expect(sfs.status).toBe(403);
    const nullOrigin = await deleteProfile(
      req('http://localhost/api/profiles/1', {
        method: 'DELETE',
        headers: { origin: 'null' },
      }),
      pctx(1),
    );
    expect(nullOrigin.status).toBe(403);
  });

  it('accepts a cookie-carrying write from the same origin or Sec-Fetch-Site same-origin/none', async () => {
    const sameOrigin = await createProfile(
      post('/api/profiles', body, {
        ...json,
        cookie: session,
        host: 'localhost:3105',
        origin: 'http://localhost:3105',
      }),
    );
    expect(sameOrigin.status).toBe(201);
    for (const site of ['same-origin', 'none']) {
      const res = await createProfile(
        post('/api/profiles', body, { ...json, cookie: session, 'sec-fetch-site': site }),
      );
      expect(res.status).toBe(201);
    }
  });

  it('exempts a bearer-token request from the origin check', async () => {
    const res = await createProfile(
      post('/api/profiles', body, {
        ...json,
        cookie: session,
        origin: 'https://elsewhere.example',
        ...authHeaders(),
      }),
    );
    expect(res.status).toBe(201);
    // exempt from the origin rule, not from authentication: an unknown token is 401
    const unknown = await createProfile(
      post('/api/profiles', body, {
        ...json,
        origin: 'https://elsewhere.example',
        authorization: 'Bearer abc123',
      }),
    );
    expect(unknown.status).toBe(401);
  });

  it('lets a script with a token and neither cookies nor Origin write', async () => {
    expect((await createProfile(post('/api/profiles', body, json))).status).toBe(201);
  });
});

describe('request size', () => {
  const big = JSON.stringify({ name: 'x'.repeat(1024 * 1024) });

  it('refuses a Content-Length above 1 MB with 413 before reading', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    const res = await createProfile(
      req('http://localhost/api/profiles', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(big.length) },
        body: stream,
        duplex: 'half',
      } as RequestInit),
    );
    expect(res.status).toBe(413);
    expect((await errorOf(res)).code).toBe('payload_too_large');
    // the body was never read: only what the stream queued up front
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it('stops reading a body of unknown length at 1 MB with 413', async () => {
    let sent = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        sent += chunk.byteLength;
        c.enqueue(chunk);
      },
    });
    const res = await createProfile(
      req('http://localhost/api/profiles', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        body: endless,
        duplex: 'half',
      } as RequestInit),
    );
    expect(res.status).toBe(413);
    expect(sent).toBeLessThan(2 * 1024 * 1024);
  });

  it('reads a body just under the limit', async () => {
    const name = 'y'.repeat(60);
    const padded = `${JSON.stringify({ name })}${' '.repeat(1024 * 1024 - 200)}`;
    const res = await createProfile(
      post('/api/profiles', padded, { 'content-type': 'application/json' }),
    );
    expect(res.status).toBe(201);
  });
});

describe('hosts', () => {
  it('answers 421 for a Host outside VILLI_ALLOWED_HOSTS', async () => {
    const res = await searchFoods(
      req('http://localhost/api/foods?limit=1', { headers: { host: 'evil.example' } }),
    );
    expect(res.status).toBe(421);
    expect((await errorOf(res)).message).toMatch(/evil\.example/);
  });

  it('answers the default hosts on any port', async () => {
    for (const host of ['localhost', 'localhost:3105', '127.0.0.1:80', '[::1]:3000']) {
      const res = await searchFoods(
        req('http://localhost/api/foods?limit=1', { headers: { host } }),
      );
      expect(res.status, host).toBe(200);
    }
  });

  it('answers the names VILLI_ALLOWED_HOSTS lists, and only those', async () => {
    process.env.VILLI_ALLOWED_HOSTS = 'villi.example, 10.0.0.5:8080';
    const at = (host: string) =>
      searchFoods(req('http://localhost/api/foods?limit=1', { headers: { host } }));
    expect((await at('villi.example:443')).status).toBe(200);
    expect((await at('10.0.0.5:8080')).status).toBe(200);
    expect((await at('10.0.0.5:9090')).status).toBe(421);
    expect((await at('localhost:3000')).status).toBe(421);
  });
});

describe('export links', () => {
  const exportMd = (headers: Record<string, string>) =>
    exportPlan(
      req(`http://localhost/api/plans/${planId}/export?format=md`, { headers }),
      pctx(planId),
    );

  it('ignore X-Forwarded-Host/Proto unless VILLI_TRUST_PROXY=true', async () => {
    const res = await exportMd({
      host: 'localhost:3105',
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'https',
    });
    expect(res.status).toBe(200);
    const md = await res.text();
    expect(md).toContain('http://localhost:3105/recipes/');
    expect(md).not.toContain('evil.example');
  });

  it('follow a trusted proxy’s forwarded host, which must itself be allowed', async () => {
    process.env.VILLI_TRUST_PROXY = 'true';
    process.env.VILLI_ALLOWED_HOSTS = 'villi.example';
    const res = await exportMd({
      host: '127.0.0.1:3000',
      'x-forwarded-host': 'villi.example',
      'x-forwarded-proto': 'https',
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('https://villi.example/recipes/');
    const evil = await exportMd({ host: '127.0.0.1:3000', 'x-forwarded-host': 'evil.example' });
    expect(evil.status).toBe(421);
  });
});

describe('strict ids', () => {
  const odd = ['0x2ad', '[685]', ' 685 ', '1e2', '01', '+5', '685.0', '-1', '0', '', '９'];

  it.each(odd)('path id %j is a 400 naming id', async (id) => {
    for (const call of [
      () => getProfile(req('http://localhost'), pctx(id)),
      () => getPlan(req('http://localhost'), pctx(id)),
    ]) {
      const res = await call();
      expect(res.status).toBe(400);
      expect((await errorOf(res)).fieldErrors).toHaveProperty('id');
    }
  });

  it('reads a canonical id', async () => {
    expect((await getProfile(req('http://localhost'), pctx(String(profileId)))).status).toBe(200);
  });

  it('refuses a profileId in a body that is not a JSON integer', async () => {
    for (const bad of [String(profileId), [profileId], `0x${profileId.toString(16)}`, 1.5, true]) {
      const res = await createPlan(
        jsonRequest('/api/plans', 'POST', { profileId: bad, weekStart: WEEK, replace: true }),
      );
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect((await errorOf(res)).fieldErrors).toHaveProperty('profileId');
    }
  });
});

describe('names', () => {
  const bad = [
    'Ann\u0000',
    'Ann\u0007e',
    'Ann\u001be',
    'A\u007fnn',
    'A\u0085nn',
    'Ann\u202eevil',
    'Ann\u202a',
    '\u2066Ann\u2069',
    'Ann\u2067x',
    'Ann\ne',
  ];

  it.each(bad)('a profile name with %j is a 400 naming name', async (name) => {
    const res = await createProfile(jsonRequest('/api/profiles', 'POST', { name }));
    expect(res.status).toBe(400);
    expect((await errorOf(res)).fieldErrors).toHaveProperty('name');
    const patch = await patchProfile(
      jsonRequest(`/api/profiles/${profileId}`, 'PATCH', { name }),
      pctx(profileId),
    );
    expect(patch.status).toBe(400);
    expect((await errorOf(patch)).fieldErrors).toHaveProperty('name');
  });

  it('keeps names in any script', async () => {
    for (const name of ['Zoë', 'سارا', 'Дарья', '陈静', 'Ana-María O’Neil']) {
      const res = await createProfile(jsonRequest('/api/profiles', 'POST', { name }));
      expect(res.status, name).toBe(201);
    }
  });
});

describe('weekStart', () => {
  it.each(['1999-12-27', '2101-01-03', '0001-01-01', '9999-12-27'])(
    '%s (a Monday) is outside 2000–2100: 400',
    async (weekStart) => {
      const res = await createPlan(jsonRequest('/api/plans', 'POST', { profileId, weekStart }));
      expect(res.status).toBe(400);
      expect((await errorOf(res)).fieldErrors).toHaveProperty('weekStart');
    },
  );

  it('plans a week inside the range', async () => {
    const res = await createPlan(
      jsonRequest('/api/plans', 'POST', { profileId, weekStart: '2100-12-27', seed: 1 }),
    );
    expect(res.status).toBe(201);
  });
});

describe('query values', () => {
  it.each([
    'group=__proto__',
    'group=constructor',
    'group=toString',
    '__proto__=1',
    'constructor=x',
    'q=hasOwnProperty',
    'tag=__proto__',
  ])('%s is a 400', async (query) => {
    const res = await searchFoods(req(`http://localhost/api/foods?${query}`));
    expect(res.status).toBe(400);
    await errorOf(res);
  });

  it('still answers a real food group', async () => {
    const res = await searchFoods(req('http://localhost/api/foods?group=0100&limit=1'));
    expect(res.status).toBe(200);
  });

  it.each(['q=%E0%A4%A', 'q=%', 'q=abc%zz', '%ff=1'])(
    'malformed percent-encoding %s is a 400 JSON error',
    async (query) => {
      for (const route of [searchFoods, listRecipes]) {
        const path = route === searchFoods ? 'foods' : 'recipes';
        const res = await route(req(`http://localhost/api/${path}?${query}`));
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toMatch(/application\/json/);
        await errorOf(res);
      }
    },
  );
});
