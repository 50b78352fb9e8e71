import type { PlannerIngredient, PlannerRecipe } from './types';

/**
 * Variety of the week, HARD (like the cooking budget in `cooking.ts`):
 * - a recipe is cooked at most once a week (a leftover meal of it is fine), kept by every move;
 *   an assembly recipe (fruit with nut butter, overnight oats: nothing is cooked) may be made
 *   on `ASSEMBLY_MEALS_PER_WEEK` days, never twice a day;
 * - one main protein (a recipe's `mainProtein`: salmon, chicken, beans; derived from its foods,
 *   lib/recipes/main-protein.ts) is served at most `maxProteinMeals` meals a week, leftover meals
 *   included. The search prices a meal over the limit `PROTEIN_LIMIT_WEIGHT` only so it climbs
 *   out; a week still over it is never returned.
 *
 * And SOFT: the different plant foods of the week (kinds of the cooked recipes' ingredients of a
 * plant group) earn a small reward, `SCORE_WEIGHTS.plant` each (the weight and its reason are in
 * `score.ts`). Plant diversity is associated with a more diverse gut microbiome (observational
 * evidence).
 */

/**
 * USDA SR21 food groups of plant foods: spices and herbs, fruits, vegetables, nuts and seeds,
 * legumes, cereal grains and pasta. Oils (fats and oils) and breakfast cereals are left out, as
 * the groups file them.
 */
export const PLANT_GROUP_CODES: ReadonlySet<string> = new Set([
  '0200',
  '0900',
  '1100',
  '1200',
  '1600',
  '2000',
]);

/** Foods of a plant group that are no plant: table salt is filed with the spices. */
const NOT_PLANTS: ReadonlySet<string> = new Set(['02047']);

/** The kind of plant an ingredient is (see `PlannerIngredient.kind`), or null: not a plant. */
export function plantKindOf(ing: PlannerIngredient): string | null {
  if (!ing.foodGroup || !PLANT_GROUP_CODES.has(ing.foodGroup) || NOT_PLANTS.has(ing.ndb)) {
    return null;
  }
  return ing.kind ?? ing.ndb;
}

/**
 * Days a week one assembly recipe may be made. People repeat a no-cook breakfast or snack far
 * more readily than a cooked dish, and on a small protocol (AIP has about ten no-cook recipes)
 * once a week would leave weekdays with two cooking sessions and no leftovers unplannable.
 */
export const ASSEMBLY_MEALS_PER_WEEK = 2;

/** Fresh meals a week of `recipe` (leftover meals of it not counted). */
export function mealsPerWeekOf(recipe: Pick<PlannerRecipe, 'assembly'>): number {
  return recipe.assembly ? ASSEMBLY_MEALS_PER_WEEK : 1;
}

/** Penalty points per meal over the main-protein limit: never traded. */
export const PROTEIN_LIMIT_WEIGHT = 1000;

/** Penalty of one main protein served at `meals` meals against the limit `max` (0 within it). */
export function proteinExcessPenalty(meals: number, max: number): number {
  return meals > max ? PROTEIN_LIMIT_WEIGHT * (meals - max) : 0;
}

/** "3 meals", "1 meal". */
export function mealsText(n: number): string {
  return `${n} ${n === 1 ? 'meal' : 'meals'}`;
}
