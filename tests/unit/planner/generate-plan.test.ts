import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '@/lib/planner/generate-plan';
import { createRng } from '@/lib/planner/rng';
import { ENERGY_BAND, PORTIONS } from '@/lib/planner/score';
import { scorePlan } from '@/lib/planner/score-plan';
import { FAST, inputArb, PROPERTY_TIMEOUT_MS, seedArb } from './arbitraries';
import {
  allMeals,
  hardRuleProblems,
  makeInput,
  makeProfile,
  makeRecipe,
  sameDayRepeats,
} from './fixtures';

describe('generatePlan properties', () => {
  it(
    'returns a full plan that breaks no hard rule, or a diagnosis and nothing else',
    () => {
      let plans = 0;
      fc.assert(
        fc.property(inputArb, seedArb, (input, seed) => {
          const result = generatePlan(input, createRng(seed), FAST);
          if (!result.ok) {
            expect(result).not.toHaveProperty('plan');
            expect(
              result.diagnosis.slots.length + result.diagnosis.suggestions.length,
            ).toBeGreaterThan(0);
            return;
          }
          plans++;
          expect(hardRuleProblems(input, result.plan)).toEqual([]);
          expect(sameDayRepeats(result.plan)).toEqual([]);
          if (!input.profile.leftovers) {
            expect(allMeals(result.plan).every((m) => m.leftoverOf === null)).toBe(true);
          }
        }),
        { numRuns: 300 },
      );
      // The generators must mostly produce plannable weeks, or the property says little.
      expect(plans).toBeGreaterThan(150);
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'gives a deep-equal plan for the same input and seed',
    () => {
      fc.assert(
        fc.property(inputArb, seedArb, (input, seed) => {
          expect(generatePlan(input, createRng(seed), FAST)).toEqual(
            generatePlan(input, createRng(seed), FAST),
          );
        }),
        { numRuns: 300 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'reports a score equal to the reference scorer and day totals consistent with their flags',
    () => {
      fc.assert(
        fc.property(inputArb, seedArb, (input, seed) => {
          const result = generatePlan(input, createRng(seed), FAST);
          if (!result.ok) return;
          expect(result.score.total).toBeCloseTo(scorePlan(input, result.plan).total, 6);
          for (const day of result.plan.days) {
            // Totals are rounded to 0.1, the flags use exact sums: compare with that slack.
            const t = day.totals;
            const distance =
              Math.abs(t.energyKcal - t.targets.energyKcal) - ENERGY_BAND * t.targets.energyKcal;
            expect(t.energyInBand ? distance <= 0.05 : distance >= -0.05).toBe(true);
            const shortfall = t.targets.proteinG - t.proteinG;
            expect(t.proteinMet ? shortfall <= 0.05 : shortfall >= -0.05).toBe(true);
            for (const meal of day.meals) {
              const sum = meal.explanation.parts.reduce((a, p) => a + p.value, 0);
              expect(meal.explanation.total).toBeCloseTo(sum, 2);
            }
          }
        }),
        { numRuns: 100 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  // A draw where one locked breakfast made the randomised fill miss the only week there was (six
  // dinners for seven days, one batch feeding a later dinner); replayed here, found by retries.
  const LOCKED_MISS = { seed: -1739629911, path: '284:0:0:0:7:8:12:6:7:8:7:10:22:8:7' };
  const keepsLocked = fc.property(
    inputArb,
    seedArb,
    fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
    (input, seed, picks) => {
      const first = generatePlan(input, createRng(seed), FAST);
      if (!first.ok) return;
      const meals = allMeals(first.plan);
      const kept = [...new Set(picks.map((i) => meals[i % meals.length]!))]
        .filter((m) => m.leftoverOf === null)
        .map((m) => ({ ...m, locked: true }));
      const second = generatePlan(input, createRng(seed + 1), { ...FAST, locked: kept });
      expect(second.ok).toBe(true);
      if (!second.ok) return;
      const after = new Map(allMeals(second.plan).map((m) => [m.id, m]));
      for (const k of kept) {
        expect(after.get(k.id)).toMatchObject({ recipeSlug: k.recipeSlug, locked: true });
      }
      expect(hardRuleProblems(input, second.plan)).toEqual([]);
      expect(sameDayRepeats(second.plan)).toEqual([]);
    },
  );

  it(
    'keeps meals passed as locked',
    () => {
      fc.assert(keepsLocked, { numRuns: 300 });
    },
    PROPERTY_TIMEOUT_MS,
  );

  it('keeps meals passed as locked on the draw whose first fill missed the week', () => {
    fc.assert(keepsLocked, { ...LOCKED_MISS, numRuns: 1, endOnFailure: true });
  });
});

describe('generatePlan examples', () => {
  it('uses the weekend time limit on Saturday and Sunday only', () => {
    const quick = [0, 1, 2, 3, 4].map((i) =>
      makeRecipe({ slug: `quick-${i}`, mealTypes: ['dinner'], prepMinutes: 5, cookMinutes: 10 }),
    );
    const slow = [0, 1].map((i) =>
      makeRecipe({
        slug: `slow-${i}`,
        mealTypes: ['dinner'],
        prepMinutes: 30,
        cookMinutes: 60,
        inflammationScore: 1,
      }),
    );
    const input = makeInput({
      recipes: [...quick, ...slow],
      profile: makeProfile({
        slots: ['dinner'],
        maxMinutes: { weekday: 20, weekend: 120 },
        leftovers: false,
      }),
    });
    const result = generatePlan(input, createRng(1));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const slowDays = allMeals(result.plan)
      .filter((m) => m.recipeSlug.startsWith('slow'))
      .map((m) => m.date);
    expect(slowDays.every((d) => d === '2026-12-05' || d === '2026-12-06')).toBe(true);
  });

  it('portions each meal for the household and cooks the leftover lunch with the dinner', () => {
    const stew = makeRecipe({ slug: 'stew', leftoverDays: 3, inflammationScore: 1 });
    // twelve meals besides the stew's dinner and leftover lunch, each recipe once a week
    const others = Array.from({ length: 12 }, (_, i) =>
      makeRecipe({
        slug: `other-${i}`,
        leftoverDays: 0,
        foods: ['beef', 'pasta', 'tomato', 'onion', 'bacon'],
      }),
    );
    const input = makeInput({
      recipes: [stew, ...others],
      profile: makeProfile({ householdSize: 3, slots: ['lunch', 'dinner'], leftovers: true }),
    });
    const result = generatePlan(input, createRng(4));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const meals = allMeals(result.plan);
    const leftovers = meals.filter((m) => m.leftoverOf !== null);
    expect(leftovers.length).toBeGreaterThan(0);
    for (const leftover of leftovers) {
      const cooked = meals.find((m) => m.id === leftover.leftoverOf)!;
      expect(cooked.recipeSlug).toBe('stew');
      // the batch's servings are its own meal's and every leftover meal's it feeds (up to two)
      const batch = leftovers.filter((l) => l.leftoverOf === cooked.id);
      const eaten = batch.reduce((a, l) => a + l.servings, 0);
      expect(PORTIONS).toContain((cooked.servings - eaten) / 3);
      expect(PORTIONS).toContain(leftover.servings / 3);
    }
    const fed = new Set(leftovers.map((l) => l.leftoverOf));
    for (const m of meals.filter((x) => x.leftoverOf === null && !fed.has(x.id))) {
      expect(PORTIONS).toContain(m.servings / 3);
    }
  });
});
