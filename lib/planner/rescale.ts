import type { PlannedMeal, WeekPlan } from './types';

/** Servings of the leftover meals each cooking meal feeds, by the cooking meal's id. */
function fedServings(
  meals: readonly PlannedMeal[],
  servingsOf: (m: PlannedMeal) => number = (m) => m.servings,
): Map<string, number> {
  const fed = new Map<string, number>();
  for (const m of meals) {
    if (m.leftoverOf) fed.set(m.leftoverOf, (fed.get(m.leftoverOf) ?? 0) + servingsOf(m));
  }
  return fed;
}

/**
 * A plan for a household of `toSize` instead of `fromSize`, without replanning: every meal keeps
 * its recipe, lock, leftover link and per-person portion (servings minus the leftover servings it
 * feeds, over `fromSize`); its servings become `toSize × portion`, plus the new servings of the
 * leftover meals it feeds. Day totals are per person and stay as they are. Pure.
 */
export function rescalePlan(plan: WeekPlan, fromSize: number, toSize: number): WeekPlan {
  if (!(fromSize > 0 && toSize > 0)) throw new Error(`household sizes must be positive`);
  const meals = plan.days.flatMap((d) => d.meals);
  const fed = fedServings(meals);
  const own = new Map(
    meals.map((m) => [m.id, (toSize * (m.servings - (fed.get(m.id) ?? 0))) / fromSize]),
  );
  const newFed = fedServings(meals, (m) => own.get(m.id)!);
  return {
    ...plan,
    days: plan.days.map((d) => ({
      ...d,
      meals: d.meals.map((m) => ({
        ...m,
        servings: own.get(m.id)! + (newFed.get(m.id) ?? 0),
      })),
    })),
  };
}
