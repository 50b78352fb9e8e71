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

/** Household × portion (½ to 2) and leftovers: always a multiple of ½ serving, ½ to 8. */
const halfServings = fc.integer({ min: 1, max: 16 }).map((halves) => halves / 2);

const slotSpec: fc.Arbitrary<SlotSpec> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({
    kind: fc.constant('cook' as const),
    recipe: fc.nat({ max: RECIPES.length - 1 }),
    servings: halfServings,
  }),
  fc.record({
    kind: fc.constant('leftover' as const),
    of: fc.nat({ max: 50 }),
    servings: halfServings,
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

  it('doubling every meal’s servings never lowers a line and at most doubles it', () => {
    // whole or half recipes: ceil(2 × 2x) ≤ 2 × ceil(2x), so a doubled meal never needs more
    // than twice the batches, and may need fewer (a spare half recipe gets eaten)
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
        for (const item of twice) {
          const before = once.get(item.ndb)!;
          expect(item.grams).toBeGreaterThanOrEqual(before - 1e-9);
          expect(item.grams).toBeLessThanOrEqual(2 * before + 1e-9);
        }
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('buys, per food, the sum over cooked batches of the recipe multiple × the recipe’s grams', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        // independent oracle in whole numbers: servings are halves, so a meal of 2s halves
        // eaten from a recipe of R servings needs ceil(2s / R) half recipes
        const expected = new Map<string, number>();
        for (const meal of plan.days.flatMap((d) => d.meals)) {
          if (meal.leftoverOf !== null) continue;
          const recipe = recipes.get(meal.recipeSlug)!;
          const halvesEaten = Math.round(meal.servings * 2);
          const halfRecipes = Math.floor((halvesEaten + recipe.servings - 1) / recipe.servings);
          expect(halfRecipes * recipe.servings).toBeGreaterThanOrEqual(halvesEaten);
          expect((halfRecipes - 1) * recipe.servings).toBeLessThan(halvesEaten);
          for (const ing of recipe.ingredients) {
            expected.set(ing.ndb, (expected.get(ing.ndb) ?? 0) + (halfRecipes / 2) * ing.grams);
          }
        }
        for (const [ndb, grams] of expected) if (!(grams > 0)) expected.delete(ndb);
        const list = buildShoppingList({ ...base, plan });
        expect(new Set(list.items.map((i) => i.ndb))).toEqual(new Set(expected.keys()));
        for (const item of list.items) {
          expect(closeTo(item.grams, expected.get(item.ndb)!)).toBe(true);
        }
      }),
      { numRuns: 300, seed: 20261201 },
    );
  });
});
