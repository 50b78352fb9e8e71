import { describe, expect, it } from 'vitest';
import { generatePlan } from '@/lib/planner/generate-plan';
import { createRng } from '@/lib/planner/rng';
import { alternativesReport, applySwap, rankAlternatives } from '@/lib/planner/swap';
import type { PlannerRecipe, PlanResult } from '@/lib/planner/types';
import {
  allMeals,
  type FoodKey,
  makeInput,
  makeProfile,
  makeRecipe,
  proteinMeals,
} from './fixtures';

const SIDES: FoodKey[] = ['rice', 'quinoa', 'potato', 'sweetPotato', 'cassava', 'pasta'];

/** `count` dinners whose main protein is `protein` (salmon, chicken breast…). */
function dinners(protein: FoodKey, count: number, over: Partial<PlannerRecipe> = {}) {
  return Array.from({ length: count }, (_, i) =>
    makeRecipe({
      slug: `${protein}-${i}`,
      name: `${protein} dinner ${i}`,
      mealTypes: ['dinner'],
      foods: [protein, SIDES[i % SIDES.length]!, 'broccoli'],
      leftoverDays: 0,
      ...over,
    }),
  );
}

const dinnerProfile = (maxProteinMeals: number) =>
  makeProfile({ slots: ['dinner'], leftovers: false, maxProteinMeals });

function diagnosisOf(result: PlanResult) {
  if (result.ok) throw new Error('expected an infeasible answer');
  return result.diagnosis;
}

describe('main protein limit: swaps', () => {
  // Salmon dinners are the best of the catalog, so the week serves as many as the limit allows.
  const input = makeInput({
    recipes: [
      ...dinners('salmon', 4, { inflammationScore: 1 }),
      ...dinners('chicken', 4, { inflammationScore: -1 }),
      ...dinners('beef', 4, { inflammationScore: -1 }),
      ...dinners('pork', 4, { inflammationScore: -1 }),
    ],
    profile: dinnerProfile(2),
  });
  const result = generatePlan(input, createRng(2));
  if (!result.ok) throw new Error('fixture input must be plannable');
  const plan = result.plan;
  const salmonInPlan = new Set(
    allMeals(plan)
      .filter((m) => m.recipeSlug.startsWith('salmon'))
      .map((m) => m.recipeSlug),
  );
  const spareSalmon = input.recipes.find(
    (r) => r.slug.startsWith('salmon') && !salmonInPlan.has(r.slug),
  )!;
  const other = allMeals(plan).find((m) => !m.recipeSlug.startsWith('salmon'))!;

  it('serves the best protein up to the limit and no more', () => {
    expect(spareSalmon.mainProtein).toBe('salmon');
    expect(proteinMeals(input, plan).get('salmon')).toBe(2);
  });

  it('refuses a swap that serves a protein past the limit and names it', () => {
    const swapped = applySwap(input, plan, other.id, spareSalmon.slug);
    expect(swapped.ok).toBe(false);
    if (swapped.ok) return;
    expect(swapped.code).toBe('protein-limit');
    expect(swapped.message).toBe(
      `${spareSalmon.name} would serve salmon at 3 meals this week; your limit is 2 meals a week of the same main protein.`,
    );
    expect(rankAlternatives(input, plan, other.id, 100).map((a) => a.recipeSlug)).not.toContain(
      spareSalmon.slug,
    );
    const report = alternativesReport(input, plan, other.id)!;
    // the two spare salmon dinners, and any other whose protein is at its limit too
    expect(report.rejected.protein).toBeGreaterThanOrEqual(2);
    expect(report.maxProteinMeals).toBe(2);
  });

  it('lets one salmon dinner be swapped for another', () => {
    const salmon = allMeals(plan).find((m) => m.recipeSlug.startsWith('salmon'))!;
    expect(applySwap(input, plan, salmon.id, spareSalmon.slug).ok).toBe(true);
  });

  it('refuses to cook a recipe a second time in the week, a leftover of it being fine', () => {
    const twice = applySwap(input, plan, other.id, [...salmonInPlan][0]!);
    expect(twice).toMatchObject({ ok: false, code: 'overused' });
  });
});

describe('main protein limit: diagnosis', () => {
  it('suggests the smallest limit with which a week is found', () => {
    // five salmon and two chicken dinners for seven days: salmon must be served five times
    const input = makeInput({
      recipes: [...dinners('salmon', 5), ...dinners('chicken', 2)],
      profile: dinnerProfile(3),
    });
    const diagnosis = diagnosisOf(generatePlan(input, createRng(1)));
    expect(diagnosis.suggestions).toContain(
      'No week found with each main protein in at most 3 meals (salmon more often)',
    );
    expect(diagnosis.suggestions).toContain('Allow 5 meals a week of the same main protein');
    expect(diagnosis.suggestions).not.toContain('Allow 4 meals a week of the same main protein');
  });

  it('counts a leftover lunch as a meal of its protein', () => {
    // keeping salmon dinners are the best meals: the week eats salmon as dinners and their
    // leftover lunches, three meals at most in all
    const others: FoodKey[] = ['chicken', 'beef', 'pork', 'cod', 'shrimp', 'tofu'];
    const input = makeInput({
      recipes: [
        ...dinners('salmon', 4, {
          leftoverDays: 2,
          inflammationScore: 1,
          mealTypes: ['lunch', 'dinner'],
        }),
        ...others.flatMap((p) =>
          dinners(p, 2, { mealTypes: ['lunch', 'dinner'], inflammationScore: -1 }),
        ),
      ],
      profile: makeProfile({ slots: ['lunch', 'dinner'], leftovers: true, maxProteinMeals: 3 }),
    });
    const result = generatePlan(input, createRng(3));
    if (!result.ok) throw new Error('expected a plan');
    const salmon = allMeals(result.plan).filter((m) => m.recipeSlug.startsWith('salmon'));
    expect(salmon.some((m) => m.leftoverOf !== null)).toBe(true);
    expect(salmon).toHaveLength(3);
  });
});

describe('assembly recipes: made on up to two days a week', () => {
  // Three no-cook breakfasts for seven breakfasts: once a week each would leave four days empty.
  const breakfasts = Array.from({ length: 4 }, (_, i) =>
    makeRecipe({
      slug: `no-cook-${i}`,
      mealTypes: ['breakfast'],
      foods: ['banana', 'almonds', SIDES[i]!],
      prepMinutes: 5,
      cookMinutes: 0,
      activeMinutes: 5,
      assembly: true,
      leftoverDays: 0,
    }),
  );
  const profile = makeProfile({ slots: ['breakfast'], leftovers: false });

  it('plans a week from four no-cook breakfasts, none on more than two days or twice a day', () => {
    const result = generatePlan(makeInput({ recipes: breakfasts, profile }), createRng(5));
    if (!result.ok) throw new Error('four assembly breakfasts must fill seven days');
    const days = new Map<string, number>();
    for (const m of allMeals(result.plan))
      days.set(m.recipeSlug, (days.get(m.recipeSlug) ?? 0) + 1);
    expect(Math.max(...days.values())).toBeLessThanOrEqual(2);
    expect([...days.values()].reduce((a, b) => a + b, 0)).toBe(7);
  });

  it('three no-cook breakfasts cannot fill seven days: the answer is infeasible', () => {
    const result = generatePlan(
      makeInput({ recipes: breakfasts.slice(0, 3), profile }),
      createRng(5),
    );
    expect(result.ok).toBe(false);
  });

  it('a swap may make an assembly recipe a second time, never a third', () => {
    const input = makeInput({ recipes: breakfasts, profile });
    const result = generatePlan(input, createRng(5));
    if (!result.ok) throw new Error('plannable');
    const meals = allMeals(result.plan);
    const count = (slug: string) => meals.filter((m) => m.recipeSlug === slug).length;
    const once = breakfasts.find((r) => count(r.slug) === 1);
    const twice = breakfasts.find((r) => count(r.slug) === 2)!;
    const notIt = (slug: string) => meals.find((m) => m.recipeSlug !== slug);
    // onto a day that does not have it: a third day is refused
    const target = meals.find((m) => m.recipeSlug !== twice.slug)!;
    const third = applySwap(input, result.plan, target.id, twice.slug);
    expect(third.ok).toBe(false);
    if (once) {
      const second = applySwap(input, result.plan, notIt(once.slug)!.id, once.slug);
      expect(second.ok).toBe(true);
    }
  });
});
