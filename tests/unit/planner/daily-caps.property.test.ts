import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePlan, regeneratePlan } from '@/lib/planner/generate-plan';
import { createRng } from '@/lib/planner/rng';
import { applySwap, rankAlternatives } from '@/lib/planner/swap';
import type { PlannerInput, PlannerRecipe, WeekPlan } from '@/lib/planner/types';
import type { Restriction } from '@/lib/restrictions/types';
import { FAST, PROPERTY_TIMEOUT_MS, profileArb, seedArb, weekStartArb } from './arbitraries';
import { allMeals, CATALOG, hardRuleProblems, RULE_OPTIONS } from './fixtures';

const CAP_G = 20;
const CAP_REASON = 'not in AIP · Elimination: fructose stays under about 20 g a day per person';

/**
 * The shared catalog with fructose per serving spread from none to a lot, and some recipes whose
 * fructose or energy is unknown: those must never be planned under a cap, whatever their sums say.
 */
const FRUCTOSE_STEPS: (number | null)[] = [0, 1.5, 3, 5, 8, 12, 0.5, 18, null, 2, 6, 27];
const CAPPED_CATALOG: PlannerRecipe[] = CATALOG.map((r, i) => ({
  ...r,
  fructoseG: FRUCTOSE_STEPS[i % FRUCTOSE_STEPS.length],
  ...(i % 17 === 5 ? { unknownNutrients: { energyKcal: 1 } } : {}),
}));
const UNPLANNABLE = new Set(
  CAPPED_CATALOG.filter(
    (r) => r.fructoseG === null || (r.unknownNutrients?.energyKcal ?? 0) > 0,
  ).map((r) => r.slug),
);

const cappedInputArb: fc.Arbitrary<PlannerInput> = fc
  .record({
    profile: profileArb,
    rules: fc.subarray(RULE_OPTIONS, { maxLength: 2 }),
    weekStart: weekStartArb,
  })
  .map(({ profile, rules, weekStart }) => {
    const restriction: Restriction = {
      rules,
      allow: [],
      dislikes: [],
      dailyCaps: [{ nutrient: 'fructoseG', max: CAP_G, reason: CAP_REASON }],
    };
    return { profile, restriction, weekStart, recipes: CAPPED_CATALOG };
  });

/**
 * Per-person fructose of each day, computed from the stored meals alone: a meal's portion is its
 * servings ÷ household, less the servings of a leftover meal that reuses it.
 */
function fructoseByDay(input: PlannerInput, plan: WeekPlan): number[] {
  const bySlug = new Map(input.recipes.map((r) => [r.slug, r]));
  const meals = allMeals(plan);
  return plan.days.map((day) =>
    day.meals.reduce((sum, meal) => {
      const fed = meals.filter((x) => x.leftoverOf === meal.id).reduce((a, x) => a + x.servings, 0);
      const portion = (meal.servings - fed) / input.profile.householdSize;
      const fructose = bySlug.get(meal.recipeSlug)!.fructoseG;
      // An unknown reaching a day total is itself the failure: never read it as 0.
      if (fructose === null || fructose === undefined) return Number.POSITIVE_INFINITY;
      return sum + portion * fructose;
    }, 0),
  );
}

function expectWithinCap(input: PlannerInput, plan: WeekPlan): void {
  expect(hardRuleProblems(input, plan)).toEqual([]);
  for (const grams of fructoseByDay(input, plan)) expect(grams).toBeLessThanOrEqual(CAP_G + 1e-6);
  for (const meal of allMeals(plan)) expect(UNPLANNABLE.has(meal.recipeSlug)).toBe(false);
}

describe('daily fructose cap (AIP phases that allow honey and maple syrup)', () => {
  it(
    'no generated, swapped or regenerated plan exceeds the cap on any day or plans an unknown',
    () => {
      let planned = 0;
      let runs = 0;
      fc.assert(
        fc.property(cappedInputArb, seedArb, fc.nat(), fc.nat(), (input, seed, pick, pick2) => {
          runs++;
          const result = generatePlan(input, createRng(seed), FAST);
          if (!result.ok) return;
          planned++;
          expectWithinCap(input, result.plan);
          for (const day of result.plan.days) {
            expect(day.totals.fructoseG?.max).toBe(CAP_G);
            expect(day.totals.fructoseG!.total).toBeLessThanOrEqual(CAP_G + 0.05);
          }

          const meals = allMeals(result.plan);
          const meal = meals[pick % meals.length]!;
          const alternatives = rankAlternatives(input, result.plan, meal.id, 3);
          for (const alt of alternatives) {
            expect(UNPLANNABLE.has(alt.recipeSlug)).toBe(false);
            const swapped = applySwap(input, result.plan, meal.id, alt.recipeSlug);
            expect(swapped.ok).toBe(true);
            if (swapped.ok) expectWithinCap(input, swapped.plan);
          }
          // Any recipe at all: either refused, or the week stays within the cap.
          const any = CAPPED_CATALOG[pick2 % CAPPED_CATALOG.length]!;
          const forced = applySwap(input, result.plan, meal.id, any.slug);
          if (forced.ok) expectWithinCap(input, forced.plan);
          else if (UNPLANNABLE.has(any.slug)) expect(forced.code).toBe('not-compliant');

          const date = result.plan.days[pick2 % 7]!.date;
          for (const scope of [{ scope: 'week' as const }, { scope: 'day' as const, date }]) {
            const again = regeneratePlan(input, result.plan, scope, createRng(seed + 1), FAST);
            if (again.ok) expectWithinCap(input, again.plan);
          }
        }),
        { numRuns: 300 },
      );
      // The cap must not make planning a rarity: most random profiles still get a week.
      expect(planned / runs).toBeGreaterThan(0.5);
    },
    PROPERTY_TIMEOUT_MS,
  );

  it('a swap that would take a day over the cap is refused with its reason', () => {
    // Every breakfast has 24 g a serving (at least 12 g at the smallest portion, ½); one dinner
    // has 30 g (at least 15 g): together always over 20 g, though each fits alone.
    const recipes = CATALOG.map((r) => ({
      ...r,
      fructoseG: r.mealTypes.includes('breakfast') ? 24 : 0,
    }));
    const rich = recipes.find((r) => r.mealTypes.includes('dinner') && r.fructoseG === 0)!;
    rich.fructoseG = 30;
    const input: PlannerInput = {
      profile: {
        householdSize: 1,
        slots: ['breakfast', 'dinner'],
        energyKcal: 1600,
        proteinG: 60,
        fiberG: 20,
        maxMinutes: { weekday: 240, weekend: 240 },
        leftovers: false,
        carbsPerMealG: null,
      },
      restriction: {
        rules: [],
        allow: [],
        dislikes: [],
        dailyCaps: [{ nutrient: 'fructoseG', max: CAP_G, reason: CAP_REASON }],
      },
      weekStart: '2026-11-30',
      recipes,
    };
    const result = generatePlan(input, createRng(3), FAST);
    if (!result.ok) throw new Error('expected a plan');
    const dinner = result.plan.days[0]!.meals.find((m) => m.slot === 'dinner')!;
    expect(
      rankAlternatives(input, result.plan, dinner.id, 100).map((a) => a.recipeSlug),
    ).not.toContain(rich.slug);
    const swapped = applySwap(input, result.plan, dinner.id, rich.slug);
    expect(swapped.ok).toBe(false);
    if (!swapped.ok) {
      expect(swapped.code).toBe('over-daily-cap');
      expect(swapped.message).toContain('fructose');
    }
  });
  it('explains a week that cannot stay within the cap with a diagnosis, never an over-cap plan', () => {
    // Every recipe has 25 g a serving: two meals a day are at least 2 × 12.5 g > 20 g.
    const input: PlannerInput = {
      profile: {
        householdSize: 1,
        slots: ['breakfast', 'dinner'],
        energyKcal: 1800,
        proteinG: 70,
        fiberG: 20,
        maxMinutes: { weekday: 240, weekend: 240 },
        leftovers: false,
        carbsPerMealG: null,
      },
      restriction: {
        rules: [],
        allow: [],
        dislikes: [],
        dailyCaps: [{ nutrient: 'fructoseG', max: CAP_G, reason: CAP_REASON }],
      },
      weekStart: '2026-11-30',
      recipes: CATALOG.map((r) => ({ ...r, fructoseG: 25 })),
    };
    const result = generatePlan(input, createRng(1), FAST);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.diagnosis.suggestions[0]).toContain('daily limit');
      expect(result.diagnosis.suggestions[0]).toContain(CAP_REASON);
    }
  });

  it('names the cap when one portion alone is over it, or its fructose is unknown', () => {
    const recipes = CATALOG.map((r, i) => ({
      ...r,
      // 50 g: over the 20 g cap even at ½ a serving
      fructoseG: i === 0 ? 50 : i === 1 ? null : 0,
    }));
    const input: PlannerInput = {
      profile: {
        householdSize: 1,
        slots: ['breakfast', 'lunch', 'dinner'],
        energyKcal: 2000,
        proteinG: 70,
        fiberG: 20,
        maxMinutes: { weekday: 240, weekend: 240 },
        leftovers: true,
        carbsPerMealG: null,
      },
      restriction: {
        rules: [],
        allow: [],
        dislikes: [],
        dailyCaps: [{ nutrient: 'fructoseG', max: CAP_G, reason: CAP_REASON }],
      },
      weekStart: '2026-11-30',
      recipes,
    };
    const plan = generatePlan(input, createRng(1), FAST);
    if (!plan.ok) throw new Error('expected a plan');
    const breakfast = plan.plan.days[0]!.meals.find((m) => m.slot === 'breakfast')!;
    for (const [i, code] of [
      [0, 'fructose-cap'],
      [1, 'fructose-unknown'],
    ] as const) {
      const target = recipes[i]!;
      expect(target.mealTypes).toContain('breakfast');
      const swapped = applySwap(input, plan.plan, breakfast.id, target.slug);
      expect(swapped.ok).toBe(false);
      if (!swapped.ok) {
        expect(swapped.code).toBe('not-compliant');
        expect(swapped.violations?.map((v) => v.code)).toContain(code);
        expect(swapped.message).toContain(CAP_REASON);
      }
    }
  });
});
