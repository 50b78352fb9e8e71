import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applySwap } from '@/lib/planner/swap';
import type { PlannedMeal, PlannerInput, WeekPlan } from '@/lib/planner/types';
import { inputArbWith, PROPERTY_TIMEOUT_MS, seedArb } from './arbitraries';
import { allMeals, CATALOG, hardRuleProblems, proteinMeals } from './fixtures';
import { checkPlanAndChanges } from './plan-changes';

const varietyInputArb = inputArbWith(
  CATALOG,
  fc.constantFrom(2, 3, 4, 6, 14),
  (profile, maxProteinMeals) => ({ ...profile, maxProteinMeals }),
);

/** Each recipe cooked once at most, each main protein within the limit; checked from the meals. */
function expectVaried(input: PlannerInput, plan: WeekPlan): void {
  expect(hardRuleProblems(input, plan)).toEqual([]);
  const bySlug = new Map(input.recipes.map((r) => [r.slug, r]));
  const cooked = allMeals(plan)
    .filter((m) => m.leftoverOf === null && !bySlug.get(m.recipeSlug)?.assembly)
    .map((m) => m.recipeSlug);
  expect(new Set(cooked).size).toBe(cooked.length);
  for (const meals of proteinMeals(input, plan).values()) {
    expect(meals).toBeLessThanOrEqual(input.profile.maxProteinMeals!);
  }
}

describe('variety: each recipe once a week, each main protein within its limit', () => {
  it(
    'no generated, swapped or regenerated plan cooks a recipe twice or serves a protein too often',
    () => {
      let planned = 0;
      let runs = 0;
      fc.assert(
        fc.property(varietyInputArb, seedArb, fc.nat(), fc.nat(), (input, seed, pick, pick2) => {
          runs++;
          // any recipe at all, often one already in the week: refused, or the week stays varied
          const any = CATALOG[pick2 % CATALOG.length]!.slug;
          const check = (plan: WeekPlan) => expectVaried(input, plan);
          // a recipe cooked at another meal of the week is always refused
          const cookedTwice = (plan: WeekPlan, meal: PlannedMeal) => {
            const again = allMeals(plan)[pick2 % allMeals(plan).length]!;
            if (again.id === meal.id || again.leftoverOf !== null) return;
            // an assembly recipe may be made a second time
            if (input.recipes.find((r) => r.slug === again.recipeSlug)?.assembly) return;
            expect(applySwap(input, plan, meal.id, again.recipeSlug).ok).toBe(false);
          };
          if (checkPlanAndChanges(input, seed, pick, pick2, any, check, cookedTwice)) planned++;
        }),
        { numRuns: 300 },
      );
      // The limits must not make planning a rarity on this catalog.
      expect(planned / runs).toBeGreaterThan(0.4);
    },
    PROPERTY_TIMEOUT_MS,
  );
});
