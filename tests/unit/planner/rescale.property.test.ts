import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '@/lib/planner/generate-plan';
import { rescalePlan } from '@/lib/planner/rescale';
import { createRng } from '@/lib/planner/rng';
import { scorePlan } from '@/lib/planner/score-plan';
import { setLocked } from '@/lib/planner/swap';
import type { PlannedMeal, WeekPlan } from '@/lib/planner/types';
import { FAST, inputArb, PROPERTY_TIMEOUT_MS, seedArb } from './arbitraries';
import { allMeals } from './fixtures';

/** Per-person portion of each meal, read the way the plan page reads it. */
function portions(plan: WeekPlan, householdSize: number): Map<string, number> {
  const meals = allMeals(plan);
  return new Map(
    meals.map((m) => {
      const fed = meals.filter((x) => x.leftoverOf === m.id).reduce((a, x) => a + x.servings, 0);
      return [m.id, (m.servings - fed) / householdSize];
    }),
  );
}

const shape = (m: PlannedMeal) => ({
  id: m.id,
  date: m.date,
  slot: m.slot,
  recipeSlug: m.recipeSlug,
  locked: m.locked,
  leftoverOf: m.leftoverOf,
  explanation: m.explanation,
});

describe('rescalePlan (household size changed)', () => {
  it(
    'keeps recipes, locks, leftover links and portions; servings = size × portion (+ the leftovers fed)',
    () => {
      let planned = 0;
      let withLeftovers = 0;
      fc.assert(
        fc.property(
          inputArb,
          seedArb,
          fc.integer({ min: 1, max: 12 }),
          fc.array(fc.nat(), { maxLength: 4 }),
          (input, seed, toSize, lockPicks) => {
            const result = generatePlan(input, createRng(seed), FAST);
            if (!result.ok) return;
            planned++;
            let plan = result.plan;
            const meals = allMeals(plan);
            for (const pick of lockPicks)
              plan = setLocked(plan, meals[pick % meals.length]!.id, true);
            const from = input.profile.householdSize;
            const after = rescalePlan(plan, from, toSize);

            expect(allMeals(after).map(shape)).toEqual(allMeals(plan).map(shape));
            expect(after.days.map((d) => d.totals)).toEqual(plan.days.map((d) => d.totals));
            const before = portions(plan, from);
            const now = portions(after, toSize);
            for (const [id, p] of before) expect(now.get(id)).toBeCloseTo(p, 9);
            const afterMeals = allMeals(after);
            if (afterMeals.some((m) => m.leftoverOf)) withLeftovers++;
            for (const m of afterMeals) {
              const fed = afterMeals
                .filter((x) => x.leftoverOf === m.id)
                .reduce((a, x) => a + toSize * before.get(x.id)!, 0);
              expect(m.servings).toBeCloseTo(toSize * before.get(m.id)! + fed, 9);
            }
            // Per person nothing changed: the planner scores the rescaled week as the old one.
            const resized = { ...input, profile: { ...input.profile, householdSize: toSize } };
            const s1 = scorePlan(input, plan);
            const s2 = scorePlan(resized, after);
            expect(s2.total).toBeCloseTo(s1.total, 6);
            expect(s2.distinctIngredients).toBe(s1.distinctIngredients);
            // And back again gives the servings it started with.
            const back = rescalePlan(after, toSize, from);
            allMeals(back).forEach((m, i) => {
              expect(m.servings).toBeCloseTo(meals[i]!.servings, 9);
            });
          },
        ),
        { numRuns: 300 },
      );
      expect(planned).toBeGreaterThan(150);
      expect(withLeftovers).toBeGreaterThan(30);
    },
    PROPERTY_TIMEOUT_MS,
  );

  it('refuses a household of 0', () => {
    expect(() => rescalePlan({ weekStart: '2026-11-30', days: [] }, 2, 0)).toThrow();
  });
});
