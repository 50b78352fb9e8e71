import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePlan, regeneratePlan } from '@/lib/planner/generate-plan';
import { createRng } from '@/lib/planner/rng';
import { applySwap, rankAlternatives } from '@/lib/planner/swap';
import type { PlannerInput, PlannerRecipe } from '@/lib/planner/types';
import { FAST, PROPERTY_TIMEOUT_MS, profileArb, seedArb, weekStartArb } from './arbitraries';
import { allMeals, CATALOG, hardRuleProblems } from './fixtures';

const REASON = 'treats are not in Whole30 even with compliant ingredients';
/** Every third recipe is a treat: breakfasts, mains and snacks alike. */
const WITH_TREATS: PlannerRecipe[] = CATALOG.map((r, i) => ({ ...r, treat: i % 3 === 0 }));
const TREATS = new Set(WITH_TREATS.filter((r) => r.treat).map((r) => r.slug));

const inputArb: fc.Arbitrary<PlannerInput> = fc
  .record({ profile: profileArb, weekStart: weekStartArb })
  .map(({ profile, weekStart }) => ({
    profile,
    weekStart,
    recipes: WITH_TREATS,
    restriction: { rules: [], allow: [], dislikes: [], excludeTreats: { reason: REASON } },
  }));

describe('a phase that excludes treats (Whole30)', () => {
  it(
    'generate, alternatives, swap and regenerate never plan a treat',
    () => {
      fc.assert(
        fc.property(inputArb, seedArb, fc.nat(), (input, seed, pick) => {
          const result = generatePlan(input, createRng(seed), FAST);
          if (!result.ok) return;
          expect(hardRuleProblems(input, result.plan)).toEqual([]);
          expect(allMeals(result.plan).filter((m) => TREATS.has(m.recipeSlug))).toEqual([]);
          const meal = allMeals(result.plan)[pick % allMeals(result.plan).length]!;
          const alternatives = rankAlternatives(input, result.plan, meal.id, 100);
          expect(alternatives.filter((a) => TREATS.has(a.recipeSlug))).toEqual([]);
          const treat = WITH_TREATS.find((r) => r.treat && r.mealTypes.includes(meal.slot))!;
          const swapped = applySwap(input, result.plan, meal.id, treat.slug);
          expect(swapped.ok).toBe(false);
          if (!swapped.ok) {
            expect(swapped.code).toBe('not-compliant');
            expect(swapped.message).toContain(REASON);
          }
          const again = regeneratePlan(
            input,
            result.plan,
            { scope: 'week' },
            createRng(seed + 1),
            FAST,
          );
          if (again.ok)
            expect(allMeals(again.plan).filter((m) => TREATS.has(m.recipeSlug))).toEqual([]);
        }),
        { numRuns: 100 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it('without the rule a treat is an ordinary recipe', () => {
    const input: PlannerInput = {
      profile: fc.sample(profileArb, { seed: 4, numRuns: 1 })[0]!,
      weekStart: '2026-11-30',
      recipes: WITH_TREATS,
      restriction: { rules: [], allow: [], dislikes: [] },
    };
    const result = generatePlan(input, createRng(2), FAST);
    if (!result.ok) throw new Error('expected a plan');
    const meal = allMeals(result.plan)[0]!;
    const treat = WITH_TREATS.find(
      (r) => r.treat && r.mealTypes.includes(meal.slot) && r.slug !== meal.recipeSlug,
    )!;
    const swapped = applySwap(input, result.plan, meal.id, treat.slug);
    if (!swapped.ok) expect(swapped.code).not.toBe('not-compliant');
  });
});
