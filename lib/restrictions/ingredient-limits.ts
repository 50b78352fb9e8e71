import type { IngredientLimit, TagRef } from './types';

/** One ingredient line as the limit check needs it: grams in one written serving (null or absent = unknown). */
export type LimitedIngredient = {
  name: string;
  gramsPerServing?: number | null;
  tags: TagRef[];
};

export type IngredientLimitBreach = { code: string; reason: string; foods: string[] };

/**
 * The per-meal amount limits a recipe breaks when one person eats `portion` servings: for each
 * limit, the grams of every ingredient tagged with its code (at any certainty) add up, and an
 * unknown amount of such a food counts as over (an unknown is never read as 0). Pure.
 */
export function ingredientLimitBreaches(
  ingredients: LimitedIngredient[],
  limits: IngredientLimit[],
  portion: number,
): IngredientLimitBreach[] {
  const breaches: IngredientLimitBreach[] = [];
  for (const limit of limits) {
    const hits = ingredients.filter((i) => i.tags.some((t) => t.code === limit.code));
    if (hits.length === 0) continue;
    const unknown = hits.some((i) => i.gramsPerServing == null);
    const grams = hits.reduce((sum, i) => sum + (i.gramsPerServing ?? 0), 0) * portion;
    if (unknown || grams > limit.maxGramsPerMeal + 1e-9) {
      breaches.push({
        code: limit.code,
        reason: limit.reason,
        foods: [...new Set(hits.map((i) => i.name))],
      });
    }
  }
  return breaches;
}
