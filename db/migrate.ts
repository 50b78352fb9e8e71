import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate as migrateSqlite } from 'drizzle-orm/better-sqlite3/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { type Db, dbConfigFromEnv, openDb } from './client';

const MIGRATIONS = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Applies every committed migration of the database's engine that it has not seen yet. */
export async function migrateDb(db: Db): Promise<void> {
  const folder = join(MIGRATIONS, db.engine === 'postgres' ? 'pg' : 'sqlite');
  // Each migrator takes its own engine's drizzle object; `orm` is that object at run time.
  if (db.engine === 'postgres') {
    await migratePg(db.orm as unknown as Parameters<typeof migratePg>[0], {
      migrationsFolder: folder,
    });
  } else {
    migrateSqlite(db.orm as unknown as Parameters<typeof migrateSqlite>[0], {
      migrationsFolder: folder,
    });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const config = dbConfigFromEnv();
  const db = openDb(config);
  await migrateDb(db);
  await db.close();
  console.log(`migrated ${config.url ? 'PostgreSQL database' : config.path}`);
}
