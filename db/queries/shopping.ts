import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import { diffShoppingNeeds, type NeedSummary } from '../../lib/shopping/needs-diff';
import { shoppingWords } from '../../lib/shopping/shopping-words';
import type { Food, Recipe } from '../../lib/shopping/types';
import type { Db } from '../client';
import { groupBy } from './page';
import { loadReferenceData } from './reference-data';

// Bound parameters per statement stay well under both engines' limits.
const CHUNK = 500;

function chunks<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

/** Recipes of the given slugs with ingredients, as the shopping and export code needs them. */
export async function loadShoppingRecipes(
  db: Db,
  slugs: readonly string[],
): Promise<Map<string, Recipe>> {
  const unique = [...new Set(slugs)];
  const out = new Map<string, Recipe>();
  if (unique.length === 0) return out;
  const { recipes, recipeIngredients: ri } = db.t;
  const rows = await db.orm
    .select({
      slug: recipes.slug,
      name: recipes.name,
      servings: recipes.servings,
      steps: recipes.steps,
      prepMinutes: recipes.prepMinutes,
      cookMinutes: recipes.cookMinutes,
      description: recipes.description,
    })
    .from(recipes)
    .where(inArray(recipes.slug, unique))
    .orderBy(asc(recipes.slug));
  const ingredients = await db.orm
    .select({
      slug: ri.recipeSlug,
      ndb: ri.ndb,
      grams: ri.grams,
      text: ri.text,
      shopNote: ri.shopNote,
    })
    .from(ri)
    .where(inArray(ri.recipeSlug, unique))
    .orderBy(asc(ri.recipeSlug), asc(ri.position));
  const bySlug = groupBy(ingredients, (i) => i.slug);
  for (const r of rows) {
    out.set(r.slug, {
      ...r,
      ingredients: (bySlug.get(r.slug) ?? []).map(({ ndb, grams, text, shopNote }) => ({
        ndb,
        grams,
        text,
        shopNote,
      })),
    });
  }
  return out;
}

/** The USDA foods (with household measures) that the given recipes use, and `extraNdbs`. */
export async function loadRecipeFoods(
  db: Db,
  recipes: ReadonlyMap<string, Recipe>,
  extraNdbs: readonly string[] = [],
): Promise<Map<string, Food>> {
  const ndbs = [
    ...new Set([
      ...[...recipes.values()].flatMap((r) => r.ingredients.map((i) => i.ndb)),
      ...extraNdbs,
    ]),
  ];
  const out = new Map<string, Food>();
  if (ndbs.length === 0) return out;
  const { foods, foodMeasures: fm } = db.t;
  const rows = await db.orm
    .select({ ndb: foods.ndb, name: foods.longDesc, groupCode: foods.groupCode })
    .from(foods)
    .where(inArray(foods.ndb, ndbs))
    .orderBy(asc(foods.ndb));
  const measures = await db.orm
    .select({ ndb: fm.ndb, seq: fm.seq, amount: fm.amount, label: fm.label, grams: fm.grams })
    .from(fm)
    .where(inArray(fm.ndb, ndbs))
    .orderBy(asc(fm.ndb), asc(fm.seq));
  const byNdb = groupBy(measures, (m) => m.ndb);
  const ref = await loadReferenceData(db);
  for (const f of rows) {
    const list = byNdb.get(f.ndb) ?? [];
    out.set(f.ndb, {
      ...f,
      ...shoppingWords(ref.foodNames, ref.purchaseUnits, f.ndb),
      measures: list.map(({ seq, amount, label, grams }) => ({ seq, amount, label, grams })),
    });
  }
  return out;
}

/** What the list remembers about a plan and its profile: checks, pantry choices, last changes. */
export async function shoppingListState(db: Db, planId: number, profileId: number) {
  const { shoppingChecks: sc, profilePantry: pp, shoppingChanges: ch } = db.t;
  const [checks, pantry, changes] = await Promise.all([
    db.orm
      .select({ ndb: sc.ndb, checked: sc.checked, grams: sc.gramsAtCheck })
      .from(sc)
      .where(eq(sc.planId, planId)),
    db.orm
      .select({ ndb: pp.ndb, inPantry: pp.inPantry })
      .from(pp)
      .where(eq(pp.profileId, profileId)),
    db.orm
      .select({ ndb: ch.ndb, kind: ch.kind })
      .from(ch)
      .where(eq(ch.planId, planId))
      .orderBy(asc(ch.ndb)),
  ]);
  return { checks, pantry, changes };
}

/**
 * Records which lines a plan change added, changed or removed, replacing the last change's
 * marks, in one transaction (the caller's, when it passes one).
 */
export async function recordShoppingChanges(
  db: Db,
  planId: number,
  before: Map<string, NeedSummary>,
  after: Map<string, NeedSummary>,
): Promise<void> {
  const diff = diffShoppingNeeds(before, after);
  const rows = (['added', 'changed', 'removed'] as const).flatMap((kind) =>
    diff[kind].map((ndb) => ({ planId, ndb, kind })),
  );
  await db.transaction(async (tx) => {
    const { shoppingChanges } = tx.t;
    await tx.orm.delete(shoppingChanges).where(eq(shoppingChanges.planId, planId));
    for (const part of chunks(rows)) await tx.orm.insert(shoppingChanges).values(part);
  });
}

/**
 * Checks or un-checks a line, remembering the grams it had then (a later change to them
 * un-checks it). A check is a write to the plan: the caller claims the plan's version in the
 * same transaction (see claimPlanVersion).
 */
export async function setItemChecked(
  db: Db,
  planId: number,
  ndb: string,
  checked: boolean,
  grams: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { shoppingChecks: sc } = tx.t;
    await tx.orm
      .insert(sc)
      .values({ planId, ndb, checked, gramsAtCheck: grams })
      .onConflictDoUpdate({
        target: [sc.planId, sc.ndb],
        set: { checked, gramsAtCheck: grams },
      });
  });
}

/** The profile's explicit pantry choice for a food; it beats the default pantry rules. */
export async function setPantryChoice(
  db: Db,
  profileId: number,
  ndb: string,
  inPantry: boolean,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { profilePantry: pp } = tx.t;
    await tx.orm
      .insert(pp)
      .values({ profileId, ndb, inPantry })
      .onConflictDoUpdate({ target: [pp.profileId, pp.ndb], set: { inPantry } });
  });
}
