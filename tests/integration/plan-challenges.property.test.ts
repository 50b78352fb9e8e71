import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { loadPlannerRecipes } from '@/db/queries/planner-recipes';
import { listProtocols } from '@/db/queries/protocols';
import { MEAL_TYPES, type MealType } from '@/lib/foods/codes';
import { calendarOf } from '@/lib/planner/challenges';
import { addDays } from '@/lib/planner/dates';
import { generatePlan, regeneratePlan } from '@/lib/planner/generate-plan';
import { createRng } from '@/lib/planner/rng';
import { applySwap, rankAlternatives } from '@/lib/planner/swap';
import type { PlannerInput, PlannerRecipe, WeekPlan } from '@/lib/planner/types';
import { buildRestriction } from '@/lib/protocols/build-restriction';
import type { ChallengeMeal, WeekChallenges } from '@/lib/reintroduction/types';
import type { Restriction } from '@/lib/restrictions/types';
import { findViolations } from '@/lib/restrictions/violations';
import { useFreshDatabase } from '../support/db';

const WEEK = '2026-11-30';
/** Light search: the property is about the calendar on the plan, not the plan's quality. */
const EFFORT = { effort: 0.05 } as const;

/** Challenge foods of the protocols' reintroductions (real USDA foods). */
const FOODS = [
  { id: 'lactose', food: 'whole milk', ndb: '01077' },
  { id: 'honey', food: 'honey', ndb: '19296' },
  { id: 'egg-yolks', food: 'egg yolk', ndb: '01125' },
  { id: 'garlic', food: 'garlic', ndb: '11215' },
] as const;

/** The elimination backgrounds: protocol phases the challenges are run on. */
const BACKGROUNDS = [
  { protocolId: 'aip', phaseId: 'elimination' },
  { protocolId: 'low-fodmap', phaseId: 'elimination' },
  { protocolId: 'whole30', phaseId: 'elimination' },
] as const;

const SLOT_SETS: MealType[][] = [
  ['breakfast', 'lunch', 'dinner'],
  ['breakfast', 'lunch', 'dinner', 'snack'],
  ['lunch', 'dinner'],
  ['dinner'],
];

let recipes: PlannerRecipe[];
let restrictions: Restriction[];

beforeAll(async () => {
  await useFreshDatabase();
  recipes = await loadPlannerRecipes(getDb());
  const protocols = await listProtocols(getDb());
  restrictions = BACKGROUNDS.map((b) => {
    const built = buildRestriction({
      protocols,
      ...b,
      diet: 'omnivore',
      allergens: [],
      avoid: [],
      dislikes: [],
    });
    if (!built.ok) throw new Error(built.message);
    return built.restriction;
  });
});

/** One challenge: its food, first day (0 = Monday; may start before the week), doses, washout. */
const challengeArb = fc.record({
  food: fc.constantFrom(...FOODS),
  start: fc.integer({ min: -2, max: 6 }),
  doses: fc.array(fc.integer({ min: 5, max: 250 }), { minLength: 1, maxLength: 3 }),
  washoutDays: fc.integer({ min: 1, max: 4 }),
  slot: fc.constantFrom(...MEAL_TYPES),
});

/** A week's calendar: one challenge and its washout, and sometimes the next one after it. */
const calendarArb = fc
  .tuple(challengeArb, fc.option(challengeArb, { nil: undefined }))
  .map(([first, second]): WeekChallenges => {
    const challenges: Record<string, ChallengeMeal> = {};
    const washout: string[] = [];
    let day = first.start;
    for (const c of second ? [first, second] : [first]) {
      c.doses.forEach((doseG, i) => {
        challenges[addDays(WEEK, day + i)] = {
          challengeId: c.food.id,
          food: c.food.food,
          ndb: c.food.ndb,
          doseG,
          words: `${doseG} g ${c.food.food}`,
          day: i + 1,
          slot: c.slot,
        };
      });
      day += c.doses.length;
      for (let i = 0; i < c.washoutDays; i++) washout.push(addDays(WEEK, day + i));
      day += c.washoutDays;
    }
    return { challenges, washout };
  });

const caseArb = fc.record({
  background: fc.nat({ max: BACKGROUNDS.length - 1 }),
  slots: fc.constantFrom(...SLOT_SETS),
  householdSize: fc.integer({ min: 1, max: 4 }),
  leftovers: fc.boolean(),
  calendar: calendarArb,
  seed: fc.nat({ max: 2 ** 31 - 1 }),
  pick: fc.nat(),
});

type CaseOf = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function inputOf(c: CaseOf): PlannerInput {
  return {
    profile: {
      householdSize: c.householdSize,
      slots: c.slots,
      energyKcal: 2000,
      proteinG: 75,
      fiberG: 28,
      maxMinutes: { weekday: 60, weekend: 90 },
      leftovers: c.leftovers,
      carbsPerMealG: null,
    },
    restriction: restrictions[c.background]!,
    recipes,
    weekStart: WEEK,
    challenges: c.calendar,
  };
}

/** Recipes' foods the restriction leaves out: the elimination background itself. */
function excludedFoods(input: PlannerInput, plan: WeekPlan): string[] {
  const bySlug = new Map(input.recipes.map((r) => [r.slug, r]));
  return plan.days.flatMap((d) =>
    d.meals.flatMap((m) =>
      (bySlug.get(m.recipeSlug)?.ingredients ?? []).flatMap((food) =>
        findViolations(food, input.restriction).map((v) => `${m.id}: ${v.foodName}`),
      ),
    ),
  );
}

/**
 * What the calendar promises on the plan: on each challenge date of the week exactly one meal
 * carries an add-on, that date's food at that date's dose, and nothing else is added; washout
 * days and other dates add nothing; recipes stay on the elimination background.
 */
function expectCalendarKept(input: PlannerInput, plan: WeekPlan, calendar: WeekChallenges): void {
  expect(excludedFoods(input, plan)).toEqual([]);
  for (const day of plan.days) {
    const added = day.meals.flatMap((m) => (m.challenge ? [m.challenge] : []));
    const expected = calendar.challenges[day.date];
    if (expected) {
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({ ndb: expected.ndb, doseG: expected.doseG });
      expect(day.washout).toBe(false);
    } else {
      expect(added).toEqual([]);
      expect(day.washout).toBe(calendar.washout.includes(day.date));
    }
  }
}

describe('challenge meals and washout days in plans on the real catalog', () => {
  it('a week adds exactly the scheduled food at the scheduled dose, washout days stay clean, and a swap or a day regenerated keeps them', () => {
    let planned = 0;
    let swapped = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        const input = inputOf(c);
        const result = generatePlan(input, createRng(c.seed), EFFORT);
        if (!result.ok) return;
        planned++;
        const plan = result.plan;
        expectCalendarKept(input, plan, c.calendar);

        // the challenge belongs to its date and slot: swapping its meal keeps it there
        const challengeMeals = plan.days.flatMap((d) => d.meals.filter((m) => m.challenge));
        const all = plan.days.flatMap((d) => d.meals);
        const meal =
          challengeMeals.length > 0
            ? challengeMeals[c.pick % challengeMeals.length]!
            : all[c.pick % all.length]!;
        const alternative = rankAlternatives(input, plan, meal.id, 1)[0];
        if (alternative) {
          const after = applySwap(input, plan, meal.id, alternative.recipeSlug);
          expect(after.ok).toBe(true);
          if (after.ok) {
            swapped++;
            expectCalendarKept(input, after.plan, c.calendar);
            expect(calendarOf(after.plan)).toEqual(calendarOf(plan));
          }
        }
        const again = regeneratePlan(
          input,
          plan,
          { scope: 'day', date: meal.date },
          createRng(c.seed + 1),
          EFFORT,
        );
        if (again.ok) {
          expectCalendarKept(input, again.plan, c.calendar);
          expect(calendarOf(again.plan)).toEqual(calendarOf(plan));
        }
      }),
      { numRuns: 300, seed: 20261130 },
    );
    // the draws must reach real weeks and real swaps, not only diagnoses
    expect(planned).toBeGreaterThan(150);
    expect(swapped).toBeGreaterThan(100);
  }, 120_000);
});
