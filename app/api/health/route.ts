import { getDb } from '@/db/client';
import { handle } from '@/lib/http/parse';

export const dynamic = 'force-dynamic';

/** 200 once the database is migrated and seeded; 503 otherwise. */
export const GET = handle(() => {
  const db = getDb();
  try {
    const count = (table: string) =>
      (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const counts = {
      foods: count('foods'),
      recipes: count('recipes'),
      protocols: count('protocols'),
    };
    const ok = counts.foods > 0 && counts.recipes > 0 && counts.protocols > 0;
    return Response.json(
      { status: ok ? 'ok' : 'not-seeded', ...counts },
      { status: ok ? 200 : 503 },
    );
  } catch (error) {
    console.error(error);
    return Response.json({ status: 'not-migrated' }, { status: 503 });
  }
});
