import 'server-only';
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

/** Recipes of the given slugs with ingredients, as the shopping and export code needs them. */
export function loadShoppingRecipes(db: Db, slugs: string[]): Map<string, Recipe> {
  const unique = [...new Set(slugs)];
  const out = new Map<string, Recipe>();
  if (unique.length === 0) return out;
  const marks = unique.map(() => '?').join(',');
  const rows = db.$client
    .prepare(
      `SELECT slug, name, servings, steps, prep_minutes, cook_minutes, description FROM recipes WHERE slug IN (${marks})`,
    )
    .all(...unique) as {
    slug: string;
    name: string;
    servings: number;
    steps: string;
    prep_minutes: number;
    cook_minutes: number;
    description: string;
  }[];
  const ingredients = db.$client
    .prepare(
      `SELECT recipe_slug AS slug, ndb, grams, text, shop_note AS shopNote FROM recipe_ingredients WHERE recipe_slug IN (${marks}) ORDER BY recipe_slug, position`,
    )
    .all(...unique) as {
    slug: string;
    ndb: string;
    grams: number;
    text: string;
    shopNote: string | null;
  }[];
  const bySlug = groupBy(ingredients, (i) => i.slug);
  for (const r of rows) {
    out.set(r.slug, {
      slug: r.slug,
      name: r.name,
      servings: r.servings,
      steps: JSON.parse(r.steps),
      prepMinutes: r.prep_minutes,
      cookMinutes: r.cook_minutes,
      description: r.description,
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
export function loadRecipeFoods(db: Db, recipes: ReadonlyMap<string, Recipe>): Map<string, Food> {
  const ndbs = [...new Set([...recipes.values()].flatMap((r) => r.ingredients.map((i) => i.ndb)))];
  const out = new Map<string, Food>();
  if (ndbs.length === 0) return out;
  const marks = ndbs.map(() => '?').join(',');
  const foods = db.$client
    .prepare(
      `SELECT ndb, long_desc AS name, group_code AS groupCode FROM foods WHERE ndb IN (${marks})`,
    )
    .all(...ndbs) as { ndb: string; name: string; groupCode: string }[];
  const measures = db.$client
    .prepare(
      `SELECT ndb, seq, amount, label, grams FROM food_measures WHERE ndb IN (${marks}) ORDER BY ndb, seq`,
    )
    .all(...ndbs) as { ndb: string; seq: number; amount: number; label: string; grams: number }[];
  const byNdb = groupBy(measures, (m) => m.ndb);
  for (const f of foods) {
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

export function buildPlanShoppingList(
  db: Db,
  view: PlanView,
  plan: WeekPlan,
  units: UnitSystem,
  aisleOrder?: string[],
): ShoppingListView {
  const shoppingPlan = toShoppingPlan(view.id, view.profileId, plan);
  const recipes = loadShoppingRecipes(
    db,
    plan.days.flatMap((d) => d.meals.map((m) => m.recipeSlug)),
  );
  const foods = loadRecipeFoods(db, recipes);
  const checks = db.$client
    .prepare('SELECT ndb, checked, grams_at_check AS grams FROM shopping_checks WHERE plan_id = ?')
    .all(view.id) as { ndb: string; checked: number; grams: number }[];
  const pantry = db.$client
    .prepare('SELECT ndb, in_pantry AS inPantry FROM profile_pantry WHERE profile_id = ?')
    .all(view.profileId) as { ndb: string; inPantry: number }[];
  const changes = db.$client
    .prepare('SELECT ndb, kind FROM shopping_changes WHERE plan_id = ? ORDER BY ndb')
    .all(view.id) as { ndb: string; kind: 'added' | 'changed' | 'removed' }[];
  const list = buildShoppingList({
    plan: shoppingPlan,
    recipes,
    foods,
    aisles: AISLE_RULES,
    pantry: {
      defaults: PANTRY_DEFAULTS,
      explicit: new Map(pantry.map((p) => [p.ndb, p.inPantry === 1])),
    },
    checked: new Map(
      checks.map((c) => [c.ndb, { checked: c.checked === 1, gramsAtCheck: c.grams }]),
    ),
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
export function needsOf(
  db: Db,
  planId: number,
  profileId: number,
  plan: WeekPlan,
): Map<string, NeedSummary> {
  const recipes = loadShoppingRecipes(
    db,
    plan.days.flatMap((d) => d.meals.map((m) => m.recipeSlug)),
  );
  return new Map(
    sumFoodNeeds(toShoppingPlan(planId, profileId, plan), recipes).map((n) => [n.ndb, n]),
  );
}

/** Records which lines a plan change added, changed or removed (inside the caller's transaction). */
export function recordShoppingChanges(
  db: Db,
  planId: number,
  before: Map<string, NeedSummary>,
  after: Map<string, NeedSummary>,
): void {
  const diff = diffShoppingNeeds(before, after);
  db.$client.prepare('DELETE FROM shopping_changes WHERE plan_id = ?').run(planId);
  const insert = db.$client.prepare(
    'INSERT INTO shopping_changes (plan_id, ndb, kind) VALUES (?, ?, ?)',
  );
  for (const kind of ['added', 'changed', 'removed'] as const) {
    for (const ndb of diff[kind]) insert.run(planId, ndb, kind);
  }
}

export function setItemChecked(
  db: Db,
  planId: number,
  ndb: string,
  checked: boolean,
  grams: number,
): void {
  db.$client
    .prepare(
      `INSERT INTO shopping_checks (plan_id, ndb, checked, grams_at_check) VALUES (?, ?, ?, ?)
       ON CONFLICT(plan_id, ndb) DO UPDATE SET checked = excluded.checked, grams_at_check = excluded.grams_at_check`,
    )
    .run(planId, ndb, checked ? 1 : 0, grams);
}

export function setPantryChoice(db: Db, profileId: number, ndb: string, inPantry: boolean): void {
  db.$client
    .prepare(
      `INSERT INTO profile_pantry (profile_id, ndb, in_pantry) VALUES (?, ?, ?)
       ON CONFLICT(profile_id, ndb) DO UPDATE SET in_pantry = excluded.in_pantry`,
    )
    .run(profileId, ndb, inPantry ? 1 : 0);
}
