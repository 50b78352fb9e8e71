import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import type { WeekPlan } from '../../lib/planner/types';
import { parseAisleRules } from '../../lib/shopping/aisles';
import { buildShoppingList } from '../../lib/shopping/build-list';
import { sumFoodNeeds } from '../../lib/shopping/needs';
import { diffShoppingNeeds, type NeedSummary } from '../../lib/shopping/needs-diff';
import { parsePantryDefaults } from '../../lib/shopping/pantry';
import type { Food, Plan, Recipe, ShoppingList, UnitSystem } from '../../lib/shopping/types';
import aislesJson from '../../seeds/aisles.json';
import pantryJson from '../../seeds/pantry-defaults.json';
import type { Db } from '../client';
import { shoppingWords } from './food-words';
import { groupBy } from './page';
import type { PlanView } from './plans';

const AISLE_RULES = parseAisleRules(aislesJson);
export const AISLE_IDS = AISLE_RULES.aisles.map((a) => a.id);
const PANTRY_DEFAULTS = parsePantryDefaults(pantryJson);

/** The shopping domain's view of a plan. */
export function toShoppingPlan(planId: number, profileId: number, plan: WeekPlan): Plan {
  return {
    id: String(planId),
    profileId: String(profileId),
    weekStart: plan.weekStart,
    days: plan.days.map((d) => ({
      date: d.date,
      meals: d.meals.map((m) => ({
        id: m.id,
        slot: m.slot,
        recipeSlug: m.recipeSlug,
        servings: m.servings,
        locked: m.locked,
        leftoverOf: m.leftoverOf,
      })),
    })),
  };
}

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

/** The USDA foods (with household measures) that the given recipes use. */
export async function loadRecipeFoods(
  db: Db,
  recipes: ReadonlyMap<string, Recipe>,
): Promise<Map<string, Food>> {
  const ndbs = [...new Set([...recipes.values()].flatMap((r) => r.ingredients.map((i) => i.ndb)))];
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
  for (const f of rows) {
    const list = byNdb.get(f.ndb) ?? [];
    out.set(f.ndb, {
      ...f,
      ...shoppingWords(f.ndb),
      measures: list.map(({ seq, amount, label, grams }) => ({ seq, amount, label, grams })),
    });
  }
  return out;
}

export type ShoppingListView = ShoppingList & {
  weekStart: string;
  profileId: number;
  units: UnitSystem;
  /** What the last swap or regeneration did to the list. */
  lastChange: { added: string[]; changed: string[]; removed: string[] };
};

/** What the list remembers about a plan and its profile: checks, pantry choices, last changes. */
async function listState(db: Db, planId: number, profileId: number) {
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

export async function buildPlanShoppingList(
  db: Db,
  view: PlanView,
  plan: WeekPlan,
  units: UnitSystem,
  aisleOrder?: string[],
): Promise<ShoppingListView> {
  const shoppingPlan = toShoppingPlan(view.id, view.profileId, plan);
  const recipes = await loadShoppingRecipes(
    db,
    plan.days.flatMap((d) => d.meals.map((m) => m.recipeSlug)),
  );
  const foods = await loadRecipeFoods(db, recipes);
  const { checks, pantry, changes } = await listState(db, view.id, view.profileId);
  const list = buildShoppingList({
    plan: shoppingPlan,
    recipes,
    foods,
    aisles: AISLE_RULES,
    pantry: {
      defaults: PANTRY_DEFAULTS,
      explicit: new Map(pantry.map((p) => [p.ndb, p.inPantry])),
    },
    checked: new Map(checks.map((c) => [c.ndb, { checked: c.checked, gramsAtCheck: c.grams }])),
    units,
    aisleOrder,
  });
  // a change to any food of a merged line marks the line, under its key
  const lineOf = new Map(list.items.flatMap((i) => i.ndbs.map((n) => [n, i.ndb] as const)));
  const of = (kind: string) => [
    ...new Set(changes.filter((c) => c.kind === kind).map((c) => lineOf.get(c.ndb) ?? c.ndb)),
  ];
  return {
    ...list,
    weekStart: view.weekStart,
    profileId: view.profileId,
    units,
    lastChange: { added: of('added'), changed: of('changed'), removed: of('removed') },
  };
}

/** Grams and meals of each food a plan needs, for marking what a swap changed. */
export async function needsOf(
  db: Db,
  planId: number,
  profileId: number,
  plan: WeekPlan,
): Promise<Map<string, NeedSummary>> {
  const recipes = await loadShoppingRecipes(
    db,
    plan.days.flatMap((d) => d.meals.map((m) => m.recipeSlug)),
  );
  return new Map(
    sumFoodNeeds(toShoppingPlan(planId, profileId, plan), recipes).map((n) => [n.ndb, n]),
  );
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
