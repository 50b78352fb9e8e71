import { nutritionSpecOf } from './nutrition';
import {
  carbsPenalty,
  energyPenalty,
  energySharePenalty,
  fiberCeilingPenalty,
  fiberPenalty,
  finishScore,
  inflammationPenalty,
  mealSharePenalty,
  micronutrientPenalty,
  proteinPenalty,
  SCORE_WEIGHTS,
  slotShares,
} from './score';
import type { PlannedMeal, PlannerInput, PlannerRecipe, PlanScore, WeekPlan } from './types';
import { plantKindOf } from './variety';

/**
 * Scores a stored plan straight from its meals with the formula in `score.ts`, without the
 * search's bookkeeping: the reference the planner's incremental arithmetic is checked against.
 * A meal's portion per person is its servings ÷ household size, minus the servings of any
 * leftover meal that reuses it. Unknown recipes are a bug and throw.
 */
export function scorePlan(input: PlannerInput, plan: WeekPlan): PlanScore {
  const p = input.profile;
  const bySlug = new Map<string, PlannerRecipe>();
  for (const r of input.recipes) if (!bySlug.has(r.slug)) bySlug.set(r.slug, r);
  const meals: PlannedMeal[] = plan.days.flatMap((d) => d.meals);
  const n = nutritionSpecOf(p);
  const parts: PlanScore['parts'] = {
    energy: 0,
    protein: 0,
    fiber: 0,
    carbs: 0,
    inflammation: 0,
    variety: 0,
    ingredients: 0,
    ...(n.microKeys.length > 0 ? { micronutrients: 0 } : {}),
    ...(n.sharesOn ? { energyShares: 0 } : {}),
  };
  const slots = [...new Set(plan.days[0]?.meals.map((x) => x.slot) ?? [])];
  const shares = p.energyKcal > 0 ? slotShares(slots, p.energySplit) : null;
  if (shares !== null) parts.mealShares = 0;
  const week = n.microKeys.map(() => 0);
  const cooked = new Map<string, number>();
  for (const day of plan.days) {
    let e = 0;
    let pr = 0;
    let fi = 0;
    let sf = 0;
    let fat = 0;
    for (const meal of day.meals) {
      const recipe = bySlug.get(meal.recipeSlug);
      if (!recipe) throw new Error(`unknown recipe ${meal.recipeSlug}`);
      const fed = meals.filter((x) => x.leftoverOf === meal.id).reduce((a, x) => a + x.servings, 0);
      const portion = (meal.servings - fed) / p.householdSize;
      e += portion * recipe.perServing.energyKcal;
      pr += portion * recipe.perServing.proteinG;
      fi += portion * recipe.perServing.fiberG;
      sf += portion * (recipe.perServing.saturatedFatG ?? 0);
      fat += portion * (recipe.perServing.fatG ?? 0);
      n.microKeys.forEach((key, j) => {
        week[j] = week[j]! + portion * (recipe.perServing[key] ?? 0);
      });
      parts.carbs += carbsPenalty(
        portion * recipe.perServing.carbsG,
        meal.slot === 'snack' ? n.snackCarbs : p.carbsPerMealG,
      );
      parts.inflammation += inflammationPenalty(recipe.inflammationScore);
      if (shares !== null) {
        const share = shares[slots.indexOf(meal.slot)]!;
        parts.mealShares =
          (parts.mealShares ?? 0) +
          mealSharePenalty(portion * recipe.perServing.energyKcal, share, p.energyKcal);
      }
      if (meal.leftoverOf === null)
        cooked.set(meal.recipeSlug, (cooked.get(meal.recipeSlug) ?? 0) + 1);
    }
    parts.energy += energyPenalty(e, p.energyKcal);
    parts.protein += proteinPenalty(pr, p.proteinG);
    parts.fiber += fiberPenalty(fi, p.fiberG) + fiberCeilingPenalty(fi, p.fiberG, n.fiberMaxFactor);
    if (n.sharesOn) {
      parts.energyShares =
        (parts.energyShares ?? 0) + energySharePenalty(e, pr, sf, fat, p.energyKcal, n.shares);
    }
  }
  if (n.microKeys.length > 0) {
    parts.micronutrients = n.microTargets.reduce(
      (a, t, j) => a + micronutrientPenalty(week[j]!, t),
      0,
    );
  }
  const ndbs = new Set<string>();
  const plants = new Set<string>();
  for (const slug of cooked.keys()) {
    for (const ing of bySlug.get(slug)!.ingredients) {
      ndbs.add(ing.ndb);
      const kind = plantKindOf(ing);
      if (kind !== null) plants.add(kind);
    }
  }
  parts.ingredients = SCORE_WEIGHTS.ingredient * ndbs.size;
  parts.variety = -SCORE_WEIGHTS.plant * plants.size;
  return finishScore(parts, ndbs.size, plants.size);
}
