import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, dbConfigFromEnv, openDb } from '@/db/client';
import { seedDatabase } from '@/seeds/load/seed-database';
import { readRecipeFiles } from '@/seeds/load/source-files';
import { useFreshDatabase } from '../support/db';

async function derivation(db: Db, ndb: string) {
  const t = db.t.foods;
  const [row] = await db.orm
    .select({ derivedFrom: t.derivedFrom, derivation: t.derivation })
    .from(t)
    .where(eq(t.ndb, ndb));
  return row;
}

async function recipeCount(db: Db): Promise<number> {
  const [row] = await db.orm
    .select({ n: sql<number>`cast(count(*) as integer)` })
    .from(db.t.recipes);
  return Number(row?.n);
}

/** A derived food an older derived-foods.json listed and the current one does not. */
function formerDerivedFood(ndb: string) {
  return {
    ndb,
    name: 'Old',
    groupCode: '0100',
    groupName: 'Dairy',
    longDesc: 'Old',
    shortDesc: 'OLD',
    commonNames: '',
    manufacturer: '',
    sciName: '',
    nutrients: {},
    inflammationClass: 'neutral',
    inflammationRationale: 'x',
    inflammationEvidence: 'weak',
    inflammationSource: 'x',
    derivedFrom: '01077',
    derivation: 'An older derivation that was removed from the file.',
  };
}

describe('seeding derived foods', () => {
  // One database for the file: each test leaves it seeded.
  let db: Db;
  beforeAll(async () => {
    await useFreshDatabase();
    db = openDb(dbConfigFromEnv());
  });
  afterAll(() => db.close());

  it('stores parent and derivation, and drops a derived food that left the file unless a pantry names it', async () => {
    expect((await derivation(db, '99006'))?.derivedFrom).toBe('08120');
    expect((await derivation(db, '99006'))?.derivation).toMatch(/20 ppm/);
    expect(await derivation(db, '08120')).toEqual({ derivedFrom: null, derivation: null });

    // derived foods from an older seed file, no longer listed; a saved pantry names one
    await db.transaction(async (tx) => {
      const { foods, profiles, profilePantry } = tx.t;
      await tx.orm.insert(foods).values([formerDerivedFood('99048'), formerDerivedFood('99049')]);
      const [profile] = await tx.orm
        .insert(profiles)
        .values({ name: 'pantry', data: {}, createdAt: 'now', updatedAt: 'now' })
        .returning({ id: profiles.id });
      if (!profile) throw new Error('no profile');
      await tx.orm
        .insert(profilePantry)
        .values({ profileId: profile.id, ndb: '99048', inPantry: true });
    });
    await seedDatabase(db);
    expect(await derivation(db, '99049')).toBeUndefined();
    expect((await derivation(db, '99048'))?.derivedFrom).toBe('01077');
    expect((await derivation(db, '99006'))?.derivedFrom).toBe('08120');
  });

  it('fails, before writing anything, when a food made by a recipe names a recipe not in the catalog', async () => {
    const before = await recipeCount(db);
    const withoutStock = readRecipeFiles().filter((f) => f.file !== 'vegetable-stock.json');
    await expect(seedDatabase(db, { recipeFiles: withoutStock })).rejects.toThrow(
      /seeds\/derived-foods\.json: food 99012 is made by the recipe "vegetable-stock", which is not in the catalog/,
    );
    expect(await recipeCount(db)).toBe(before);
  });

  it('stores the recipe-made tags, not the shop-bought ones, and the recipes using them comply', async () => {
    const { foods, foodTags, recipeCompliance, recipeIngredients } = db.t;
    const tags = (ndb: string) =>
      db.orm
        .select({
          kind: foodTags.kind,
          code: foodTags.code,
          certainty: foodTags.certainty,
          source: foodTags.source,
        })
        .from(foodTags)
        .where(eq(foodTags.ndb, ndb))
        .orderBy(asc(foodTags.kind), asc(foodTags.code));
    const broth = await tags('99011');
    expect(broth.length).toBeGreaterThan(0);
    expect(new Set(broth.map((t) => t.source))).toEqual(new Set(['recipe:chicken-bone-broth']));
    expect(broth.map((t) => t.code)).not.toContain('berry-spice');
    expect(broth.map((t) => t.code)).not.toContain('added-sugar');
    expect(broth.find((t) => t.code === 'celery')).toMatchObject({ certainty: 'contains' });
    // the SR21 stock keeps its shop-bought may-contains
    expect((await tags('06172')).map((t) => t.code)).toContain('berry-spice');
    // plain tuna: no soy
    expect((await tags('99013')).map((t) => t.code)).not.toContain('soy');
    const [inflammation] = await db.orm
      .select({ class: foods.inflammationClass, source: foods.inflammationSource })
      .from(foods)
      .where(eq(foods.ndb, '99011'));
    expect(inflammation).toEqual({ class: 'gut-healing', source: 'inflammation-bone-broth' });

    const ok = async (slug: string, protocol: string, phase = 'elimination') => {
      const [row] = await db.orm
        .select({ ok: recipeCompliance.ok })
        .from(recipeCompliance)
        .where(
          and(
            eq(recipeCompliance.recipeSlug, slug),
            eq(recipeCompliance.protocol, protocol),
            eq(recipeCompliance.phase, phase),
          ),
        );
      return row?.ok;
    };
    for (const slug of ['chicken-zucchini-noodle-soup', 'beef-kale-sweet-potato-soup'])
      for (const protocol of ['aip', 'whole30', 'gut-reset'])
        expect(await ok(slug, protocol), `${slug} ${protocol}`).toBe(true);
    // fish dishes use the vegetable stock and stay pescatarian
    expect(await ok('coconut-seafood-chowder-parsnip', 'aip')).toBe(true);
    expect(await ok('coconut-seafood-chowder-parsnip', 'pescatarian', 'default')).toBe(true);
    for (const slug of ['tuna-cucumber-bites', 'tuna-herb-stuffed-sweet-potatoes'])
      expect(await ok(slug, 'whole30'), slug).toBe(true);
    const [note] = await db.orm
      .select({ shopNote: recipeIngredients.shopNote })
      .from(recipeIngredients)
      .where(
        and(
          eq(recipeIngredients.recipeSlug, 'chicken-zucchini-noodle-soup'),
          eq(recipeIngredients.ndb, '99011'),
        ),
      );
    expect(note?.shopNote).toMatch(/^Villi's bone broth \(see recipe\)/);
  });
});
