import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { createDatabase, databaseUrl } from '../../scripts/with-postgres';
import { TEMPLATE_KEY } from './template';

let counter = 0;

/**
 * A private copy of the project's seeded template database, made the app's database for this
 * file: SQLite sets DATABASE_PATH, PostgreSQL DATABASE_URL. Open it with
 * `openDb(dbConfigFromEnv())`; the global teardown removes it.
 */
export async function useFreshDatabase(): Promise<void> {
  const t = inject(TEMPLATE_KEY);
  const copy = `${process.pid}_${counter++}`;
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

export function jsonRequest(url: string, method: string, body?: unknown): Request {
  return new Request(`http://localhost${url}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}
