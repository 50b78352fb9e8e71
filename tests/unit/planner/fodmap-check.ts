import type { PlannerInput, WeekPlan } from '@/lib/planner/types';

const FODMAP = /^(high-fodmap|fodmap-|fructan-)/;
const SUBGROUP = /^fodmap-/;

/**
 * Independent check of the dose model on a finished plan (written without lib/fodmap): for every
 * meal, the portion per person eaten at that meal (a dinner that feeds a leftover lunch minus the
 * lunch's servings), each dosed food's grams against its green serve, and per subgroup the sum
 * of grams ÷ green serve (stacking, ≤ 1). A FODMAP food without a green serve is a problem too.
 */
export function doseProblems(input: PlannerInput, plan: WeekPlan): string[] {
  const bySlug = new Map(input.recipes.map((r) => [r.slug, r]));
  const meals = plan.days.flatMap((d) => d.meals);
  const problems: string[] = [];
  const hh = input.profile.householdSize;
  for (const meal of meals) {
    const recipe = bySlug.get(meal.recipeSlug);
    if (!recipe) continue;
    const fed = meals
      .filter((x) => x.leftoverOf === meal.id && x.recipeSlug === meal.recipeSlug)
      .reduce((a, x) => a + x.servings, 0);
    const portion = (meal.servings - fed) / hh;
    const sums = new Map<string, number>();
    for (const ing of recipe.ingredients) {
      const fodmap = ing.tags.filter((t) => FODMAP.test(t.code));
      if (fodmap.length === 0) continue;
      const greens = fodmap.map((t) => t.greenMaxG);
      if (greens.some((g) => g === undefined || g <= 0)) {
        problems.push(`${meal.id} ${recipe.slug}: ${ing.name} has no green serve`);
        continue;
      }
      const green = Math.min(...(greens as number[]));
      const grams = (ing.gramsPerServing ?? Number.NaN) * portion;
      if (!(grams <= green + 1e-6)) {
        problems.push(
          `${meal.id} ${recipe.slug}: ${ing.name} ${grams} g over its ${green} g serve`,
        );
      }
      const subgroups = fodmap.map((t) => t.code).filter((c) => SUBGROUP.test(c));
      for (const code of new Set(subgroups)) sums.set(code, (sums.get(code) ?? 0) + grams / green);
    }
    for (const [code, sum] of sums) {
      if (sum > 1 + 1e-6)
        problems.push(`${meal.id} ${recipe.slug}: ${code} stacks to ${sum.toFixed(3)}`);
    }
  }
  return problems;
}
