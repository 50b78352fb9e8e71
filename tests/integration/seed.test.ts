import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Db, dbConfigFromEnv, openDb } from '@/db/client';
import { isSeeded, seedDatabase, storedSeedHash } from '@/seeds/load/seed-database';
import { hashSeedData } from '@/seeds/load/source-files';
import { readDerivedFoods } from '@/seeds/load-foods';
import { useFreshDatabase } from '../support/db';

const COUNTED = [
  'foods',
  'food_measures',
  'food_tags',
  'food_fodmap_serves',
  'recipes',
  'recipe_ingredients',
  'recipe_tags',
  'recipe_compliance',
  'protocols',
  'reference_data',
  'foods_fts',
  'recipes_fts',
];

const countRow = z.object({ n: z.coerce.number() });

async function count(db: Db, table: string): Promise<number> {
  const [row] = await db.rows(
    sql`SELECT cast(count(*) AS integer) AS n FROM ${sql.identifier(table)}`,
  );
  return countRow.parse(row).n;
}

async function counts(db: Db): Promise<Record<string, number>> {
  const entries = [];
  for (const table of COUNTED) entries.push([table, await count(db, table)] as const);
  return Object.fromEntries(entries);
}

function first<T>(rows: T[]): T {
  const [row] = rows;
  if (row === undefined) throw new Error('expected a row');
  return row;
}

/** A saved profile with a plan whose one meal uses a seeded recipe: user data a seed keeps. */
async function saveUserData(db: Db): Promise<void> {
  const { profiles, plans, planMeals, recipes } = db.t;
  const recipe = first(await db.orm.select({ slug: recipes.slug }).from(recipes).limit(1));
  await db.transaction(async (tx) => {
    const profile = first(
      await tx.orm
        .insert(profiles)
        .values({ name: 'kept', data: {}, createdAt: 'now', updatedAt: 'now' })
        .returning({ id: profiles.id }),
    );
    const plan = first(
      await tx.orm
        .insert(plans)
        .values({
          profileId: profile.id,
          weekStart: '2026-11-30',
          seed: 1,
          score: {},
          createdAt: 'now',
          updatedAt: 'now',
        })
        .returning({ id: plans.id }),
    );
    await tx.orm.insert(planMeals).values({
      planId: plan.id,
      mealId: '2026-11-30-dinner',
      date: '2026-11-30',
      slot: 'dinner',
      recipeSlug: recipe.slug,
      servings: 2,
      locked: false,
      explanation: {},
    });
  });
}

describe('seeding', () => {
  it('is idempotent: a second run changes no counts and keeps saved profiles and plans', async () => {
    await useFreshDatabase();
    const db = openDb(dbConfigFromEnv());
    expect(await isSeeded(db)).toBe(true);
    expect(await storedSeedHash(db)).toBe(hashSeedData());
    await saveUserData(db);
    const before = await counts(db);
    expect(before.reference_data).toBe(6);

    const seeded = await seedDatabase(db);

    expect(seeded.foods).toBe(7413 + readDerivedFoods().length);
    expect(await counts(db)).toEqual(before);
    expect(await count(db, 'profiles')).toBe(1);
    expect(await count(db, 'plan_meals')).toBe(1);
    expect(db.sqlite?.pragma('foreign_key_check')).toEqual([]);
    expect(db.sqlite?.pragma('integrity_check', { simple: true })).toBe('ok');
    await db.close();
  });
});
