import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Db, dbConfigFromEnv, openDb } from '@/db/client';
import { isSeeded, seedDatabase, storedSeedHash } from '@/seeds/load/seed-database';
import { hashSeedData, readRecipeFiles } from '@/seeds/load/source-files';
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

/**
 * A saved profile with a plan whose one meal uses a seeded recipe: user data a seed keeps.
 * Returns the planned recipe's slug.
 */
async function saveUserData(db: Db): Promise<string> {
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
  return recipe.slug;
}

describe('seeding', () => {
  let db: Db;
  beforeEach(async () => {
    await useFreshDatabase();
    db = openDb(dbConfigFromEnv());
  });
  afterEach(() => db.close());

  it('is idempotent: a second run changes no counts and keeps saved profiles and plans', async () => {
    expect(await isSeeded(db)).toBe(true);
    expect(await storedSeedHash(db)).toBe(hashSeedData());
    const plannedSlug = await saveUserData(db);
    const before = await counts(db);
    expect(before.reference_data).toBe(7);

    const seeded = await seedDatabase(db);

    expect(seeded.foods).toBe(7413 + readDerivedFoods().length);
    expect(await counts(db)).toEqual(before);
    expect(await count(db, 'profiles')).toBe(1);
    const meals = await db.orm.select({ slug: db.t.planMeals.recipeSlug }).from(db.t.planMeals);
    expect(meals).toEqual([{ slug: plannedSlug }]);
    if (db.sqlite) {
      expect(db.sqlite.pragma('foreign_key_check')).toEqual([]);
      expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    }
  });

  it('drops recipes that left seeds/, unless a saved plan still uses them', async () => {
    const { recipes, recipeCompliance } = db.t;
    const plannedSlug = await saveUserData(db);
    const unused = readRecipeFiles().find(
      (f) =>
        f.file !== `${plannedSlug}.json` &&
        !['vegetable-stock.json', 'chicken-bone-broth.json'].includes(f.file),
    );
    if (!unused) throw new Error('no recipe to drop');
    const unusedSlug = unused.file.replace(/\.json$/, '');

    const kept = readRecipeFiles().filter(
      (f) => f.file !== `${plannedSlug}.json` && f.file !== unused.file,
    );
    const seeded = await seedDatabase(db, { recipeFiles: kept });

    expect(seeded.recipes).toBe(kept.length);
    const slugs = (await db.orm.select({ slug: recipes.slug }).from(recipes)).map((r) => r.slug);
    expect(slugs).toContain(plannedSlug);
    expect(slugs).not.toContain(unusedSlug);
    expect(slugs).toHaveLength(kept.length + 1);
    const compliance = await db.orm
      .select({ slug: recipeCompliance.recipeSlug })
      .from(recipeCompliance)
      .where(eq(recipeCompliance.recipeSlug, unusedSlug));
    expect(compliance).toEqual([]);
  });
});
