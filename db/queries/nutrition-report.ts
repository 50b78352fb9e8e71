import 'server-only';
import { count } from 'drizzle-orm';
import type { MealType } from '../../lib/foods/codes';
import { nutritionColumn, nutritionUnknownColumn } from '../../lib/recipes/columns';
import type { Db } from '../client';
import { plannerMealTypesColumn } from './planner-recipes';

export type RecipeNutrition = {
  slug: string;
  name: string;
  mealTypes: MealType[];
  perServing: Record<string, number | null>;
  unknown: Record<string, number>;
  ingredientLines: number;
};

/** Every recipe's per-serving nutrition, unknown counts and ingredient lines, by slug. */
export async function loadRecipeNutrition(db: Db): Promise<Map<string, RecipeNutrition>> {
  const { recipes, recipeIngredients } = db.t;
  const rows = await db.orm
    .select({
      slug: recipes.slug,
      name: recipes.name,
      mealTypes: recipes.mealTypes,
      nutrition: recipes.nutritionPerServing,
      unknown: recipes.nutritionUnknown,
    })
    .from(recipes);
  const lines = await db.orm
    .select({ slug: recipeIngredients.recipeSlug, lines: count() })
    .from(recipeIngredients)
    .groupBy(recipeIngredients.recipeSlug);
  const linesBySlug = new Map(lines.map((l) => [l.slug, l.lines]));
  return new Map(
    rows.map((r) => [
      r.slug,
      {
        slug: r.slug,
        name: r.name,
        mealTypes: plannerMealTypesColumn.parse(r.mealTypes),
        perServing: nutritionColumn.parse(r.nutrition),
        unknown: nutritionUnknownColumn.parse(r.unknown),
        ingredientLines: linesBySlug.get(r.slug) ?? 0,
      },
    ]),
  );
}
