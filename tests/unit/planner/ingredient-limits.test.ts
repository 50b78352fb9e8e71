import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePlan, regeneratePlan } from '@/lib/planner/generate-plan';
import { createRng } from '@/lib/planner/rng';
import { applySwap, rankAlternatives } from '@/lib/planner/swap';
import type { PlannerInput, PlannerRecipe } from '@/lib/planner/types';
import { FAST, PROPERTY_TIMEOUT_MS, profileArb, seedArb, weekStartArb } from './arbitraries';
import { allMeals, CATALOG, hardRuleProblems } from './fixtures';

const REASON = 'not in AIP · Reintroduction stage 2: alcohol only in cooking amounts';
const wine = (gramsPerServing: number) => ({
  ndb: '14106',
  name: 'wine, dry white',
  allergens: [],
  tags: [{ code: 'alcohol', certainty: 'contains' as const }],
  gramsPerServing,
});
/** Every fourth recipe has a glass of wine a serving (over), every fourth+1 a splash (within). */
const WITH_WINE: PlannerRecipe[] = CATALOG.map((r, i) =>
  i % 4 === 0
    ? { ...r, ingredients: [...r.ingredients, wine(150)] }
    : i % 4 === 1
      ? { ...r, ingredients: [...r.ingredients, wine(20)] }
      : r,
);
const OVER = new Set(WITH_WINE.filter((_, i) => i % 4 === 0).map((r) => r.slug));
const SPLASH = new Set(WITH_WINE.filter((_, i) => i % 4 === 1).map((r) => r.slug));

const inputArb: fc.Arbitrary<PlannerInput> = fc
  .record({ profile: profileArb, weekStart: weekStartArb })
  .map(({ profile, weekStart }) => ({
    profile,
    weekStart,
    recipes: WITH_WINE,
    restriction: {
      rules: [],
      allow: [],
      dislikes: [],
      ingredientLimits: [{ code: 'alcohol', maxGramsPerMeal: 60, reason: REASON }],
    },
  }));

describe('a per-meal ingredient limit (AIP stage 2 alcohol)', () => {
  it(
    'generate, alternatives, swap and regenerate never plan more than the limit',
    () => {
      let splashPlanned = 0;
      fc.assert(
        fc.property(inputArb, seedArb, fc.nat(), (input, seed, pick) => {
          const result = generatePlan(input, createRng(seed), FAST);
          if (!result.ok) return;
          expect(hardRuleProblems(input, result.plan)).toEqual([]);
          const meals = allMeals(result.plan);
          expect(meals.filter((m) => OVER.has(m.recipeSlug))).toEqual([]);
          splashPlanned += meals.filter((m) => SPLASH.has(m.recipeSlug)).length;
          const meal = meals[pick % meals.length]!;
          const alternatives = rankAlternatives(input, result.plan, meal.id, 100);
          expect(alternatives.filter((a) => OVER.has(a.recipeSlug))).toEqual([]);
          const over = WITH_WINE.find((r) => OVER.has(r.slug) && r.mealTypes.includes(meal.slot));
          if (over) {
            const swapped = applySwap(input, result.plan, meal.id, over.slug);
            expect(swapped.ok).toBe(false);
            if (!swapped.ok) expect(swapped.message).toContain('cooking amounts');
          }
          const again = regeneratePlan(
            input,
            result.plan,
            { scope: 'week' },
            createRng(seed + 1),
            FAST,
          );
          if (again.ok)
            expect(allMeals(again.plan).filter((m) => OVER.has(m.recipeSlug))).toEqual([]);
        }),
        { numRuns: 100 },
      );
      // The limit is a limit, not a ban: a splash of wine in a dish is planned.
      expect(splashPlanned).toBeGreaterThan(0);
    },
    PROPERTY_TIMEOUT_MS,
  );
});
