/**
 * Food search speed over all 7,413 foods: p50/p95 of listFoods for typical queries,
 * against a freshly seeded temporary database.
 */
import { openDb } from '../db/client';
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

export function measureSearch(
  dbPath: string,
): { name: string; runs: number; p50Ms: number; p95Ms: number }[] {
  const db = openDb(dbPath);
  const rows: { name: string; runs: number; p50Ms: number; p95Ms: number }[] = [];
  const time = (name: string, runs: number, fn: (i: number) => void) => {
    for (let i = 0; i < 20; i++) fn(i); // warm the page cache and statement cache
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      fn(i);
      samples.push(performance.now() - t);
    }
    rows.push({ name, runs, p50Ms: percentile(samples, 50), p95Ms: percentile(samples, 95) });
  };
  time('food search (q only)', 600, (i) => {
    listFoods(db, foodSearchSchema.parse({ q: QUERIES[i % QUERIES.length] }));
  });
  time('food search (q + filters)', 600, (i) => {
    listFoods(
      db,
      foodSearchSchema.parse({
        q: QUERIES[i % QUERIES.length],
        free: ['milk', 'gluten'],
        inflammation: 'neutral',
      }),
    );
  });
  time('food list page (no q)', 300, () => {
    listFoods(db, foodSearchSchema.parse({ group: '1100' }));
  });
  time('recipe search (AIP, no fish)', 300, () => {
    listRecipes(db, {
      ...recipeSearchSchema.parse({ exclude: 'fish' }),
      protocol: 'aip',
      phase: 'elimination',
    });
  });
  db.$client.close();
  return rows;
}
