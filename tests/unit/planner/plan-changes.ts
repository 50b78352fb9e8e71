import { expect } from 'vitest';
import { generatePlan, regeneratePlan } from '@/lib/planner/generate-plan';
import { createRng } from '@/lib/planner/rng';
import { applySwap, rankAlternatives } from '@/lib/planner/swap';
import type { PlannedMeal, PlannerInput, WeekPlan } from '@/lib/planner/types';
import { FAST } from './arbitraries';
import { allMeals } from './fixtures';

/**
 * Generates a week and checks it, then every week made from it: the meal `pick` points at
 * swapped to each of its three best alternatives (each must be accepted) and to the recipe
 * `anyRecipe` (refused, or checked), and the week and the day `pick2` points at regenerated.
 * `more` runs extra checks on the first week. Returns whether a week was planned at all.
 */
export function checkPlanAndChanges(
  input: PlannerInput,
  seed: number,
  pick: number,
  pick2: number,
  anyRecipe: string,
  check: (plan: WeekPlan) => void,
  more?: (plan: WeekPlan, meal: PlannedMeal) => void,
): boolean {
  const result = generatePlan(input, createRng(seed), FAST);
  if (!result.ok) return false;
  check(result.plan);
  const meals = allMeals(result.plan);
  const meal = meals[pick % meals.length]!;
  for (const alt of rankAlternatives(input, result.plan, meal.id, 3)) {
    const swapped = applySwap(input, result.plan, meal.id, alt.recipeSlug);
    expect(swapped.ok).toBe(true);
    if (swapped.ok) check(swapped.plan);
  }
  const forced = applySwap(input, result.plan, meal.id, anyRecipe);
  if (forced.ok) check(forced.plan);
  more?.(result.plan, meal);
  const date = result.plan.days[pick2 % 7]!.date;
  for (const scope of [{ scope: 'week' as const }, { scope: 'day' as const, date }]) {
    const again = regeneratePlan(input, result.plan, scope, createRng(seed + 1), FAST);
    if (again.ok) check(again.plan);
  }
  return true;
}
