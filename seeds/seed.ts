/**
 * Seeds the database from the files under seeds/. Idempotent; prints counts per table.
 * `--if-needed` seeds only an empty database or one seeded from different data.
 */
import { fileURLToPath } from 'node:url';
import { type DbConfig, dbConfigFromEnv, openDb } from '../db/client';
import { migrateDb } from '../db/migrate';
import { isSeeded, seedDatabase, storedSeedHash } from './load/seed-database';
import { hashSeedData } from './load/source-files';

/** What to call the database in messages: the file, or the PostgreSQL database without credentials. */
function databaseName(config: DbConfig): string {
  if (!config.url) return config.path;
  const url = new URL(config.url);
  return `PostgreSQL ${url.host}${url.pathname}`;
}

export async function runSeed(config: DbConfig | string, onlyIfNeeded: boolean): Promise<void> {
  const c = typeof config === 'string' ? { path: config } : config;
  const name = databaseName(c);
  const db = openDb(c);
  try {
    await migrateDb(db);
    if (onlyIfNeeded && (await isSeeded(db)) && (await storedSeedHash(db)) === hashSeedData()) {
      console.log(`database ${name} is seeded and current`);
      return;
    }
    const started = performance.now();
    const counts = await seedDatabase(db);
    const ms = Math.round(performance.now() - started);
    console.log(`seeded ${name} in ${ms} ms`);
    for (const [table, n] of Object.entries(counts)) console.log(`  ${table.padEnd(18)} ${n}`);
  } finally {
    await db.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    await runSeed(dbConfigFromEnv(), process.argv.includes('--if-needed'));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
