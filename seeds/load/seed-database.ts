import { eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { prepareCatalog, type RecipeFiles } from './catalog';
import { type FoodRows, foodRows } from './food-rows';
import { type RecipeRows, recipeRows } from './recipe-rows';
import { type ReferenceRow, referenceDataRows } from './reference-data';
import { hashSeedData } from './source-files';
import {
  chunks,
  insertChunked,
  replaceFromExcluded,
  replaceFtsRows,
  upsertClearingChildren,
} from './write';

export type SeedCounts = Record<string, number>;

const SEED_HASH_KEY = 'seed-hash';

export async function isSeeded(db: Db): Promise<boolean> {
  const food = await db.orm.select({ ndb: db.t.foods.ndb }).from(db.t.foods).limit(1);
  const recipe = await db.orm.select({ slug: db.t.recipes.slug }).from(db.t.recipes).limit(1);
  return food.length > 0 && recipe.length > 0;
}

export async function storedSeedHash(db: Db): Promise<string | null> {
  const t = db.t.seedMeta;
  const [row] = await db.orm.select({ value: t.value }).from(t).where(eq(t.key, SEED_HASH_KEY));
  return row?.value ?? null;
}

/** Upserts the foods and replaces their measures, tags, FODMAP serves and search rows. */
async function writeFoods(tx: Db, rows: FoodRows): Promise<void> {
  const { foods, foodMeasures, foodTags, foodFodmapServes } = tx.t;
  await upsertClearingChildren(tx, foods, foods.ndb, rows.foods, (f) => f.ndb, [
    foodMeasures.ndb,
    foodTags.ndb,
    foodFodmapServes.ndb,
  ]);
  await insertChunked(tx, foodMeasures, rows.measures);
  await insertChunked(tx, foodTags, rows.tags);
  await insertChunked(tx, foodFodmapServes, rows.serves);
  await replaceFtsRows(
    tx,
    'foods_fts',
    ['ndb', 'name', 'common_names'],
    rows.fts.map((r) => [r.ndb, r.name, r.commonNames]),
  );
}

/** Upserts the recipes and replaces their ingredients, tags, compliance and search rows. */
async function writeRecipes(tx: Db, rows: RecipeRows): Promise<void> {
  const { recipes, recipeIngredients, recipeTags, recipeCompliance } = tx.t;
  await upsertClearingChildren(tx, recipes, recipes.slug, rows.recipes, (r) => r.slug, [
    recipeIngredients.recipeSlug,
    recipeTags.recipeSlug,
    recipeCompliance.recipeSlug,
  ]);
  await insertChunked(tx, recipeIngredients, rows.ingredients);
  await insertChunked(tx, recipeTags, rows.tags);
  await insertChunked(tx, recipeCompliance, rows.compliance);
  await replaceFtsRows(
    tx,
    'recipes_fts',
    ['slug', 'name', 'description', 'ingredients'],
    rows.fts.map((r) => [r.slug, r.name, r.description, r.ingredients]),
  );
}

/** Recipes removed from seeds/ go too, unless a saved plan still uses them. */
async function removeDroppedRecipes(tx: Db, seeded: ReadonlySet<string>): Promise<void> {
  const { recipes, planMeals } = tx.t;
  const stored = await tx.orm.select({ slug: recipes.slug }).from(recipes);
  const dropped = stored.map((r) => r.slug).filter((slug) => !seeded.has(slug));
  for (const chunk of chunks(dropped)) {
    const used = await tx.orm
      .selectDistinct({ slug: planMeals.recipeSlug })
      .from(planMeals)
      .where(inArray(planMeals.recipeSlug, chunk));
    const inUse = new Set(used.map((r) => r.slug));
    const remove = chunk.filter((slug) => !inUse.has(slug));
    if (remove.length > 0) await tx.orm.delete(recipes).where(inArray(recipes.slug, remove));
  }
}

/**
 * A derived food taken out of seeds/derived-foods.json leaves the database too, unless a recipe
 * or a pantry choice still names it. SR21 foods never leave.
 */
async function removeDroppedDerivedFoods(tx: Db, seeded: ReadonlySet<string>): Promise<void> {
  const { foods, recipeIngredients, profilePantry } = tx.t;
  const stored = await tx.orm
    .select({ ndb: foods.ndb })
    .from(foods)
    .where(isNotNull(foods.derivedFrom));
  const dropped = stored.map((r) => r.ndb).filter((ndb) => !seeded.has(ndb));
  for (const chunk of chunks(dropped)) {
    const inRecipes = await tx.orm
      .selectDistinct({ ndb: recipeIngredients.ndb })
      .from(recipeIngredients)
      .where(inArray(recipeIngredients.ndb, chunk));
    const inPantries = await tx.orm
      .selectDistinct({ ndb: profilePantry.ndb })
      .from(profilePantry)
      .where(inArray(profilePantry.ndb, chunk));
    const inUse = new Set([...inRecipes, ...inPantries].map((r) => r.ndb));
    const remove = chunk.filter((ndb) => !inUse.has(ndb));
    if (remove.length > 0) await tx.orm.delete(foods).where(inArray(foods.ndb, remove));
  }
}

async function writeReferenceData(tx: Db, rows: ReferenceRow[]): Promise<void> {
  const t = tx.t.referenceData;
  await tx.orm
    .insert(t)
    .values(rows)
    .onConflictDoUpdate({ target: t.key, set: replaceFromExcluded(t, ['key']) });
}

/**
 * Seeds foods, tags, protocols, recipes and the reference data the app reads. Idempotent: every
 * row is upserted on its natural key (NDB number, protocol id, recipe slug, reference key) and
 * derived rows are recomputed, all in one transaction; profiles and plans are left alone.
 * Everything is read, validated and derived before the first write, so invalid seed data (a
 * recipe-made food naming a recipe missing from the catalog, say) fails with nothing written.
 * `sources.recipeFiles` replaces the recipe files (tests).
 */
export async function seedDatabase(
  db: Db,
  sources: { recipeFiles?: RecipeFiles } = {},
): Promise<SeedCounts> {
  const catalog = prepareCatalog(sources.recipeFiles);
  const foods = foodRows(catalog);
  const recipes = recipeRows(catalog);
  const reference = referenceDataRows();
  const hash = hashSeedData();

  await db.transaction(async (tx) => {
    await writeFoods(tx, foods);
    const { protocols } = tx.t;
    await tx.orm
      .insert(protocols)
      .values(
        catalog.protocols.map((p, i) => ({
          id: p.id,
          kind: p.kind,
          name: p.name,
          position: i,
          data: p,
        })),
      )
      .onConflictDoUpdate({ target: protocols.id, set: replaceFromExcluded(protocols, ['id']) });
    await writeRecipes(tx, recipes);
    await removeDroppedRecipes(tx, new Set(recipes.recipes.map((r) => r.slug)));
    await removeDroppedDerivedFoods(tx, new Set(foods.foods.map((f) => f.ndb)));
    await writeReferenceData(tx, reference);
    const meta = tx.t.seedMeta;
    await tx.orm
      .insert(meta)
      .values({ key: SEED_HASH_KEY, value: hash })
      .onConflictDoUpdate({ target: meta.key, set: { value: hash } });
  });

  return {
    foods: foods.foods.length,
    food_measures: foods.measures.length,
    food_tags: foods.tags.length,
    food_fodmap_serves: foods.serves.length,
    protocols: catalog.protocols.length,
    recipes: recipes.recipes.length,
    reference_data: reference.length,
  };
}
