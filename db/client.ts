import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { readEnv } from '../lib/env';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Opens (creating if needed) a SQLite file with WAL, foreign keys and a busy timeout. */
export function openDb(path: string): Db {
  const file = path === ':memory:' ? path : resolve(path);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return drizzle({ client: sqlite, schema }) as Db;
}

const globalForDb = globalThis as unknown as { villiDb?: Db; villiDbPath?: string };

/** The app's shared handle, cached on globalThis so dev reloads reuse one connection. */
export function getDb(): Db {
  const { DATABASE_PATH } = readEnv(process.env);
  if (!globalForDb.villiDb || globalForDb.villiDbPath !== DATABASE_PATH) {
    globalForDb.villiDb = openDb(DATABASE_PATH);
    globalForDb.villiDbPath = DATABASE_PATH;
  }
  return globalForDb.villiDb;
}
