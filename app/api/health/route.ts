import { sql } from 'drizzle-orm';
import { planPoolStats } from '@/app/_server/pool';
import { type Db, getDb } from '@/db/client';
import { handle } from '@/lib/http/parse';

export const dynamic = 'force-dynamic';

async function countRows(db: Db, table: Db['t']['foods' | 'recipes' | 'protocols']) {
  const [row] = await db.orm.select({ n: sql<number>`cast(count(*) as integer)` }).from(table);
  return Number(row?.n ?? 0);
}

/**
 * 200 once the database is migrated and seeded; 503 otherwise. Also names the engine and the
 * planner pool's load (workers, running, waiting, queue limit).
 */
export const GET = handle(async () => {
  const db = getDb();
  const base = { engine: db.engine, pool: planPoolStats() };
  try {
    const [foods, recipes, protocols] = await Promise.all([
      countRows(db, db.t.foods),
      countRows(db, db.t.recipes),
      countRows(db, db.t.protocols),
    ]);
    const ok = foods > 0 && recipes > 0 && protocols > 0;
    return Response.json(
      { status: ok ? 'ok' : 'not-seeded', ...base, foods, recipes, protocols },
      { status: ok ? 200 : 503 },
    );
  } catch (error) {
    console.error(error);
    return Response.json({ status: 'not-migrated', ...base }, { status: 503 });
  }
});
