import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDb } from '../../db/client';

let counter = 0;

/** A private copy of the seeded template database, made the app's database for this file. */
export function useFreshDatabase(): string {
  const template =
    process.env.VILLI_TEST_DB_TEMPLATE ?? join(process.cwd(), '.tmp', 'test-template.db');
  const dir = join(process.cwd(), '.tmp');
  mkdirSync(dir, { recursive: true });
  // Checkpoint so the copy holds every committed page.
  const t = openDb(template);
  t.$client.pragma('wal_checkpoint(TRUNCATE)');
  t.$client.close();
  const path = join(dir, `test-${process.pid}-${Date.now()}-${counter++}.db`);
  copyFileSync(template, path);
  process.env.DATABASE_PATH = path;
  return path;
}

export function jsonRequest(url: string, method: string, body?: unknown): Request {
  return new Request(`http://localhost${url}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}
