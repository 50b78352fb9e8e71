import { type Db, type Engine, openDb } from '../../db/client';
import {
  createDatabase,
  databaseUrl,
  dropDatabases,
  uniqueName,
} from '../../scripts/with-postgres';
import { runSeed } from '../../seeds/seed';
import { useFreshDatabase } from './db';

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL names a server (a superuser URL). */
export const TEST_ENGINES: Engine[] = process.env.TEST_DATABASE_URL
  ? ['sqlite', 'postgres']
  : ['sqlite'];

export type OwnDb = { db: Db; release(): Promise<void> };

let counter = 0;

async function ownPostgresDb(): Promise<OwnDb> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) throw new Error('TEST_DATABASE_URL is not set');
  const name = uniqueName(`test_seed_${counter++}`);
  await createDatabase(server, name);
  const config = { url: databaseUrl(server, name), path: '' };
  await runSeed(config, false);
  const db = openDb(config);
  return {
    db,
    async release() {
      await db.close();
      await dropDatabases(server, name);
    },
  };
}

/**
 * A seeded database this test has to itself: a copy of the seeded SQLite template, or a new
 * PostgreSQL database on the TEST_DATABASE_URL server, migrated and seeded here. `release`
 * closes it (and drops the PostgreSQL one).
 */
export function ownSeededDb(engine: Engine): Promise<OwnDb> {
  const open: Record<Engine, () => Promise<OwnDb>> = {
    sqlite: async () => {
      const db = openDb(useFreshDatabase());
      return { db, release: () => db.close() };
    },
    postgres: ownPostgresDb,
  };
  return open[engine]();
}
