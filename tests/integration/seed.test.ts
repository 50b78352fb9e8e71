import { describe, expect, it } from 'vitest';
import { dbConfigFromEnv, openDb } from '@/db/client';
import { isSeeded, seedDatabase, storedSeedHash } from '@/db/seed/seed-database';
import { hashSeedData } from '@/db/seed/source-files';
import { readDerivedFoods } from '@/seeds/load-foods';
import { useFreshDatabase } from '../support/db';

const COUNTED = [
  'foods',
  'food_measures',
  'food_tags',
  'recipes',
  'recipe_ingredients',
  'recipe_tags',
  'recipe_compliance',
  'protocols',
  'foods_fts',
  'recipes_fts',
];

describe('seeding', () => {
  it('is idempotent: a second run changes no counts and keeps saved profiles and plans', async () => {
    await useFreshDatabase();
    const db = openDb(dbConfigFromEnv());
    expect(isSeeded(db)).toBe(true);
    expect(storedSeedHash(db)).toBe(hashSeedData());
    const count = (t: string) =>
      (db.$client.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    const slug = (db.$client.prepare('SELECT slug FROM recipes LIMIT 1').get() as { slug: string })
      .slug;
    const profile = db.$client
      .prepare(
        "INSERT INTO profiles (name, data, created_at, updated_at) VALUES ('kept', '{}', 'now', 'now') RETURNING id",
      )
      .get() as { id: number };
    const plan = db.$client
      .prepare(
        "INSERT INTO plans (profile_id, week_start, seed, score, created_at, updated_at) VALUES (?, '2026-11-30', 1, '{}', 'now', 'now') RETURNING id",
      )
      .get(profile.id) as { id: number };
    db.$client
      .prepare(
        "INSERT INTO plan_meals (plan_id, meal_id, date, slot, recipe_slug, servings, locked, explanation) VALUES (?, '2026-11-30-dinner', '2026-11-30', 'dinner', ?, 2, 0, '{}')",
      )
      .run(plan.id, slug);
    const before = Object.fromEntries(COUNTED.map((t) => [t, count(t)]));

    const counts = seedDatabase(db);

    expect(counts.foods).toBe(7413 + readDerivedFoods().length);
    expect(Object.fromEntries(COUNTED.map((t) => [t, count(t)]))).toEqual(before);
    expect(count('plan_meals')).toBe(1);
    expect(db.$client.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(
      (db.$client.prepare('PRAGMA integrity_check').get() as { integrity_check: string })
        .integrity_check,
    ).toBe('ok');
    db.$client.close();
  });
});
