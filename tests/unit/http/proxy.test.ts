import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it } from 'vitest';
import { RAW_URL_HEADER, RENAMED_METHOD_PREFIX } from '@/lib/http/doors';
import { routeEntries, routeOf } from '@/lib/http/route-table';
import { proxy } from '@/proxy';

const BASE = 'http://127.0.0.1:3105';

function req(path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  return new NextRequest(`${BASE}${path}`, {
    method: init.method ?? 'GET',
    headers: { host: '127.0.0.1:3105', ...init.headers },
  });
}

async function errorOf(res: Response) {
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error;
}

const passes = (res: Response) => res.headers.get('x-middleware-next') === '1';

const saved = process.env.VILLI_ALLOWED_HOSTS;
afterEach(() => {
  if (saved === undefined) delete process.env.VILLI_ALLOWED_HOSTS;
  else process.env.VILLI_ALLOWED_HOSTS = saved;
});

function expectSecurityHeaders(res: Response) {
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
}

describe('proxy: security headers', () => {
  it('gives a page a CSP whose script nonce is fresh per request and handed to Next', () => {
    const a = proxy(req('/plans'));
    const b = proxy(req('/plans'));
    expect(passes(a)).toBe(true);
    expectSecurityHeaders(a);
    const csp = a.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(csp).toMatch(/script-src [^;]*'strict-dynamic'/);
    expect(csp).not.toMatch(/script-src [^;]*'unsafe-inline'/);
    // Next reads the nonce from the forwarded request's CSP header
    expect(a.headers.get('x-middleware-request-content-security-policy')).toBe(csp);
    expect(b.headers.get('content-security-policy')).not.toBe(csp);
  });

  it('gives an API response a CSP that allows nothing', () => {
    const res = proxy(req('/api/profiles'));
    expect(passes(res)).toBe(true);
    expectSecurityHeaders(res);
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
  });

  it('puts the headers on refusals too', async () => {
    const res = proxy(req('/api/profiles', { headers: { host: 'evil.example' } }));
    expect(res.status).toBe(421);
    expectSecurityHeaders(res);
    await errorOf(res);
  });
});

describe('proxy: hosts', () => {
  it('refuses a Host outside VILLI_ALLOWED_HOSTS on pages and API alike', async () => {
    for (const path of ['/', '/plans', '/api/health', '/_next/static/x.js']) {
      const res = proxy(req(path, { headers: { host: 'attacker.example:3105' } }));
      expect(res.status, path).toBe(421);
      expect((await errorOf(res)).code).toBe('host_not_allowed');
    }
  });

  it('answers the names the variable lists', () => {
    process.env.VILLI_ALLOWED_HOSTS = 'villi.example';
    expect(passes(proxy(req('/', { headers: { host: 'villi.example' } })))).toBe(true);
    expect(proxy(req('/', { headers: { host: '127.0.0.1:3105' } })).status).toBe(421);
  });
});

describe('proxy: methods', () => {
  // A TRACE cannot become a Request: scripts/method-guard.mjs renames it before Next sees it.
  const TRACE = `${RENAMED_METHOD_PREFIX}TRACE`;

  it('answers TRACE with 405, the route’s Allow and the error body', async () => {
    const res = proxy(req('/api/profiles', { method: TRACE }));
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')?.split(', ').sort()).toEqual(
      ['GET', 'HEAD', 'OPTIONS', 'POST'].sort(),
    );
    const error = await errorOf(res);
    expect(error.code).toBe('method_not_allowed');
    expect(error.message).toMatch(/^TRACE is not allowed/);
  });

  it('renames TRACE in the start script’s guard with the prefix the proxy reads', () => {
    const guard = readFileSync(join(process.cwd(), 'scripts', 'method-guard.mjs'), 'utf8');
    expect(guard).toContain(`RENAMED_METHOD_PREFIX = '${RENAMED_METHOD_PREFIX}'`);
    expect(guard).toContain(`RAW_URL_HEADER = '${RAW_URL_HEADER}'`);
    expect(readFileSync(join(process.cwd(), 'scripts', 'start.mjs'), 'utf8')).toContain(
      './scripts/method-guard.mjs',
    );
  });

  it('answers a method the route lacks with 405 listing the route’s own methods', () => {
    const put = proxy(req('/api/plans/12', { method: 'PUT' }));
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    const del = proxy(req('/api/profiles/3/journal/2026-12-01', { method: 'DELETE' }));
    expect(passes(del)).toBe(true);
    const propfind = proxy(req('/api/foods', { method: 'PROPFIND' }));
    expect(propfind.status).toBe(405);
  });

  it('answers writes to a page with 405 (Allow: GET, HEAD)', () => {
    for (const method of ['POST', 'DELETE', `${RENAMED_METHOD_PREFIX}TRACE`]) {
      const res = proxy(req('/profile', { method }));
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD');
    }
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const res = proxy(req('/api/nope'));
    expect(res.status).toBe(404);
    await errorOf(res);
  });
});

describe('proxy: encodings and API writes', () => {
  it.each(['/api/profiles/%E0%A4%A', '/api/foods?q=%', '/plans/%zz', '/recipes?x=%C3'])(
    'answers malformed percent-encoding in %s with a JSON 400',
    async (path) => {
      const res = proxy(req(path));
      expect(res.status).toBe(400);
      await errorOf(res);
    },
  );

  it('reads the query as the client sent it, which Next re-encodes before the proxy', async () => {
    const res = proxy(
      req('/api/foods?q=%EF%BF%BD', { headers: { [RAW_URL_HEADER]: '/api/foods?q=%E0%A4%A' } }),
    );
    expect(res.status).toBe(400);
    await errorOf(res);
    const fine = proxy(
      req('/api/foods?q=caf%C3%A9', { headers: { [RAW_URL_HEADER]: '/api/foods?q=caf%C3%A9' } }),
    );
    expect(passes(fine)).toBe(true);
  });

  it('refuses a non-JSON write body and a cookie write from another site', async () => {
    const text = proxy(
      req('/api/profiles', {
        method: 'POST',
        headers: { 'content-type': 'text/plain', 'content-length': '10' },
      }),
    );
    expect(text.status).toBe(403);
    const regenerateFrom = (origin: string) =>
      proxy(
        req('/api/plans/1/regenerate', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': '16',
            cookie: 'session=1',
            origin,
          },
        }),
      );
    const cross = regenerateFrom('https://evil.example');
    expect(cross.status).toBe(403);
    expect((await errorOf(cross)).code).toBe('cross_origin_write');
    const same = regenerateFrom(BASE);
    expect(passes(same)).toBe(true);
  });

  it('refuses a declared body above 1 MB with 413', async () => {
    const res = proxy(
      req('/api/profiles', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(1024 * 1024 + 1) },
      }),
    );
    expect(res.status).toBe(413);
    expect((await errorOf(res)).code).toBe('payload_too_large');
  });
});

describe('the route table', () => {
  const apiRoot = join(process.cwd(), 'app', 'api');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? files(p) : n === 'route.ts' ? [p] : [];
    });

  it('lists exactly the methods each route file exports, from the OpenAPI document', () => {
    const onDisk = files(apiRoot).map((f) => {
      const segments = relative(apiRoot, f).split(sep).slice(0, -1);
      const template = `/api/${segments.map((s) => s.replace(/^\[(.+)\]$/, '{$1}')).join('/')}`;
      const src = readFileSync(f, 'utf8');
      const methods = [
        ...src.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g),
      ]
        .map((m) => m[1])
        .sort();
      return { template, methods };
    });
    const table = routeEntries().filter((e) => e.kind === 'api');
    expect(
      table
        .map((e) => ({ template: e.template, methods: [...e.methods].sort() }))
        .sort((a, b) => a.template.localeCompare(b.template)),
    ).toEqual(onDisk.sort((a, b) => a.template.localeCompare(b.template)));
  });

  it('prefers a literal segment over a parameter', () => {
    expect(routeOf('/api/plans')?.template).toBe('/api/plans');
    expect(routeOf('/api/plans/7')?.template).toBe('/api/plans/{id}');
    expect(routeOf('/api/docs')?.kind).toBe('page');
  });
});
