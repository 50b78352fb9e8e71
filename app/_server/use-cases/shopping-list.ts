import 'server-only';
import type { Db } from '@/db/client';
import type { PlanView } from '@/db/queries/plans';
import { loadReferenceData } from '@/db/queries/reference-data';
import { loadRecipeFoods, loadShoppingRecipes, shoppingListState } from '@/db/queries/shopping';
import type { WeekPlan } from '@/lib/planner/types';
import { sumFoodNeeds } from '@/lib/shopping/needs';
import type { NeedSummary } from '@/lib/shopping/needs-diff';
import { toShoppingPlan } from '@/lib/shopping/plan-from-week';
import type { ShoppingList, UnitSystem } from '@/lib/shopping/types';
import { buildShoppingListInPool } from '../pool';

export type ShoppingListView = ShoppingList & {
  weekStart: string;
  profileId: number;
  units: UnitSystem;
  /** What the last swap or regeneration did to the list. */
  lastChange: { added: string[]; changed: string[]; removed: string[] };
};

export async function buildPlanShoppingList(
  db: Db,
  view: PlanView,
  plan: WeekPlan,
  units: UnitSystem,
  aisleOrder?: string[],
): Promise<ShoppingListView> {
  const shoppingPlan = toShoppingPlan(view.id, view.profileId, plan, view.householdSize);
  const recipes = await loadShoppingRecipes(
    db,
    plan.days.flatMap((d) => d.meals.map((m) => m.recipeSlug)),
  );
  const foods = await loadRecipeFoods(db, recipes, challengeFoods(plan));
  const [{ checks, pantry, changes }, ref] = await Promise.all([
    shoppingListState(db, view.id, view.profileId),
    loadReferenceData(db),
  ]);
  const list = await buildShoppingListInPool({
    plan: shoppingPlan,
    recipes,
    foods,
    aisles: ref.aisles,
    pantry: {
      defaults: ref.pantryDefaults,
      explicit: new Map(pantry.map((p) => [p.ndb, p.inPantry])),
    },
    checked: new Map(checks.map((c) => [c.ndb, { checked: c.checked, gramsAtCheck: c.grams }])),
    units,
    aisleOrder,
  });
  // a change to any food of a merged line marks the line, under its key
  const lineOf = new Map(list.items.flatMap((i) => i.ndbs.map((n) => [n, i.ndb] as const)));
  // a food gone from a line that stays (another food of its name is still bought) changed it
  const lineOfName = new Map(list.items.map((i) => [i.name, i.ndb]));
  const stayingLine = (ndb: string): string | undefined => {
    const name = ref.foodNames.get(ndb)?.shopping;
    return name === undefined ? undefined : lineOfName.get(name);
  };
  const of = (kind: string) =>
    changes.filter((c) => c.kind === kind).map((c) => lineOf.get(c.ndb) ?? c.ndb);
  const gone = changes.filter((c) => c.kind === 'removed').map((c) => c.ndb);
  const lastChange = {
    added: [...new Set(of('added'))],
    changed: [...new Set([...of('changed'), ...gone.flatMap((n) => stayingLine(n) ?? [])])],
    removed: [...new Set(gone.filter((n) => stayingLine(n) === undefined))],
  };
  return { ...list, weekStart: view.weekStart, profileId: view.profileId, units, lastChange };
}

/** The challenge foods of a plan's meals (their NDB numbers), bought beside the recipes' foods. */
export function challengeFoods(plan: WeekPlan): string[] {
  return plan.days.flatMap((d) => d.meals.flatMap((m) => (m.challenge ? [m.challenge.ndb] : [])));
}

/**
 * Grams and meals of each food a plan needs for a household of `householdSize`, for marking what
 * a swap changed.
 */
export async function needsOf(
  db: Db,
  planId: number,
  profileId: number,
  plan: WeekPlan,
  householdSize: number,
): Promise<Map<string, NeedSummary>> {
  const recipes = await loadShoppingRecipes(
    db,
    plan.days.flatMap((d) => d.meals.map((m) => m.recipeSlug)),
  );
  return new Map(
    sumFoodNeeds(toShoppingPlan(planId, profileId, plan, householdSize), recipes).map((n) => [
      n.ndb,
      n,
    ]),
  );
}
