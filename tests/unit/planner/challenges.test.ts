import { describe, expect, it } from 'vitest';
import { challengeText } from '@/lib/planner/challenge-words';
import { calendarOf, challengeSlotFor, placeChallenges } from '@/lib/planner/challenges';
import { generatePlan, regeneratePlan } from '@/lib/planner/generate-plan';
import { createRng } from '@/lib/planner/rng';
import { applySwap, rankAlternatives, setLocked } from '@/lib/planner/swap';
import type { PlannerInput, WeekPlan } from '@/lib/planner/types';
import type { ChallengeMeal, WeekChallenges } from '@/lib/reintroduction/types';
import { challengeShopText } from '@/lib/shopping/challenge-text';
import { sumFoodNeeds } from '@/lib/shopping/needs';
import { toShoppingPlan } from '@/lib/shopping/plan-from-week';
import type { Recipe } from '@/lib/shopping/types';
import { allMeals, makeInput, makeProfile } from './fixtures';

const milk = (day: number, doseG: number, words: string): ChallengeMeal => ({
  challengeId: 'lactose',
  food: 'whole milk',
  ndb: '01077',
  doseG,
  words,
  day,
  slot: 'breakfast',
});

/** Lactose Tuesday to Thursday at three doses, then three washout days. */
const LACTOSE_WEEK: WeekChallenges = {
  challenges: {
    '2026-12-01': milk(1, 60, '¼ cup whole milk'),
    '2026-12-02': milk(2, 120, '½ cup whole milk'),
    '2026-12-03': milk(3, 240, '1 cup whole milk'),
  },
  washout: ['2026-12-04', '2026-12-05', '2026-12-06'],
};

function planOf(input: PlannerInput, seed = 3): WeekPlan {
  const result = generatePlan(input, createRng(seed), { effort: 0.3 });
  if (!result.ok) throw new Error('the fixture week must be plannable');
  return result.plan;
}

const challenged = (plan: WeekPlan) =>
  allMeals(plan)
    .filter((m) => m.challenge)
    .map((m) => `${m.id} ${m.challenge?.doseG}`);

describe('challengeSlotFor', () => {
  it('keeps the slot when planned, else takes the nearest in the day, the earlier on a tie', () => {
    expect(challengeSlotFor('breakfast', ['breakfast', 'lunch', 'dinner'])).toBe('breakfast');
    expect(challengeSlotFor('breakfast', ['lunch', 'dinner'])).toBe('lunch');
    expect(challengeSlotFor('snack', ['breakfast', 'dinner'])).toBe('dinner');
    // lunch sits between breakfast and snack: both one step away
    expect(challengeSlotFor('lunch', ['breakfast', 'snack'])).toBe('breakfast');
    expect(challengeSlotFor('dinner', ['breakfast'])).toBe('breakfast');
    expect(challengeSlotFor('dinner', [])).toBeNull();
  });
});

describe('placeChallenges', () => {
  const plan = planOf(makeInput());

  it('puts each date’s challenge on its slot’s meal, marks washout days, clears the rest', () => {
    const placed = placeChallenges(plan, LACTOSE_WEEK);
    expect(challenged(placed)).toEqual([
      '2026-12-01-breakfast 60',
      '2026-12-02-breakfast 120',
      '2026-12-03-breakfast 240',
    ]);
    expect(placed.days.filter((d) => d.washout).map((d) => d.date)).toEqual([
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
    // recipes are untouched: the challenge is an add-on
    expect(allMeals(placed).map((m) => m.recipeSlug)).toEqual(
      allMeals(plan).map((m) => m.recipeSlug),
    );
    // placing the empty calendar clears them again
    const cleared = placeChallenges(placed, { challenges: {}, washout: [] });
    expect(challenged(cleared)).toEqual([]);
    expect(cleared.days.every((d) => d.washout === false)).toBe(true);
  });

  it('a date both challenge and washout is a challenge day; dates outside the week are ignored', () => {
    const placed = placeChallenges(plan, {
      challenges: { '2026-12-01': milk(1, 60, '¼ cup'), '2026-12-09': milk(2, 120, '½ cup') },
      washout: ['2026-12-01', '2026-11-29'],
    });
    expect(challenged(placed)).toEqual(['2026-12-01-breakfast 60']);
    expect(placed.days.some((d) => d.washout)).toBe(false);
  });

  it('reads back as the calendar it was placed from', () => {
    expect(calendarOf(placeChallenges(plan, LACTOSE_WEEK))).toEqual(LACTOSE_WEEK);
  });
});

describe('the planner with a calendar', () => {
  it('marks the challenge meals of a generated week, on the nearest slot when breakfast is not planned', () => {
    const input = makeInput({
      profile: makeProfile({ slots: ['lunch', 'dinner'] }),
      challenges: LACTOSE_WEEK,
    });
    const plan = planOf(input);
    expect(challenged(plan)).toEqual([
      '2026-12-01-lunch 60',
      '2026-12-02-lunch 120',
      '2026-12-03-lunch 240',
    ]);
    const tuesday = allMeals(plan).find((m) => m.id === '2026-12-01-lunch')!;
    expect(challengeText(tuesday.challenge!, tuesday.slot)).toBe(
      'Challenge · lactose, day 1: add ¼ cup whole milk to lunch',
    );
    expect(plan.days.map((d) => d.washout)).toEqual([false, false, false, false, true, true, true]);
  });

  it('keeps each challenge on its date and slot through a swap, a lock and a regeneration', () => {
    const input = makeInput({ challenges: LACTOSE_WEEK });
    const plan = planOf(input);
    const mealId = '2026-12-02-breakfast';
    const alternative = rankAlternatives(input, plan, mealId, 1)[0];
    expect(alternative).toBeDefined();
    const swapped = applySwap(input, plan, mealId, alternative!.recipeSlug);
    expect(swapped.ok).toBe(true);
    if (!swapped.ok) return;
    expect(allMeals(swapped.plan).find((m) => m.id === mealId)?.recipeSlug).toBe(
      alternative!.recipeSlug,
    );
    expect(challenged(swapped.plan)).toEqual(challenged(plan));
    const locked = setLocked(swapped.plan, mealId, true);
    expect(calendarOf(locked)).toEqual(LACTOSE_WEEK);
    const again = regeneratePlan(input, locked, { scope: 'week' }, createRng(9), { effort: 0.3 });
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(challenged(again.plan)).toEqual(challenged(plan));
    expect(again.plan.days.map((d) => d.washout)).toEqual(plan.days.map((d) => d.washout));
  });

  it('plans the same recipes with and without a calendar: a challenge changes no recipe choice', () => {
    const without = planOf(makeInput(), 5);
    const withCalendar = planOf(makeInput({ challenges: LACTOSE_WEEK }), 5);
    expect(allMeals(withCalendar).map((m) => m.recipeSlug)).toEqual(
      allMeals(without).map((m) => m.recipeSlug),
    );
    expect(allMeals(without).every((m) => m.challenge === null)).toBe(true);
  });
});

describe('challenge foods on the shopping list', () => {
  it('buys each challenge dose for every person, leftover meals included', () => {
    const plan = planOf(makeInput({ challenges: LACTOSE_WEEK }));
    const week = toShoppingPlan(1, 1, plan, 3);
    const needs = sumFoodNeeds(week, new Map(recipesOf(plan)));
    const milkNeed = needs.find((n) => n.ndb === '01077');
    // (60 + 120 + 240) g a person, three people
    expect(milkNeed?.grams).toBeCloseTo(1260, 6);
    expect(milkNeed?.challenge).toEqual({ challengeIds: ['lactose'], grams: 1260 });
    expect(milkNeed?.meals).toEqual([
      '2026-12-01-breakfast',
      '2026-12-02-breakfast',
      '2026-12-03-breakfast',
    ]);
  });

  it('says which part of a line is for the challenge', () => {
    const challenge = { challengeIds: ['lactose'], grams: 420 };
    expect(challengeShopText({ grams: 420, challenge })).toBe('for the challenge (lactose)');
    expect(challengeShopText({ grams: 500, challenge })).toBe(
      '420 g of it for the challenge (lactose)',
    );
    expect(challengeShopText({ grams: 500, challenge: null })).toBeNull();
  });
});

/** Shopping recipes for the synthetic catalog: one 100 g line per ingredient food. */
function recipesOf(plan: WeekPlan): [string, Recipe][] {
  const input = makeInput();
  const bySlug = new Map(input.recipes.map((r) => [r.slug, r]));
  return allMeals(plan).map((m) => {
    const r = bySlug.get(m.recipeSlug)!;
    return [
      r.slug,
      {
        slug: r.slug,
        name: r.name,
        servings: r.servings,
        ingredients: r.ingredients.map((i) => ({ ndb: i.ndb, grams: 100, text: '100 g' })),
        steps: [],
        prepMinutes: r.prepMinutes,
        cookMinutes: r.cookMinutes,
        description: '',
      },
    ];
  });
}
