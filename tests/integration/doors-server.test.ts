import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApiProcess } from '../support/api-process';
import { authHeaders, useFreshDatabase } from '../support/db';

type Answer = { status: number; body: string };

/** One raw HTTP request, so Host and chunked bodies are exactly what a client would send. */
function raw(
  base: string,
  opts: { method: string; path: string; headers: Record<string, string>; chunks?: Buffer[] },
): Promise<Answer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: opts.method,
        path: opts.path,
        headers: opts.headers,
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (d: Buffer) => parts.push(d));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString() }),
        );
      },
    );
    req.on('error', reject);
    for (const c of opts.chunks ?? []) req.write(c);
    req.end();
  });
}

const errorCode = (a: Answer) => (JSON.parse(a.body) as { error: { code: string } }).error.code;

/** The doors over real sockets: the app's route handlers served by a bare HTTP server. */
describe('the doors on a running server', () => {
  let api: ApiProcess;

  beforeAll(async () => {
    await useFreshDatabase();
    api = await startApiProcess({
      DATABASE_URL: process.env.DATABASE_URL,
      DATABASE_PATH: process.env.DATABASE_PATH,
    });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('answers its own host and refuses another with 421', async () => {
    const port = new URL(api.url).port;
    const ok = await raw(api.url, {
      method: 'GET',
      path: '/api/protocols',
      headers: { host: `localhost:${port}`, ...authHeaders() },
    });
    expect(ok.status).toBe(200);
    const evil = await raw(api.url, {
      method: 'GET',
      path: '/api/protocols',
      headers: { host: 'rebound.example' },
    });
    expect(evil.status).toBe(421);
    expect(errorCode(evil)).toBe('host_not_allowed');
  });

  it('refuses a text/plain write with 403 and saves nothing', async () => {
    const before = (await (
      await fetch(`${api.url}/api/profiles`, { headers: authHeaders() })
    ).json()) as { items: unknown[] };
    const res = await fetch(`${api.url}/api/profiles`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ name: 'Sneaky' }),
    });
    expect(res.status).toBe(403);
    const after = (await (
      await fetch(`${api.url}/api/profiles`, { headers: authHeaders() })
    ).json()) as { items: unknown[] };
    expect(after.items).toHaveLength(before.items.length);
  });

  it('refuses a declared body above 1 MB with 413', async () => {
    const body = Buffer.alloc(1024 * 1024 + 1, 0x20);
    const res = await raw(api.url, {
      method: 'POST',
      path: '/api/profiles',
      headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
      chunks: [body],
    });
    expect(res.status).toBe(413);
    expect(errorCode(res)).toBe('payload_too_large');
  });

  it('refuses a chunked body above 1 MB with 413', async () => {
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    const res = await raw(api.url, {
      method: 'POST',
      path: '/api/profiles',
      headers: {
        'content-type': 'application/json',
        'transfer-encoding': 'chunked',
        ...authHeaders(),
      },
      chunks: [chunk, chunk, chunk, chunk, chunk],
    });
    expect(res.status).toBe(413);
  });

  it('reads a chunked JSON body under the limit', async () => {
    const res = await raw(api.url, {
      method: 'POST',
      path: '/api/profiles',
      headers: {
        'content-type': 'application/json',
        'transfer-encoding': 'chunked',
        ...authHeaders(),
      },
      chunks: [Buffer.from('{"name":'), Buffer.from('"Chunked"}')],
    });
    expect(res.status).toBe(201);
  });
});
