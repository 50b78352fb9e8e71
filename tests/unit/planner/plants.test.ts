import { describe, expect, it } from 'vitest';
import { generatePlan } from '@/lib/planner/generate-plan';
import { createRng } from '@/lib/planner/rng';
import { SCORE_WEIGHTS } from '@/lib/planner/score';
import { scorePlan } from '@/lib/planner/score-plan';
import type { PlannerIngredient, PlannerRecipe, WeekPlan } from '@/lib/planner/types';
import { plantKindOf } from '@/lib/planner/variety';
import { allMeals, CATALOG, makeFood, makeInput, makeProfile, makeRecipe } from './fixtures';

const W = SCORE_WEIGHTS;

const food = (ndb: string, name: string, foodGroup: string, kind?: string): PlannerIngredient => ({
  ...makeFood({ ndb, name }),
  foodGroup,
  ...(kind ? { kind } : {}),
});

describe('plantKindOf', () => {
  it.each([
    [food('11457', 'spinach', '1100', 'spinach'), 'spinach'],
    [food('09152', 'lemon juice', '0900', 'lemon'), 'lemon'],
    [food('16069', 'lentils', '1600'), '16069'],
    [food('12061', 'almonds', '1200', 'almond'), 'almond'],
    [food('20044', 'rice', '2000', 'rice'), 'rice'],
    [food('02043', 'turmeric', '0200', 'turmeric'), 'turmeric'],
  ])('%o is the plant %s', (ing, kind) => {
    expect(plantKindOf(ing)).toBe(kind);
  });

  it.each([
    ['table salt, filed with the spices', food('02047', 'salt', '0200', 'salt')],
    ['an oil', food('04053', 'olive oil', '0400', 'olive oil')],
    ['a breakfast cereal group food', food('08120', 'rolled oats', '0800', 'oats')],
    ['a meat', food('05062', 'chicken', '0500', 'chicken')],
    ['a food of unknown group', makeFood({ ndb: '11457', name: 'spinach' })],
  ])('%s is no plant', (_, ing) => {
    expect(plantKindOf(ing)).toBeNull();
  });
});

/** One lunch and one dinner on one day, each a recipe given here. */
function dayOf(lunch: PlannerRecipe, dinner: PlannerRecipe): WeekPlan {
  const meal = (slot: 'lunch' | 'dinner', r: PlannerRecipe) => ({
    id: `2026-11-30-${slot}`,
    date: '2026-11-30',
    slot,
    recipeSlug: r.slug,
    servings: 2,
    locked: false,
    leftoverOf: null,
    explanation: { total: 0, parts: [] },
  });
  return {
    weekStart: '2026-11-30',
    days: [
      {
        date: '2026-11-30',
        totals: {
          energyKcal: 0,
          proteinG: 0,
          fiberG: 0,
          carbsG: 0,
          targets: { energyKcal: 2000, proteinG: 80, fiberG: 28 },
          energyInBand: true,
          proteinMet: false,
          fiberMet: false,
        },
        meals: [meal('lunch', lunch), meal('dinner', dinner)],
      },
    ],
  };
}

describe('plant variety in the score', () => {
  const perServing = { energyKcal: 900, proteinG: 40, fiberG: 12, carbsG: 60 };
  const base = { inflammationScore: 0, perServing };
  const lemon = makeRecipe({
    ...base,
    slug: 'lemon-chicken',
    foods: ['chicken'],
    ingredients: [
      food('05062', 'chicken breast', '0500', 'chicken'),
      food('09150', 'lemon', '0900', 'lemon'),
      food('09152', 'lemon juice', '0900', 'lemon'),
    ],
  });
  const plain = makeRecipe({
    ...base,
    slug: 'plain-chicken',
    ingredients: [food('05062', 'chicken breast', '0500', 'chicken')],
  });
  const greens = makeRecipe({
    ...base,
    slug: 'chicken-greens',
    ingredients: [
      food('05062', 'chicken breast', '0500', 'chicken'),
      food('11457', 'spinach', '1100', 'spinach'),
    ],
  });
  const input = makeInput({
    recipes: [lemon, plain, greens],
    profile: makeProfile({ slots: ['lunch', 'dinner'] }),
  });

  it('counts a kind once: lemons and lemon juice are one plant', () => {
    const score = scorePlan(input, dayOf(lemon, plain));
    expect(score.plants).toBe(1);
    expect(score.parts.variety).toBeCloseTo(-W.plant, 9);
    expect(score.distinctIngredients).toBe(3);
  });

  it('never pays for a new food by its plant alone: one more plant food costs 0.5 − 0.2', () => {
    const without = scorePlan(input, dayOf(plain, lemon)).total;
    const withGreens = scorePlan(input, dayOf(greens, lemon)).total;
    expect(withGreens - without).toBeCloseTo(W.ingredient - W.plant, 3);
    expect(W.plant).toBeLessThan(W.ingredient);
  });

  it('reports the plants of a planned week as the state counts them', () => {
    const week = makeInput();
    const result = generatePlan(week, createRng(4));
    if (!result.ok) throw new Error('expected a plan');
    const kinds = new Set<string>();
    const bySlug = new Map(CATALOG.map((r) => [r.slug, r]));
    for (const meal of allMeals(result.plan)) {
      for (const ing of bySlug.get(meal.recipeSlug)!.ingredients) {
        const kind = plantKindOf(ing);
        if (kind) kinds.add(kind);
      }
    }
    expect(result.score.plants).toBe(kinds.size);
    expect(result.score.plants).toBeGreaterThan(5);
    expect(scorePlan(week, result.plan)).toEqual(result.score);
  });
});
