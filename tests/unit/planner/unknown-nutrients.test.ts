import { describe, expect, it } from 'vitest';
import { generatePlan } from '@/lib/planner/generate-plan';
import { createRng } from '@/lib/planner/rng';
import { applySwap } from '@/lib/planner/swap';
import type { PlannerInput, PlannerRecipe } from '@/lib/planner/types';
import { FAST } from './arbitraries';
import { allMeals, CATALOG, makeInput, makeProfile } from './fixtures';

function plan(input: PlannerInput) {
  const result = generatePlan(input, createRng(11), FAST);
  if (!result.ok) throw new Error('expected a plan');
  return result.plan;
}

describe('unknown nutrients in the planner', () => {
  it('labels a day total "at least" when a meal of the day has an ingredient without data', () => {
    const recipes: PlannerRecipe[] = CATALOG.map((r) => ({
      ...r,
      unknownNutrients: { fiberG: 1 },
    }));
    for (const day of plan(makeInput({ recipes })).days) {
      expect(day.totals.atLeast).toEqual(['fiberG']);
    }
    for (const day of plan(makeInput({ recipes: CATALOG })).days) {
      expect(day.totals.atLeast).toBeUndefined();
    }
  });

  it('never plans a recipe whose carbohydrate is unknown when a per-meal carb target is set', () => {
    const unknownCarbs = new Set(CATALOG.filter((_, i) => i % 4 === 0).map((r) => r.slug));
    const recipes = CATALOG.map((r) =>
      unknownCarbs.has(r.slug) ? { ...r, unknownNutrients: { carbsG: 1 } } : r,
    );
    const withTarget = makeInput({
      recipes,
      profile: makeProfile({ carbsPerMealG: { target: 45, tolerance: 10 } }),
    });
    const week = plan(withTarget);
    expect(allMeals(week).filter((m) => unknownCarbs.has(m.recipeSlug))).toEqual([]);
    const meal = allMeals(week).find((m) => m.slot === 'dinner')!;
    const target = recipes.find((r) => unknownCarbs.has(r.slug) && r.mealTypes.includes('dinner'))!;
    const swapped = applySwap(withTarget, week, meal.id, target.slug);
    expect(swapped.ok).toBe(false);
    if (!swapped.ok) expect(swapped.violations?.map((v) => v.code)).toContain('carbs-unknown');
    // Without a carb target the unknown carbohydrate limits nothing.
    const free = makeInput({ recipes });
    const freeWeek = plan(free);
    const swappedFree = applySwap(free, freeWeek, freeWeek.days[0]!.meals[2]!.id, target.slug);
    if (!swappedFree.ok) expect(swappedFree.code).not.toBe('not-compliant');
  });
});
