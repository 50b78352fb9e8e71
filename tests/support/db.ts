import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { Db } from '../../db/client';
import { findUserByEmail, membershipOf } from '../../db/queries/accounts';
import { createDatabase, databaseUrl } from '../../scripts/with-postgres';
import { TEMPLATE_KEY } from './template';
import { TEST_OWNER, TEST_TOKEN_ENV } from './test-owner';

let counter = 0;

/**
 * A private copy of the project's seeded template database, made the app's database for this
 * file: SQLite sets DATABASE_PATH, PostgreSQL DATABASE_URL. Open it with
 * `openDb(dbConfigFromEnv())`; the global teardown removes it.
 */
export async function useFreshDatabase(): Promise<void> {
  const t = inject(TEMPLATE_KEY);
  const copy = `${process.pid}_${counter++}`;
  process.env[TEST_TOKEN_ENV] = t.token;
  if (t.engine === 'postgres') {
    const name = `${t.template}_${copy}`;
    await createDatabase(t.server, name, t.template);
    process.env.DATABASE_URL = databaseUrl(t.server, name);
    return;
  }
  const path = join(t.dir, `${t.run}-${copy}.db`);
  copyFileSync(t.template, path);
  process.env.DATABASE_PATH = path;
  delete process.env.DATABASE_URL;
}

/** The household of the test owner (every profile the API makes in a test joins it). */
export async function testHouseholdId(db: Db): Promise<number> {
  const user = await findUserByEmail(db, TEST_OWNER.email);
  const m = user ? await membershipOf(db, user.id) : null;
  if (!m) throw new Error('the test database has no owner');
  return m.householdId;
}

/** The test owner's `Authorization: Bearer` header (set by useFreshDatabase). */
export function authHeaders(): Record<string, string> {
  const token = process.env[TEST_TOKEN_ENV];
  if (!token) throw new Error('no test token: call useFreshDatabase() first');
  return { authorization: `Bearer ${token}` };
}

/** A request to an API handler as the test owner; `init.headers` add to (or replace) theirs. */
export function authedRequest(url: string, init: RequestInit = {}): Request {
  const headers = new Headers(authHeaders());
  for (const [k, v] of new Headers(init.headers)) headers.set(k, v);
  return new Request(url.startsWith('http') ? url : `http://localhost${url}`, { ...init, headers });
}

export function jsonRequest(url: string, method: string, body?: unknown): Request {
  return new Request(`http://localhost${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...authHeaders() },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}
