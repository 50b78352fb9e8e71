import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_QUEUE_MAX } from '@/app/_server/pool/config';
import { GET as health } from '@/app/api/health/route';
import { dbConfigFromEnv, getDb, openDb } from '@/db/client';
import { migrateDb } from '@/db/migrate';
import { readDerivedFoods } from '@/seeds/load-foods';
import {
  createDatabase,
  databaseUrl,
  dropDatabases,
  uniqueName,
} from '../../scripts/with-postgres';
import { useFreshDatabase } from '../support/db';
import { TEMPLATE_KEY } from '../support/template';

const bodySchema = z.object({
  status: z.string(),
  engine: z.enum(['sqlite', 'postgres']),
  pool: z.object({ workers: z.number(), busy: z.number(), queued: z.number(), max: z.number() }),
  foods: z.number().optional(),
  recipes: z.number().optional(),
  protocols: z.number().optional(),
});

const template = inject(TEMPLATE_KEY);
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  await getDb().close();
  for (const cleanup of cleanups) await cleanup();
});

/** An empty database of this project's engine, made the app's database. */
async function useEmptyDatabase(name: string): Promise<void> {
  if (template.engine === 'postgres') {
    const db = uniqueName(`villi_health_${name}`);
    await createDatabase(template.server, db);
    cleanups.push(() => dropDatabases(template.server, db));
    process.env.DATABASE_URL = databaseUrl(template.server, db);
    return;
  }
  const path = join(template.dir, `${template.run}-health-${name}-${process.pid}.db`);
  cleanups.push(async () => {
    for (const s of ['', '-wal', '-shm']) rmSync(`${path}${s}`, { force: true });
  });
  process.env.DATABASE_PATH = path;
  delete process.env.DATABASE_URL;
}

async function countOf(table: string): Promise<number> {
  const rows = await getDb().rows(sql.raw(`select count(*) as n from ${table}`));
  return z.coerce.number().parse(rows[0]?.n);
}

describe(`GET /api/health (${template.engine})`, () => {
  it('answers 200 with the engine, the pool and the catalog counts on a seeded database', async () => {
    await useFreshDatabase();
    const res = await health();
    expect(res.status).toBe(200);
    const body = bodySchema.parse(await res.json());
    expect(body).toEqual({
      status: 'ok',
      engine: template.engine,
      // The tests plan inline: no worker threads.
      pool: { workers: 0, busy: 0, queued: 0, max: DEFAULT_QUEUE_MAX },
      foods: 7413 + readDerivedFoods().length,
      recipes: await countOf('recipes'),
      protocols: await countOf('protocols'),
    });
    expect(body.recipes).toBeGreaterThan(300);
    expect(body.protocols).toBeGreaterThan(5);
  });

  it('answers 503 not-seeded on a migrated, empty database', async () => {
    await useEmptyDatabase('empty');
    const db = openDb(dbConfigFromEnv());
    await migrateDb(db);
    await db.close();
    const res = await health();
    expect(res.status).toBe(503);
    expect(bodySchema.parse(await res.json())).toMatchObject({
      status: 'not-seeded',
      engine: template.engine,
      foods: 0,
      recipes: 0,
      protocols: 0,
    });
  });

  it('answers 503 not-migrated when the tables are missing', async () => {
    await useEmptyDatabase('bare');
    const res = await health();
    expect(res.status).toBe(503);
    const body = bodySchema.parse(await res.json());
    expect(body.status).toBe('not-migrated');
    expect(body.engine).toBe(template.engine);
    expect(body.foods).toBeUndefined();
  });
});
