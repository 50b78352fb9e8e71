import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { type Db, dbConfigFromEnv, openDb } from '@/db/client';
import { useFreshDatabase } from '../support/db';
import { TEMPLATE_KEY } from '../support/template';

/**
 * The database mechanics every repository relies on, on the engine this project runs
 * (`integration`: SQLite, `integration-pg`: PostgreSQL): migrations, rollback, visibility.
 */
let db: Db;

beforeAll(async () => {
  await useFreshDatabase();
  db = openDb(dbConfigFromEnv());
});

afterAll(async () => {
  await db.close();
});

const now = '2026-12-01T00:00:00.000Z';

async function count(d: Db, table: Db['t']['profiles'] | Db['t']['plans']): Promise<number> {
  const [row] = await d.orm.select({ n: sql<number>`cast(count(*) as integer)` }).from(table);
  return Number(row?.n);
}

async function profileNamed(d: Db, name: string): Promise<number[]> {
  const rows = await d.orm
    .select({ id: d.t.profiles.id })
    .from(d.t.profiles)
    .where(eq(d.t.profiles.name, name));
  return rows.map((r) => r.id);
}

async function insertProfile(tx: Db, name: string): Promise<number> {
  const [row] = await tx.orm
    .insert(tx.t.profiles)
    .values({ name, data: {}, createdAt: now, updatedAt: now })
    .returning({ id: tx.t.profiles.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

const engine = inject(TEMPLATE_KEY).engine;

describe(`the database (${engine})`, () => {
  it('runs on the engine its project selects', () => {
    expect(db.engine).toBe(engine);
  });

  it('has every migration of its engine applied, and the seeded tables', async () => {
    const folder = db.engine === 'postgres' ? 'pg' : 'sqlite';
    const journal = z
      .object({ entries: z.array(z.object({ tag: z.string() })) })
      .parse(
        JSON.parse(
          readFileSync(
            join(process.cwd(), 'db', 'migrations', folder, 'meta', '_journal.json'),
            'utf8',
          ),
        ),
      );
    const table =
      db.engine === 'postgres' ? sql`drizzle.__drizzle_migrations` : sql`__drizzle_migrations`;
    const applied = z
      .array(z.object({ n: z.coerce.number() }))
      .parse(await db.rows(sql`select count(*) as n from ${table}`));
    expect(applied[0]?.n).toBe(journal.entries.length);
    const [protocols] = await db.orm
      .select({ n: sql<number>`cast(count(*) as integer)` })
      .from(db.t.protocols);
    expect(Number(protocols?.n)).toBeGreaterThan(0);
  });

  it('rolls a transaction that throws back entirely, across tables', async () => {
    const profilesBefore = await count(db, db.t.profiles);
    const plansBefore = await count(db, db.t.plans);
    await expect(
      db.transaction(async (tx) => {
        const profileId = await insertProfile(tx, 'rolled back');
        await tx.orm.insert(tx.t.plans).values({
          profileId,
          weekStart: '2026-11-30',
          seed: 1,
          score: {},
          createdAt: now,
          updatedAt: now,
        });
        expect(await count(tx, tx.t.plans)).toBe(plansBefore + 1);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await count(db, db.t.profiles)).toBe(profilesBefore);
    expect(await count(db, db.t.plans)).toBe(plansBefore);
    expect(await profileNamed(db, 'rolled back')).toEqual([]);
  });

  it('shows committed writes to a later read and to another connection', async () => {
    const id = await db.transaction((tx) => insertProfile(tx, 'committed'));
    expect(await profileNamed(db, 'committed')).toEqual([id]);
    const other = openDb(dbConfigFromEnv());
    try {
      expect(await profileNamed(other, 'committed')).toEqual([id]);
    } finally {
      await other.close();
    }
  });

  it('gives a new plan version 1, and the identity key keeps counting', async () => {
    const [first, second] = await db.transaction(async (tx) => {
      const profileId = await insertProfile(tx, 'versioned');
      return tx.orm
        .insert(tx.t.plans)
        .values(
          [1, 2].map((seed) => ({
            profileId,
            weekStart: '2026-11-30',
            seed,
            score: {},
            createdAt: now,
            updatedAt: now,
          })),
        )
        .returning({ id: tx.t.plans.id, version: tx.t.plans.version });
    });
    expect(first?.version).toBe(1);
    expect(second?.version).toBe(1);
    expect(second?.id).toBeGreaterThan(first?.id ?? Number.POSITIVE_INFINITY);
  });

  it('does not show a transaction its writes to reads outside it until it commits', async () => {
    let seenOutside: number[] | undefined;
    let seenInside: number[] | undefined;
    await db.transaction(async (tx) => {
      await insertProfile(tx, 'uncommitted');
      seenInside = await profileNamed(tx, 'uncommitted');
      seenOutside = await profileNamed(db, 'uncommitted');
    });
    expect(seenInside).toHaveLength(1);
    expect(seenOutside).toEqual([]);
    expect(await profileNamed(db, 'uncommitted')).toEqual(seenInside);
  });
});
