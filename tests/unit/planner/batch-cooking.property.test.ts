import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MealType } from '@/lib/foods/codes';
import { cookBatch } from '@/lib/planner/batches';
import type { PlannerInput, WeekPlan } from '@/lib/planner/types';
import { inputArbWith, PROPERTY_TIMEOUT_MS, seedArb } from './arbitraries';
import { allMeals, CATALOG, hardRuleProblems } from './fixtures';
import { checkPlanAndChanges } from './plan-changes';

/** Slots with both a lunch and a dinner: the meals batches feed. */
const SLOT_SETS: MealType[][] = [
  ['breakfast', 'lunch', 'dinner'],
  ['breakfast', 'lunch', 'dinner', 'snack'],
  ['lunch', 'dinner'],
];

const inputArb = inputArbWith(CATALOG, fc.constantFrom(...SLOT_SETS), (profile, slots) => ({
  ...profile,
  slots,
  leftovers: true,
}));

const bySlug = new Map(CATALOG.map((r) => [r.slug, r]));
const dayIndex = (plan: WeekPlan, date: string): number =>
  plan.days.findIndex((d) => d.date === date);

/**
 * The batch rules, written out again from the stored meals: each leftover meal is eaten on a
 * later day than its cooking, within the dish's fridge days unless it freezes, from a freshly
 * cooked meal of the same recipe; a cooking feeds at most three meals; no dish twice a day; the
 * cooking meal's servings are its own portion for the household plus every leftover meal's, and
 * the whole or half recipes it cooks cover them (the shopping list buys exactly that batch).
 * Returns the number of batches of three meals seen.
 */
function checkBatches(input: PlannerInput, plan: WeekPlan): number {
  const meals = allMeals(plan);
  const byId = new Map(meals.map((m) => [m.id, m]));
  const hh = input.profile.householdSize;
  let threes = 0;
  for (const meal of meals) {
    const recipe = bySlug.get(meal.recipeSlug)!;
    if (meal.leftoverOf !== null) {
      const source = byId.get(meal.leftoverOf)!;
      expect(source.leftoverOf).toBeNull();
      expect(source.recipeSlug).toBe(meal.recipeSlug);
      const gap = dayIndex(plan, meal.date) - dayIndex(plan, source.date);
      expect(gap).toBeGreaterThanOrEqual(1);
      if (!recipe.freezes) expect(gap).toBeLessThanOrEqual(recipe.leftoverDays);
      expect(['lunch', 'dinner']).toContain(meal.slot);
      expect(['lunch', 'dinner']).toContain(source.slot);
      continue;
    }
    const fed = meals.filter((m) => m.leftoverOf === meal.id);
    expect(fed.length).toBeLessThanOrEqual(2);
    if (fed.length === 2) threes++;
    const eatenByLeftovers = fed.reduce((a, m) => a + m.servings, 0);
    // the portions per person: whole and half servings from ½ to 2
    expect([0.5, 1, 1.5, 2]).toContain((meal.servings - eatenByLeftovers) / hh);
    const batch = cookBatch(meal.servings, recipe.servings);
    expect(batch.servings).toBeGreaterThanOrEqual(meal.servings - 1e-9);
    expect(batch.servings - recipe.servings / 2).toBeLessThan(meal.servings - 1e-9);
  }
  for (const day of plan.days) {
    const slugs = day.meals.map((m) => m.recipeSlug);
    expect(new Set(slugs).size).toBe(slugs.length);
  }
  return threes;
}

describe('batch cooking', () => {
  it(
    'generated, swapped and regenerated weeks eat every batch within its days, at most three meals a cooking',
    () => {
      let planned = 0;
      let leftovers = 0;
      let threes = 0;
      fc.assert(
        fc.property(inputArb, seedArb, fc.nat(), fc.nat(), (input, seed, pick, pick2) => {
          const any = CATALOG[pick2 % CATALOG.length]!.slug;
          const check = (plan: WeekPlan) => {
            expect(hardRuleProblems(input, plan)).toEqual([]);
            threes += checkBatches(input, plan);
            leftovers += allMeals(plan).filter((m) => m.leftoverOf !== null).length;
          };
          if (checkPlanAndChanges(input, seed, pick, pick2, any, check)) planned++;
        }),
        { numRuns: 300 },
      );
      // the property is not vacuous: weeks were planned, with leftovers and three-meal batches
      expect(planned).toBeGreaterThan(100);
      expect(leftovers).toBeGreaterThan(0);
      expect(threes).toBeGreaterThan(0);
    },
    PROPERTY_TIMEOUT_MS,
  );
});
