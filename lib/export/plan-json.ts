import type { NutritionReport } from '../nutrition/report';
import { type CookLine, cookLine, portionText } from '../planner/batch-words';
import { type BatchPlace, batchPlaces, mealBatch, mealPortions } from '../planner/batches';
import type { Plan, PlanMeal, Recipe } from '../shopping/types';
import type { SharedPortions } from './shared-portions';

/**
 * Each meal's batch to cook (null for leftovers), its place in a batch feeding several meals
 * (null when cooked alone) and each person's portion ("1½ servings each").
 */
type ExportMeal = PlanMeal & {
  cook: CookLine | null;
  batch: BatchPlace | null;
  portionText: string;
  /** Who eats how much on a shared plan ("Alex 1½ servings, Sam 1"); absent otherwise. */
  portionsText?: string;
  recipe: Recipe;
};

export type PlanExport = {
  format: 'villi-plan';
  version: 1;
  plan: Omit<Plan, 'days'> & {
    householdSize: number;
    /** Who eats from a shared plan and their portion of one serving; absent on a one-person plan. */
    members?: readonly SharedMember[];
    /** `washout`: a reintroduction washout day; each meal's `challenge` its add-on or null. */
    days: { date: string; washout: boolean; meals: ExportMeal[] }[];
  };
  /** The weekly nutrition report (GET /api/plans/{id}/nutrition), when given. */
  nutrition?: NutritionReport;
};

export type SharedMember = { profileId: number; name: string; servings: number };

export type PlanExportOptions = {
  /** The household the servings feed, for each person's portion. */
  householdSize: number;
  /** A shared plan's members, and each meal's "Alex 1½ servings, Sam 1" by meal id. */
  shared?: SharedPortions;
  /** The weekly nutrition report (GET /api/plans/{id}/nutrition), when given. */
  nutrition?: NutritionReport;
};

const sharedText = (shared: SharedPortions | undefined, mealId: string) => {
  const text = shared?.byMeal.get(mealId);
  return text === undefined ? {} : { portionsText: text };
};

/** The plan with each meal's recipe embedded, so the file stands on its own. */
export function buildPlanExport(
  plan: Plan,
  recipes: ReadonlyMap<string, Recipe>,
  { householdSize, nutrition, shared }: PlanExportOptions,
): PlanExport {
  const meals = plan.days.flatMap((d) => d.meals);
  const portions = mealPortions(meals, householdSize);
  const batches = batchPlaces(
    plan.days.flatMap((d) => d.meals.map((m) => ({ ...m, date: d.date }))),
  );
  return {
    format: 'villi-plan',
    version: 1,
    plan: {
      ...plan,
      householdSize,
      ...(shared ? { members: shared.members } : {}),
      days: plan.days.map((day) => ({
        date: day.date,
        washout: day.washout === true,
        meals: day.meals.map((meal) => {
          const recipe = recipes.get(meal.recipeSlug);
          if (!recipe) throw new Error(`recipe "${meal.recipeSlug}" of meal ${meal.id} not loaded`);
          const batch = mealBatch(meal, recipe.servings);
          return {
            ...meal,
            challenge: meal.challenge ?? null,
            cook: batch && cookLine(batch),
            batch: batches.get(meal.id) ?? null,
            portionText: portionText(portions.get(meal.id) ?? 0),
            ...sharedText(shared, meal.id),
            recipe,
          };
        }),
      })),
    },
    ...(nutrition ? { nutrition } : {}),
  };
}

/** Pretty-printed JSON of buildPlanExport. */
export function planToJson(
  plan: Plan,
  recipes: ReadonlyMap<string, Recipe>,
  options: PlanExportOptions,
): string {
  return `${JSON.stringify(buildPlanExport(plan, recipes, options), null, 2)}\n`;
}
