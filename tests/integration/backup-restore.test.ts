import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Db, type DbConfig, dbConfigFromEnv, openDb } from '@/db/client';
import { profileCreateSchema } from '@/lib/profiles/schema';
import { backupDatabase } from '../../scripts/db-backup';
import { restoreDatabase } from '../../scripts/db-restore';
import {
  createDatabase,
  databaseUrl,
  dropDatabases,
  uniqueName,
} from '../../scripts/with-postgres';
import { useFreshDatabase } from '../support/db';
import { TEMPLATE_KEY } from '../support/template';

const run = promisify(execFile);
const template = inject(TEMPLATE_KEY);
const dir = join(process.cwd(), '.tmp', `backups-${process.pid}-${template.engine}`);
const now = '2026-12-01T08:00:00.000Z';

let config: DbConfig;
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  await useFreshDatabase();
  config = dbConfigFromEnv();
  mkdirSync(dir, { recursive: true });
});

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens the database for one step, as a server would, and closes it after. */
async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = openDb(config);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** A profile and its plan of three meals, written as the app writes them (one transaction). */
async function makeProfileAndPlan(db: Db, name: string): Promise<number> {
  const slugs = await db.orm
    .select({ slug: db.t.recipes.slug })
    .from(db.t.recipes)
    .orderBy(asc(db.t.recipes.slug))
    .limit(3);
  return db.transaction(async (tx) => {
    const [profile] = await tx.orm
      .insert(tx.t.profiles)
      .values({
        name,
        data: profileCreateSchema.parse({ name, allergens: ['fish'], householdSize: 2 }),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: tx.t.profiles.id });
    if (!profile) throw new Error('no profile row');
    const [plan] = await tx.orm
      .insert(tx.t.plans)
      .values({
        profileId: profile.id,
        weekStart: '2026-11-30',
        seed: 42,
        householdSize: 2,
        score: { total: 12.5, parts: { energy: 3 } },
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: tx.t.plans.id });
    if (!plan) throw new Error('no plan row');
    await tx.orm.insert(tx.t.planMeals).values(
      slugs.map(({ slug }, i) => ({
        planId: plan.id,
        mealId: `2026-11-30-${['breakfast', 'lunch', 'dinner'][i]}`,
        date: '2026-11-30',
        slot: ['breakfast', 'lunch', 'dinner'][i]!,
        recipeSlug: slug,
        servings: 2,
        locked: i === 0,
        leftoverOf: null,
        explanation: { total: i, parts: [] },
      })),
    );
    return profile.id;
  });
}

/** Every profile, plan and planned meal, in key order. */
async function userData(db: Db) {
  return {
    profiles: await db.orm.select().from(db.t.profiles).orderBy(asc(db.t.profiles.id)),
    plans: await db.orm.select().from(db.t.plans).orderBy(asc(db.t.plans.id)),
    meals: await db.orm
      .select()
      .from(db.t.planMeals)
      .orderBy(asc(db.t.planMeals.planId), asc(db.t.planMeals.mealId)),
    foods: (
      await db.orm.select({ n: sql<number>`cast(count(*) as integer)` }).from(db.t.foods)
    ).map((r) => Number(r.n)),
  };
}

describe(`db:backup and db:restore (${template.engine})`, () => {
  it('round trip: a profile and plan backed up while the app runs come back after changes', async () => {
    const file = join(dir, 'round-trip.backup');
    const { before, profileId } = await withDb(async (db) => {
      const profileId = await makeProfileAndPlan(db, 'Backed up');
      const before = await userData(db);
      // Online: the app's connection stays open (and in use) during the backup.
      const [backup] = await Promise.all([backupDatabase(config, file), userData(db)]);
      expect(backup).toBeUndefined();
      return { before, profileId };
    });
    expect(before.plans.some((p) => p.profileId === profileId)).toBe(true);
    expect(existsSync(file)).toBe(true);

    await withDb(async (db) => {
      await db.transaction(async (tx) => {
        await tx.orm.delete(tx.t.profiles).where(eq(tx.t.profiles.id, profileId));
      });
      await makeProfileAndPlan(db, 'Made after the backup');
      const changed = await userData(db);
      expect(changed.profiles.map((p) => p.name)).not.toContain('Backed up');
      expect(changed).not.toEqual(before);
    });

    await restoreDatabase(config, file);
    const after = await withDb(userData);
    expect(after).toEqual(before);
    expect(after.profiles.map((p) => p.name)).toContain('Backed up');
    expect(after.profiles.map((p) => p.name)).not.toContain('Made after the backup');
  });

  it('refuses to restore while the database is in use, and changes nothing', async () => {
    const file = join(dir, 'in-use.backup');
    await backupDatabase(config, file);
    await withDb(async (db) => {
      await makeProfileAndPlan(db, 'Made while the server runs');
      const before = await userData(db);
      await expect(restoreDatabase(config, file)).rejects.toThrow(/stop the server first/);
      expect(await userData(db)).toEqual(before);
    });
  });

  it('refuses a file that is not a Villi database backup, and changes nothing', async () => {
    const before = await withDb(userData);
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'not a database\n');
    const other = join(dir, 'other.backup');
    await backupDatabase(await otherDatabase(), other);
    for (const file of [text, other]) {
      await expect(restoreDatabase(config, file)).rejects.toThrow(/not a Villi database backup/);
    }
    await expect(restoreDatabase(config, join(dir, 'missing.backup'))).rejects.toThrow(
      /no backup at/,
    );
    expect(await withDb(userData)).toEqual(before);
  });

  it('runs as npm run db:backup / db:restore', async () => {
    const file = join(dir, 'cli.backup');
    const env = { ...process.env, ...engineEnv() };
    const backup = await run('npm', ['run', '-s', 'db:backup', '--', file], { env });
    expect(backup.stdout).toMatch(/backed up .* to /);
    const restore = await run('npm', ['run', '-s', 'db:restore', '--', file], { env });
    expect(restore.stdout).toMatch(/stop the server first/);
    expect(restore.stdout).toMatch(/restored/);
    const refused = await run('npm', ['run', '-s', 'db:restore', '--', join(dir, 'nope')], {
      env,
    }).catch((error: { code: number; stderr: string }) => error);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringMatching(/no backup at/) });
  });
});

/** The test database's own variables, so the scripts run against it. */
function engineEnv(): Record<string, string> {
  return config.url ? { DATABASE_URL: config.url } : { DATABASE_PATH: config.path };
}

/** A database of the same engine that is not Villi's: one unrelated table. */
async function otherDatabase(): Promise<DbConfig> {
  if (template.engine === 'postgres') {
    const name = uniqueName('villi_backup_other');
    await createDatabase(template.server, name);
    cleanups.push(() => dropDatabases(template.server, name));
    const url = databaseUrl(template.server, name);
    const db = openDb({ url, path: '' });
    await db.rows(sql`create table notes (id integer primary key, body text)`);
    await db.close();
    return { url, path: '' };
  }
  const path = join(dir, 'other.db');
  const conn = new Database(path);
  conn.exec('create table notes (id integer primary key, body text)');
  conn.close();
  return { path };
}
