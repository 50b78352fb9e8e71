import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_QUEUE_MAX } from '@/app/_server/pool/config';
import { GET as health } from '@/app/api/health/route';
import { getDb, openDb } from '@/db/client';
import { migrateDb } from '@/db/migrate';
import { readDerivedFoods } from '@/seeds/load-foods';
import { useFreshDatabase } from '../support/db';

const bodySchema = z.object({
  status: z.string(),
  engine: z.enum(['sqlite', 'postgres']),
  pool: z.object({ workers: z.number(), busy: z.number(), queued: z.number(), max: z.number() }),
  foods: z.number().optional(),
  recipes: z.number().optional(),
  protocols: z.number().optional(),
});

const scratch: string[] = [];
afterAll(() => {
  for (const f of scratch)
    for (const s of ['', '-wal', '-shm']) rmSync(`${f}${s}`, { force: true });
});

function scratchPath(name: string): string {
  const path = join(process.cwd(), '.tmp', `health-${name}-${process.pid}.db`);
  scratch.push(path);
  process.env.DATABASE_PATH = path;
  return path;
}

async function countOf(table: string): Promise<number> {
  const rows = await getDb().rows(sql.raw(`select count(*) as n from ${table}`));
  return z.coerce.number().parse(rows[0]?.n);
}

describe('GET /api/health', () => {
  it('answers 200 with the engine, the pool and the catalog counts on a seeded database', async () => {
    useFreshDatabase();
    const res = await health();
    expect(res.status).toBe(200);
    const body = bodySchema.parse(await res.json());
    expect(body).toEqual({
      status: 'ok',
      engine: 'sqlite',
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
    const path = scratchPath('empty');
    const db = openDb(path);
    await migrateDb(db);
    await db.close();
    const res = await health();
    expect(res.status).toBe(503);
    expect(bodySchema.parse(await res.json())).toMatchObject({
      status: 'not-seeded',
      engine: 'sqlite',
      foods: 0,
      recipes: 0,
      protocols: 0,
    });
  });

  it('answers 503 not-migrated when the tables are missing', async () => {
    scratchPath('bare');
    const res = await health();
    expect(res.status).toBe(503);
    const body = bodySchema.parse(await res.json());
    expect(body.status).toBe('not-migrated');
    expect(body.engine).toBe('sqlite');
    expect(body.foods).toBeUndefined();
  });
});
