import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readEnv } from '../lib/env';
import { type Db, openDb } from './client';

const MIGRATIONS = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Applies every committed migration that the database has not seen yet. */
export function migrateDb(db: Db): void {
  migrate(db, { migrationsFolder: MIGRATIONS });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { DATABASE_PATH } = readEnv(process.env);
  const db = openDb(DATABASE_PATH);
  migrateDb(db);
  db.$client.close();
  console.log(`migrated ${DATABASE_PATH}`);
}
