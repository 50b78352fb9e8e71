import { cookBatch } from '../planner/batches';
import type { Plan, Recipe } from './types';

export type FoodNeed = {
  ndb: string;
  grams: number;
  meals: string[];
  notes: string[];
  /** Of `grams`, those for reintroduction challenges, and their ids; absent = none. */
  challenge?: { challengeIds: string[]; grams: number };
};

function needOf(needs: Map<string, FoodNeed>, ndb: string): FoodNeed {
  const need = needs.get(ndb) ?? { ndb, grams: 0, meals: [], notes: [] };
  needs.set(ndb, need);
  return need;
}

/**
 * Grams of each food the plan's cooking meals need: Σ ingredient.grams × the meal's recipe
 * multiple (the whole or half recipes cooked, see `cookBatch`), once per cooked batch. Leftover
 * meals add nothing (their portions are in the cooking meal's servings). A challenge meal, a
 * leftover one too, adds its challenge food for the household (`householdG`). Foods come out in
 * first-use order, each with its distinct shop notes. A missing recipe is a caller bug and throws.
 */
export function sumFoodNeeds(plan: Plan, recipes: ReadonlyMap<string, Recipe>): FoodNeed[] {
  const needs = new Map<string, FoodNeed>();
  for (const day of plan.days) {
    for (const meal of day.meals) {
      if (meal.challenge) {
        const need = needOf(needs, meal.challenge.ndb);
        need.grams += meal.challenge.householdG;
        if (!need.meals.includes(meal.id)) need.meals.push(meal.id);
        const part = need.challenge ?? { challengeIds: [], grams: 0 };
        part.grams += meal.challenge.householdG;
        if (!part.challengeIds.includes(meal.challenge.challengeId)) {
          part.challengeIds.push(meal.challenge.challengeId);
        }
        need.challenge = part;
      }
      if (meal.leftoverOf !== null) continue;
      const recipe = recipes.get(meal.recipeSlug);
      if (!recipe) throw new Error(`recipe "${meal.recipeSlug}" of meal ${meal.id} not loaded`);
      if (!(recipe.servings > 0)) throw new Error(`recipe "${recipe.slug}" has no servings`);
      const factor = cookBatch(meal.servings, recipe.servings).recipeMultiple;
      for (const ingredient of recipe.ingredients) {
        const need = needOf(needs, ingredient.ndb);
        need.grams += ingredient.grams * factor;
        if (!need.meals.includes(meal.id)) need.meals.push(meal.id);
        // once per line, however many recipes ask the same
        const note = ingredient.shopNote;
        if (note && !need.notes.includes(note)) need.notes.push(note);
      }
    }
  }
  return [...needs.values()].filter((n) => n.grams > 0);
}
