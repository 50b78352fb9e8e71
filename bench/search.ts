/**
 * Food search speed over all 7,413 foods: p50/p95 of listFoods for typical queries,
 * against a freshly seeded database (a SQLite path, or a DbConfig naming PostgreSQL).
 */
import { type DbConfig, openDb } from '../db/client';
import { listFoods } from '../db/queries/foods';
import { listRecipes } from '../db/queries/recipes';
import { foodSearchSchema } from '../lib/validation/foods';
import { recipeSearchSchema } from '../lib/validation/recipes';
import { percentile } from './stats';

const QUERIES = [
  'apple',
  'sweet potato',
  'salm',
  'chicken thigh raw',
  'olive oil',
  'kale',
  'beef',
  'rice',
  'yog',
  'coconut milk',
  'b',
  'turmeric',
];

export async function measureSearch(
  config: DbConfig | string,
): Promise<{ name: string; runs: number; p50Ms: number; p95Ms: number }[]> {
  const db = openDb(config);
  const rows: { name: string; runs: number; p50Ms: number; p95Ms: number }[] = [];
  const time = async (name: string, runs: number, fn: (i: number) => Promise<unknown>) => {
    for (let i = 0; i < 20; i++) await fn(i); // warm the page cache and statement cache
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await fn(i);
      samples.push(performance.now() - t);
    }
    rows.push({ name, runs, p50Ms: percentile(samples, 50), p95Ms: percentile(samples, 95) });
  };
  await time('food search (q only)', 600, (i) =>
    listFoods(db, foodSearchSchema.parse({ q: QUERIES[i % QUERIES.length] })),
  );
  await time('food search (q + filters)', 600, (i) =>
    listFoods(
      db,
      foodSearchSchema.parse({
        q: QUERIES[i % QUERIES.length],
        free: ['milk', 'gluten'],
        inflammation: 'neutral',
      }),
    ),
  );
  await time('food list page (no q)', 300, () =>
    listFoods(db, foodSearchSchema.parse({ group: '1100' })),
  );
  await time('recipe search (AIP, no fish)', 300, () =>
    listRecipes(db, {
      ...recipeSearchSchema.parse({ exclude: 'fish' }),
      protocol: 'aip',
      phase: 'elimination',
    }),
  );
  await db.close();
  return rows;
}
