import { cookBatch } from '../planner/batches';
import type { Plan, Recipe } from './types';

export type FoodNeed = { ndb: string; grams: number; meals: string[]; notes: string[] };

/**
 * Grams of each food the plan's cooking meals need: Σ ingredient.grams × the meal's recipe
 * multiple (the whole or half recipes cooked, see `cookBatch`), once per cooked batch. Leftover
 * meals add nothing (their portions are in the cooking meal's servings). Foods come out in
 * first-use order, each with its distinct shop notes. A missing recipe is a caller bug and throws.
 */
export function sumFoodNeeds(plan: Plan, recipes: ReadonlyMap<string, Recipe>): FoodNeed[] {
  const needs = new Map<string, FoodNeed>();
  for (const day of plan.days) {
    for (const meal of day.meals) {
      if (meal.leftoverOf !== null) continue;
      const recipe = recipes.get(meal.recipeSlug);
      if (!recipe) throw new Error(`recipe "${meal.recipeSlug}" of meal ${meal.id} not loaded`);
      if (!(recipe.servings > 0)) throw new Error(`recipe "${recipe.slug}" has no servings`);
      const factor = cookBatch(meal.servings, recipe.servings).recipeMultiple;
      for (const ingredient of recipe.ingredients) {
        const need = needs.get(ingredient.ndb) ?? {
          ndb: ingredient.ndb,
          grams: 0,
          meals: [],
          notes: [],
        };
        need.grams += ingredient.grams * factor;
        if (!need.meals.includes(meal.id)) need.meals.push(meal.id);
        // once per line, however many recipes ask the same
        const note = ingredient.shopNote;
        if (note && !need.notes.includes(note)) need.notes.push(note);
        needs.set(ingredient.ndb, need);
      }
    }
  }
  return [...needs.values()].filter((n) => n.grams > 0);
}
