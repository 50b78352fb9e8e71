import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildShoppingList } from '@/lib/shopping/build-list';
import type { MealSlot, Plan, PlanMeal } from '@/lib/shopping/types';
import {
  expectedGrams,
  makeInput,
  makePlan,
  NDB,
  RECIPES,
  recipeMap,
  WEEK_DATES,
} from './fixtures';

const SLOTS: MealSlot[] = ['breakfast', 'lunch', 'dinner', 'snack'];

type SlotSpec =
  | { kind: 'none' }
  | { kind: 'cook'; recipe: number; servings: number }
  | { kind: 'leftover'; of: number; servings: number };

const slotSpec: fc.Arbitrary<SlotSpec> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({
    kind: fc.constant('cook' as const),
    recipe: fc.nat({ max: RECIPES.length - 1 }),
    servings: fc.integer({ min: 1, max: 6 }),
  }),
  fc.record({
    kind: fc.constant('leftover' as const),
    of: fc.nat({ max: 50 }),
    servings: fc.integer({ min: 1, max: 6 }),
  }),
);

/** A week of random meals: leftovers point at an earlier cooking meal and share its recipe. */
const planArb: fc.Arbitrary<Plan> = fc
  .array(slotSpec, { minLength: WEEK_DATES.length * SLOTS.length, maxLength: 28 })
  .map((specs) => {
    const meals: PlanMeal[] = [];
    const cooked: PlanMeal[] = [];
    specs.forEach((spec, i) => {
      const date = WEEK_DATES[Math.floor(i / SLOTS.length)]!;
      const slot = SLOTS[i % SLOTS.length]!;
      const id = `${date}-${slot}`;
      if (spec.kind === 'cook') {
        const meal: PlanMeal = {
          id,
          slot,
          recipeSlug: RECIPES[spec.recipe]!.slug,
          servings: spec.servings,
          locked: false,
          leftoverOf: null,
        };
        meals.push(meal);
        cooked.push(meal);
      } else if (spec.kind === 'leftover' && cooked.length > 0) {
        const source = cooked[spec.of % cooked.length]!;
        meals.push({
          id,
          slot,
          recipeSlug: source.recipeSlug,
          servings: spec.servings,
          locked: false,
          leftoverOf: source.id,
        });
      }
    });
    return makePlan(meals);
  });

const recipes = recipeMap();
const base = makeInput();

function closeTo(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

describe('buildShoppingList properties (random weeks over real foods)', () => {
  it('sums each food over cooking meals, once per food, and totals add up', () => {
    fc.assert(
      fc.property(planArb, fc.constantFrom<'metric' | 'us'>('metric', 'us'), (plan, units) => {
        const list = buildShoppingList({ ...base, plan, units });
        const expected = expectedGrams(plan, recipes);

        const ndbs = list.items.map((i) => i.ndb);
        expect(new Set(ndbs).size).toBe(ndbs.length);
        expect(new Set(ndbs)).toEqual(new Set(expected.keys()));
        for (const item of list.items) {
          expect(closeTo(item.grams, expected.get(item.ndb)!)).toBe(true);
        }

        const leftoverIds = new Set(
          plan.days.flatMap((d) => d.meals.filter((m) => m.leftoverOf).map((m) => m.id)),
        );
        for (const item of list.items) {
          expect(item.meals.some((id) => leftoverIds.has(id))).toBe(false);
        }

        const sectioned = list.aisles.flatMap((s) => s.items);
        expect([...sectioned].sort()).toEqual([...ndbs].sort());
        expect(list.totals.items).toBe(list.items.length);
        expect(list.totals.inPantry).toBe(list.items.filter((i) => i.inPantry).length);
        expect(list.totals.toBuy).toBe(list.items.filter((i) => !i.inPantry && !i.checked).length);
        expect(list.items.some((i) => i.ndb === NDB.peanuts)).toBe(false);
      }),
      { numRuns: 300, seed: 20261130 },
    );
  });

  it('leftover meals add nothing: dropping them leaves every line unchanged', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const withoutLeftovers: Plan = {
          ...plan,
          days: plan.days.map((d) => ({ ...d, meals: d.meals.filter((m) => !m.leftoverOf) })),
        };
        const a = buildShoppingList({ ...base, plan });
        const b = buildShoppingList({ ...base, plan: withoutLeftovers });
        expect(a.items.map((i) => [i.ndb, i.grams])).toEqual(b.items.map((i) => [i.ndb, i.grams]));
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('doubling every meal’s servings doubles every line', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const doubled: Plan = {
          ...plan,
          days: plan.days.map((d) => ({
            ...d,
            meals: d.meals.map((m) => ({ ...m, servings: m.servings * 2 })),
          })),
        };
        const once = new Map(
          buildShoppingList({ ...base, plan }).items.map((i) => [i.ndb, i.grams]),
        );
        const twice = buildShoppingList({ ...base, plan: doubled }).items;
        expect(twice.length).toBe(once.size);
        for (const item of twice) expect(closeTo(item.grams, 2 * once.get(item.ndb)!)).toBe(true);
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});
