/**
 * Seeds the database from the files under seeds/. Idempotent; prints counts per table.
 * `--if-needed` seeds only an empty database or one seeded from different data.
 */
import { fileURLToPath } from 'node:url';
import { openDb } from '../db/client';
import { migrateDb } from '../db/migrate';
import { isSeeded, seedDatabase, storedSeedHash } from '../db/seed/seed-database';
import { hashSeedData } from '../db/seed/source-files';
import { readEnv } from '../lib/env';

export function runSeed(path: string, onlyIfNeeded: boolean): void {
  const db = openDb(path);
  try {
    migrateDb(db);
    if (onlyIfNeeded && isSeeded(db) && storedSeedHash(db) === hashSeedData()) {
      console.log(`database ${path} is seeded and current`);
      return;
    }
    const started = performance.now();
    const counts = seedDatabase(db);
    const ms = Math.round(performance.now() - started);
    console.log(`seeded ${path} in ${ms} ms`);
    for (const [table, n] of Object.entries(counts)) console.log(`  ${table.padEnd(16)} ${n}`);
  } finally {
    db.$client.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    runSeed(readEnv(process.env).DATABASE_PATH, process.argv.includes('--if-needed'));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
