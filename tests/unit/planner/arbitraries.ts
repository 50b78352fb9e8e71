import fc from 'fast-check';
import type { MealType } from '@/lib/foods/codes';
import type { PlannerInput, PlannerProfile, PlannerRecipe } from '@/lib/planner/types';
import type { Restriction } from '@/lib/restrictions/types';
import { CATALOG, FOODS, RULE_OPTIONS } from './fixtures';

const SLOT_SETS: MealType[][] = [
  ['breakfast', 'lunch', 'dinner'],
  ['breakfast', 'lunch', 'dinner', 'snack'],
  ['lunch', 'dinner'],
  ['breakfast', 'dinner'],
  ['dinner'],
  ['breakfast', 'snack'],
];

export const profileArb: fc.Arbitrary<PlannerProfile> = fc
  .record({
    householdSize: fc.integer({ min: 1, max: 5 }),
    slots: fc.constantFrom(...SLOT_SETS),
    energyKcal: fc.integer({ min: 1400, max: 3200 }),
    proteinG: fc.integer({ min: 40, max: 160 }),
    fiberG: fc.integer({ min: 15, max: 45 }),
    weekday: fc.constantFrom(15, 20, 30, 45, 60, 120),
    extraWeekend: fc.constantFrom(0, 30, 90),
    leftovers: fc.boolean(),
    carbs: fc.option(
      fc.record({
        target: fc.integer({ min: 20, max: 80 }),
        tolerance: fc.integer({ min: 3, max: 15 }),
      }),
    ),
  })
  .map((p) => ({
    householdSize: p.householdSize,
    slots: p.slots,
    energyKcal: p.energyKcal,
    proteinG: p.proteinG,
    fiberG: p.fiberG,
    maxMinutes: { weekday: p.weekday, weekend: p.weekday + p.extraWeekend },
    leftovers: p.leftovers,
    carbsPerMealG: p.carbs,
  }));

const foodList = Object.values(FOODS).map((r) => r.food);

export const restrictionArb: fc.Arbitrary<Restriction> = fc
  .record({
    rules: fc.subarray(RULE_OPTIONS, { maxLength: 3 }),
    dislikes: fc.subarray(foodList, { maxLength: 2 }),
    excuseGreenBeans: fc.boolean(),
  })
  .map((r) => ({
    rules: r.rules,
    allow: r.excuseGreenBeans
      ? [{ code: 'edible-pod-legume', excuses: ['legume'], note: 'green beans are fine' }]
      : [],
    dislikes: r.dislikes.map((f) => ({ ndb: f.ndb, name: f.name })),
  }));

/** Mondays, a Saturday and a week across a month and year end. */
export const weekStartArb = fc.constantFrom('2026-11-30', '2026-12-05', '2026-12-28', '2027-03-01');

export const inputArb: fc.Arbitrary<PlannerInput> = fc
  .record({ profile: profileArb, restriction: restrictionArb, weekStart: weekStartArb })
  .map((x) => ({ ...x, recipes: CATALOG }));

/** Inputs over `recipes` whose profile plans one of `slotSets`, changed by `profile` (optional). */
export function inputWithSlotsArb(
  slotSets: MealType[][],
  recipes: PlannerRecipe[],
  profile: Partial<PlannerProfile> = {},
): fc.Arbitrary<PlannerInput> {
  return fc
    .record({
      base: profileArb,
      slots: fc.constantFrom(...slotSets),
      restriction: restrictionArb,
      weekStart: weekStartArb,
    })
    .map(({ base, slots, restriction, weekStart }) => ({
      profile: { ...base, slots, ...profile },
      restriction,
      weekStart,
      recipes,
    }));
}

export const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });

/** Search effort for property runs: the invariants hold at any effort, and 300 runs stay quick. */
export const FAST = { effort: 0.2 } as const;

/** Property tests run hundreds of plans; the project default of 5 s is for single examples. */
export const PROPERTY_TIMEOUT_MS = 120_000;
