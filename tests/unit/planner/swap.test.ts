import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '@/lib/planner/generate-plan';
import { createRng } from '@/lib/planner/rng';
import { PORTIONS } from '@/lib/planner/score';
import { scorePlan } from '@/lib/planner/score-plan';
import { applySwap, rankAlternatives, setLocked } from '@/lib/planner/swap';
import type { PlannedMeal, PlannerInput, WeekPlan } from '@/lib/planner/types';
import { FAST, inputArb, PROPERTY_TIMEOUT_MS, seedArb } from './arbitraries';
import {
  allMeals,
  CATALOG,
  hardRuleProblems,
  makeInput,
  makeProfile,
  makeRecipe,
  makeRestriction,
  sameDayRepeats,
} from './fixtures';

function planFor(input: PlannerInput, seed = 1): WeekPlan {
  const result = generatePlan(input, createRng(seed));
  if (!result.ok) throw new Error('fixture input must be plannable');
  return result.plan;
}

function mealAt(plan: WeekPlan, id: string): PlannedMeal {
  return allMeals(plan).find((m) => m.id === id)!;
}

describe('applySwap and rankAlternatives properties', () => {
  it(
    'never puts an excluded food or a broken rule into a plan, and rejects without change',
    () => {
      fc.assert(
        fc.property(inputArb, seedArb, fc.nat(), fc.nat(), (input, seed, mealPick, recipePick) => {
          const result = generatePlan(input, createRng(seed), FAST);
          if (!result.ok) return;
          const before = structuredClone(result.plan);
          const meal = allMeals(result.plan)[mealPick % allMeals(result.plan).length]!;
          const recipe = CATALOG[recipePick % CATALOG.length]!;
          const swapped = applySwap(input, result.plan, meal.id, recipe.slug);
          expect(result.plan).toEqual(before);
          if (!swapped.ok) return;
          expect(hardRuleProblems(input, swapped.plan)).toEqual([]);
          expect(sameDayRepeats(swapped.plan)).toEqual([]);
          expect(mealAt(swapped.plan, meal.id).recipeSlug).toBe(recipe.slug);
          const changed = allMeals(swapped.plan).filter(
            (m) => m.recipeSlug !== mealAt(before, m.id).recipeSlug,
          );
          // At most the swapped meal and the (up to two) leftover meals its batch fed.
          expect(changed.length).toBeLessThanOrEqual(3);
        }),
        { numRuns: 300 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'ranks only allowed alternatives, and applying one changes the score by its delta',
    () => {
      fc.assert(
        fc.property(inputArb, seedArb, fc.nat(), (input, seed, mealPick) => {
          const result = generatePlan(input, createRng(seed), FAST);
          if (!result.ok) return;
          const meals = allMeals(result.plan);
          const meal = meals[mealPick % meals.length]!;
          const alternatives = rankAlternatives(input, result.plan, meal.id, 5);
          expect(alternatives.length).toBeLessThanOrEqual(5);
          const deltas = alternatives.map((a) => a.scoreDelta);
          expect(deltas).toEqual([...deltas].sort((a, b) => a - b));
          for (const alt of alternatives) {
            expect(alt.recipeSlug).not.toBe(meal.recipeSlug);
            const swapped = applySwap(input, result.plan, meal.id, alt.recipeSlug);
            expect(swapped.ok).toBe(true);
            if (!swapped.ok) continue;
            expect(hardRuleProblems(input, swapped.plan)).toEqual([]);
            expect(sameDayRepeats(swapped.plan)).toEqual([]);
            expect(scorePlan(input, swapped.plan).total).toBeCloseTo(
              result.score.total + alt.scoreDelta,
              2,
            );
          }
        }),
        { numRuns: 300 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

describe('rankAlternatives', () => {
  it('puts first the recipe a brute-force search over every recipe and portion finds best', () => {
    // Small instance without leftovers, so a swap changes exactly one meal.
    // each recipe once a week: enough recipes left over for alternatives
    const input = makeInput({
      recipes: CATALOG.slice(0, 56),
      profile: makeProfile({ leftovers: false, householdSize: 2 }),
    });
    const plan = planFor(input);
    for (const meal of allMeals(plan).filter((_, i) => i % 4 === 0)) {
      let best = Number.POSITIVE_INFINITY;
      for (const recipe of input.recipes) {
        if (recipe.slug === meal.recipeSlug) continue;
        for (const portion of PORTIONS) {
          const candidate: WeekPlan = {
            ...plan,
            days: plan.days.map((d) => ({
              ...d,
              meals: d.meals.map((m) =>
                m.id === meal.id ? { ...m, recipeSlug: recipe.slug, servings: 2 * portion } : m,
              ),
            })),
          };
          if (hardRuleProblems(input, candidate).length > 0) continue;
          best = Math.min(best, scorePlan(input, candidate).total);
        }
      }
      const [top] = rankAlternatives(input, plan, meal.id);
      expect(top).toBeDefined();
      expect(scorePlan(input, plan).total + top!.scoreDelta).toBeCloseTo(best, 2);
    }
  });

  it('reports the day energy, protein and shopping changes of an alternative', () => {
    const input = makeInput({ profile: makeProfile({ leftovers: false }) });
    const plan = planFor(input);
    const meal = allMeals(plan)[4]!;
    const [alt] = rankAlternatives(input, plan, meal.id, 1);
    const swapped = applySwap(input, plan, meal.id, alt!.recipeSlug);
    if (!swapped.ok) throw new Error(swapped.message);
    const day = (p: WeekPlan) => p.days.find((d) => d.date === meal.date)!.totals;
    expect(alt!.energyDeltaKcal).toBeCloseTo(
      day(swapped.plan).energyKcal - day(plan).energyKcal,
      0,
    );
    expect(alt!.proteinDeltaG).toBeCloseTo(day(swapped.plan).proteinG - day(plan).proteinG, 0);
    expect(alt!.itemsToBuyDelta).toBe(
      scorePlan(input, swapped.plan).distinctIngredients -
        scorePlan(input, plan).distinctIngredients,
    );
  });

  it('returns nothing for an unknown meal', () => {
    const input = makeInput();
    expect(rankAlternatives(input, planFor(input), '2026-11-30-elevenses')).toEqual([]);
  });
});

describe('applySwap', () => {
  const input = makeInput({ profile: makeProfile({ leftovers: false }) });
  const plan = planFor(input);
  const dinner = mealAt(plan, '2026-12-01-dinner');
  const fishDinner = makeRecipe({ slug: 'fishy', foods: ['salmon', 'rice', 'spinach'] });
  const fishAllergy = makeInput({
    profile: input.profile,
    recipes: [...CATALOG, fishDinner],
    restriction: makeRestriction({
      rules: [{ kind: 'allergen', code: 'fish', origin: 'allergy', reason: 'your fish allergy' }],
    }),
  });

  it('rejects a recipe with an excluded food, names the violations and leaves the plan as it was', () => {
    const allowedPlan = planFor(fishAllergy);
    const snapshot = structuredClone(allowedPlan);
    const result = applySwap(fishAllergy, allowedPlan, '2026-12-01-dinner', 'fishy');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('not-compliant');
    expect(result.violations?.map((v) => [v.foodName, v.code])).toEqual([['salmon', 'fish']]);
    expect(result.message).toContain('your fish allergy');
    expect(allowedPlan).toEqual(snapshot);
  });

  const slowDinner = CATALOG.find(
    (r) => r.mealTypes.includes('dinner') && r.prepMinutes + r.cookMinutes > 45,
  )!;
  const breakfastOnly = CATALOG.find((r) => r.mealTypes.join() === 'breakfast')!;
  const inPlan = new Set(allMeals(plan).map((m) => m.recipeSlug));
  const otherDinner = CATALOG.find(
    (r) =>
      r.mealTypes.includes('dinner') && !inPlan.has(r.slug) && r.prepMinutes + r.cookMinutes <= 45,
  )!;
  it.each([
    {
      name: 'an unknown meal',
      mealId: '2026-11-30-brunch',
      slug: otherDinner.slug,
      code: 'unknown-meal',
    },
    {
      name: 'an unknown recipe',
      mealId: dinner.id,
      slug: 'no-such-recipe',
      code: 'unknown-recipe',
    },
    {
      name: 'a breakfast at dinner',
      mealId: dinner.id,
      slug: breakfastOnly.slug,
      code: 'wrong-slot',
    },
    {
      name: 'a slow dish on a weekday',
      mealId: dinner.id,
      slug: slowDinner.slug,
      code: 'too-long',
    },
  ])('rejects $name with $code', ({ mealId, slug, code }) => {
    const result = applySwap(input, plan, mealId, slug);
    expect(result).toMatchObject({ ok: false, code });
  });

  it.each([
    { name: 'a second cooking in the week', target: '2026-12-02-dinner' },
    { name: 'a second cooking on the same day', target: '2026-12-01-lunch' },
  ])('rejects $name as overused', ({ target }) => {
    const quick = CATALOG.find(
      (r) =>
        r.mealTypes.join() === 'lunch,dinner' &&
        r.prepMinutes + r.cookMinutes <= 45 &&
        !inPlan.has(r.slug),
    )!;
    const step = applySwap(input, plan, '2026-12-01-dinner', quick.slug);
    if (!step.ok) throw new Error(step.message);
    const result = applySwap(input, step.plan, target, quick.slug);
    expect(result).toMatchObject({ ok: false, code: 'overused' });
    if (!result.ok) expect(result.message).toContain(quick.name);
  });

  it('accepts an allowed recipe and keeps the meal locked', () => {
    const locked = setLocked(plan, dinner.id, true);
    const result = applySwap(input, locked, dinner.id, otherDinner.slug);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(mealAt(result.plan, dinner.id)).toMatchObject({
      recipeSlug: otherDinner.slug,
      locked: true,
    });
    expect(hardRuleProblems(input, result.plan)).toEqual([]);
  });
});

describe('applySwap and leftovers', () => {
  const stew = makeRecipe({
    slug: 'stew',
    leftoverDays: 3,
    inflammationScore: 1,
    // lentils give the stew the energy and fibre to win a dinner with a leftover lunch
    foods: ['chicken', 'lentils', 'carrot', 'kale'],
  });
  const soup = makeRecipe({ slug: 'soup', leftoverDays: 2, foods: ['cod', 'carrot', 'kale'] });
  const salad = makeRecipe({
    slug: 'salad',
    leftoverDays: 0,
    foods: ['shrimp', 'spinach', 'avocado'],
  });
  // each recipe once a week: up to twelve fresh meals besides a keeping dinner and its lunch,
  // and some to spare for the swaps
  const fillers = Array.from({ length: 12 }, (_, i) =>
    makeRecipe({
      slug: `filler-${i}`,
      leftoverDays: 0,
      inflammationScore: -1,
      foods: ['beef', 'pasta', 'cheddar'],
    }),
  );
  const takeaway = makeRecipe({
    slug: 'takeaway',
    leftoverDays: 0,
    inflammationScore: -1,
    foods: ['bacon', 'pasta', 'honey', 'soySauce', 'potato'],
  });
  const input = makeInput({
    recipes: [stew, soup, salad, ...fillers, takeaway],
    profile: makeProfile({ householdSize: 2, slots: ['lunch', 'dinner'], leftovers: true }),
  });
  const plan = planFor(input, 3);
  const feeding = allMeals(plan).find((m) => allMeals(plan).some((x) => x.leftoverOf === m.id))!;
  const lunch = allMeals(plan).find((x) => x.leftoverOf === feeding.id)!;

  it('moves a leftover lunch along when the new dinner keeps', () => {
    const other = feeding.recipeSlug === 'stew' ? 'soup' : 'stew';
    const result = applySwap(input, plan, feeding.id, other);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(mealAt(result.plan, lunch.id)).toMatchObject({
      recipeSlug: other,
      leftoverOf: feeding.id,
    });
    expect(hardRuleProblems(input, result.plan)).toEqual([]);
  });

  it('refuses a new dinner already cooked on the lunch day: a second cooking of the week', () => {
    const kept = (id: string, recipeSlug: string, leftoverOf: string | null): PlannedMeal => ({
      id,
      date: id.slice(0, 10),
      slot: id.endsWith('lunch') ? 'lunch' : 'dinner',
      recipeSlug,
      servings: 2,
      locked: true,
      leftoverOf,
      explanation: { total: 0, parts: [] },
    });
    const result = generatePlan(input, createRng(5), {
      locked: [
        kept('2026-11-30-dinner', 'stew', null),
        kept('2026-12-01-lunch', 'stew', '2026-11-30-dinner'),
        kept('2026-12-01-dinner', 'soup', null),
      ],
    });
    if (!result.ok) throw new Error('fixture input must be plannable');
    const swapped = applySwap(input, result.plan, '2026-11-30-dinner', 'soup');
    expect(swapped.ok).toBe(false);
    if (swapped.ok) return;
    expect(swapped.code).toBe('overused');
    expect(swapped.message).toContain('already cooked this week');
  });

  it('refills the lunch with a fresh meal when the new dinner does not keep', () => {
    const result = ['takeaway', 'salad', ...fillers.map((f) => f.slug)]
      .map((slug) => applySwap(input, plan, feeding.id, slug))
      .find((r) => r.ok);
    if (!result?.ok) throw new Error('no dish without leftovers can replace the dinner');
    expect(mealAt(result.plan, lunch.id).leftoverOf).toBeNull();
    expect(hardRuleProblems(input, result.plan)).toEqual([]);
  });

  it('turns a swapped leftover lunch into a fresh meal and cooks less at dinner', () => {
    const fresh = ['salad', ...fillers.map((f) => f.slug)].find(
      (slug) => applySwap(input, plan, lunch.id, slug).ok,
    )!;
    const result = applySwap(input, plan, lunch.id, fresh);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(mealAt(result.plan, lunch.id)).toMatchObject({ recipeSlug: fresh, leftoverOf: null });
    expect(mealAt(result.plan, feeding.id).servings).toBe(feeding.servings - lunch.servings);
  });
});
