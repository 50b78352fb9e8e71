import { request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';

/** One raw HTTP request, so the method, Host and URL are exactly what a client sends. */
function raw(
  baseURL: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}> {
  const url = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, method, path, headers },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (d: Buffer) => parts.push(d));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(parts).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const errorCode = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code;

/** The doors on the real `npm start` server: the proxy, the start script's guard, next.config. */
test.describe('the doors of the running server', () => {
  test('a page hydrates under its nonce CSP and carries the security headers', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const res = await page.goto('/foods');
    const headers = res?.headers() ?? {};
    expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['x-powered-by']).toBeUndefined();
    // the Next runtime ran: its scripts carried the nonce
    await expect.poll(() => page.evaluate(() => 'next' in window)).toBe(true);
    // a client-side navigation works (React hydrated the links)
    await page.getByRole('link', { name: 'Recipes' }).first().click();
    await expect(page).toHaveURL(/\/recipes/);
    expect(violations).toEqual([]);
  });

  test('API responses carry the headers and no X-Powered-By', async ({ request }) => {
    const res = await request.get('/api/health');
    expect(res.headers()['content-security-policy']).toMatch(/^default-src 'none'/);
    expect(res.headers()['x-content-type-options']).toBe('nosniff');
    expect(res.headers()['x-powered-by']).toBeUndefined();
  });

  test('TRACE is a 405 with the route’s Allow and the error body', async ({ baseURL }) => {
    const res = await raw(baseURL as string, 'TRACE', '/api/profiles');
    expect(res.status).toBe(405);
    expect(String(res.headers.allow).split(', ').sort()).toEqual([
      'GET',
      'HEAD',
      'OPTIONS',
      'POST',
    ]);
    expect(errorCode(res.body)).toBe('method_not_allowed');
  });

  test('another Host is a 421', async ({ baseURL }) => {
    const res = await raw(baseURL as string, 'GET', '/api/health', { host: 'rebound.example' });
    expect(res.status).toBe(421);
    expect(errorCode(res.body)).toBe('host_not_allowed');
  });

  test('malformed percent-encoding in the query is a JSON 400', async ({ baseURL }) => {
    const res = await raw(baseURL as string, 'GET', '/api/foods?q=%E0%A4%A');
    expect(res.status).toBe(400);
    expect(errorCode(res.body)).toBe('invalid_request');
  });

  test('a text/plain write is 403 and a 2 MB body is 413', async ({ request }) => {
    const text = await request.post('/api/profiles', {
      headers: { 'content-type': 'text/plain' },
      data: JSON.stringify({ name: 'Cross-site' }),
    });
    expect(text.status()).toBe(403);
    const big = await request.post('/api/profiles', {
      headers: { 'content-type': 'application/json' },
      data: `{"name":"${'x'.repeat(2 * 1024 * 1024)}"}`,
    });
    expect(big.status()).toBe(413);
  });
});
