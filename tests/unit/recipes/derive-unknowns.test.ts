import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FoodTagging } from '@/lib/foods/types';
import { type DerivationFood, deriveRecipe } from '@/lib/recipes/derive';
import { fructosePerServing } from '@/lib/recipes/fructose';
import type { RecipeInput } from '@/lib/recipes/schema';
import { readSr21Files } from '@/lib/usda/load-files';
import { parseSr21 } from '@/lib/usda/parse';

const usda = new Map(parseSr21(readSr21Files()).map((f) => [f.ndb, f]));
const SWEET_POTATO = '11507';
/** Nuts, coconut milk, canned: SR21 leaves its fibre blank. */
const COCONUT_MILK = '12118';
/** Soup, stock, chicken, home-prepared: the strained liquid. */
const CHICKEN_STOCK = '06172';

const tagging: FoodTagging = {
  allergens: [],
  tags: [],
  inflammation: { class: 'neutral', rationale: 'n/a', evidence: 'weak', source: 'test' },
};

function food(ndb: string): DerivationFood {
  const f = usda.get(ndb);
  if (!f) throw new Error(`no food ${ndb}`);
  return { ndb, name: f.longDesc, nutrients: f.nutrients, measures: f.measures, tagging };
}

function recipe(over: Partial<RecipeInput>): RecipeInput {
  return {
    slug: 'test-recipe',
    name: 'Test recipe',
    description: 'A recipe for tests only.',
    mealTypes: ['dinner'],
    servings: 4,
    prepMinutes: 10,
    cookMinutes: 20,
    activeMinutes: 15,
    passiveMinutes: 15,
    assembly: false,
    cuisine: 'test',
    light: false,
    leftoverDays: 0,
    freezes: false,
    treat: false,
    ingredients: [],
    steps: ['Cook it.'],
    ...over,
  };
}

describe('deriveRecipe with blank SR21 values', () => {
  it('the data really has the blank this test relies on', () => {
    expect(usda.get(COCONUT_MILK)!.nutrients.fiberG).toBeNull();
    expect(usda.get(SWEET_POTATO)!.nutrients.fiberG).toBeGreaterThan(0);
  });

  it('counts an ingredient with blank fibre as unknown and sums only the known fibre', () => {
    const foods = new Map([SWEET_POTATO, COCONUT_MILK].map((n) => [n, food(n)]));
    const result = deriveRecipe(
      recipe({
        ingredients: [
          { ndb: SWEET_POTATO, grams: 400 },
          { ndb: COCONUT_MILK, grams: 200 },
        ],
      }),
      foods,
    );
    if (!result.ok) throw new Error(result.errors.join('; '));
    const known = (usda.get(SWEET_POTATO)!.nutrients.fiberG! * 400) / 100 / 4;
    expect(result.recipe.nutritionPerServing.fiberG).toBeCloseTo(known, 2);
    expect(result.recipe.nutritionUnknown.fiberG).toBe(1);
    // Energy is known for both: nothing unknown there.
    expect(result.recipe.nutritionUnknown.energyKcal).toBe(0);
    expect(result.recipe.nutritionFrom).toBeNull();
  });

  it('gives null, not 0, when no ingredient has a value, and counts each line', () => {
    const foods = new Map([[COCONUT_MILK, food(COCONUT_MILK)]]);
    const result = deriveRecipe(
      recipe({
        ingredients: [
          { ndb: COCONUT_MILK, grams: 200 },
          { ndb: COCONUT_MILK, grams: 100 },
        ],
      }),
      foods,
    );
    if (!result.ok) throw new Error(result.errors.join('; '));
    expect(result.recipe.nutritionPerServing.fiberG).toBeNull();
    expect(result.recipe.nutritionUnknown.fiberG).toBe(2);
  });

  it('takes a strained broth’s nutrition from the strained SR21 food, tags from the pot', () => {
    const foods = new Map([SWEET_POTATO, CHICKEN_STOCK].map((n) => [n, food(n)]));
    const result = deriveRecipe(
      recipe({
        servings: 12,
        strained: { ndb: CHICKEN_STOCK, gramsPerServing: 240 },
        ingredients: [{ ndb: SWEET_POTATO, grams: 2000 }],
      }),
      foods,
    );
    if (!result.ok) throw new Error(result.errors.join('; '));
    const stock = usda.get(CHICKEN_STOCK)!.nutrients;
    expect(result.recipe.nutritionPerServing.energyKcal).toBeCloseTo(
      (stock.energyKcal! * 240) / 100,
      1,
    );
    expect(result.recipe.nutritionFrom).toMatchObject({ ndb: CHICKEN_STOCK, gramsPerServing: 240 });
    expect(result.recipe.ingredients.map((i) => i.ndb)).toEqual([SWEET_POTATO]);
  });

  it('puts the shop note first in the ingredient note and keeps it apart for the shopping list', () => {
    const foods = new Map([[COCONUT_MILK, food(COCONUT_MILK)]]);
    const result = deriveRecipe(
      recipe({
        ingredients: [
          { ndb: COCONUT_MILK, grams: 200, shopNote: 'choose one without gums', note: 'shaken' },
        ],
      }),
      foods,
    );
    if (!result.ok) throw new Error(result.errors.join('; '));
    expect(result.recipe.ingredients[0]).toMatchObject({
      note: 'choose one without gums; shaken',
      shopNote: 'choose one without gums',
    });
  });
});

describe('fructose per serving never reads an unknown as 0', () => {
  const nutrientArb = fc.option(fc.double({ min: 0, max: 90, noNaN: true }), { nil: null });
  const foodArb = fc.record({ sugarsG: nutrientArb, carbsG: nutrientArb, listed: fc.boolean() });

  it('is null when any ingredient has no fructose, sugars or carbohydrate; else at least the lower reading', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(foodArb, fc.double({ min: 1, max: 500, noNaN: true })), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.integer({ min: 1, max: 12 }),
        (lines, servings) => {
          const foods = new Map(
            lines.map(([f], i) => [
              String(10000 + i),
              { nutrients: { sugarsG: f.sugarsG, carbsG: f.carbsG } },
            ]),
          );
          const table = new Map(
            lines.flatMap(([f], i) => (f.listed ? [[String(10000 + i), 1] as const] : [])),
          );
          const ingredients = lines.map(([, grams], i) => ({ ndb: String(10000 + i), grams }));
          const result = fructosePerServing(ingredients, servings, foods, table);
          const anyUnknown = lines.some(
            ([f]) => !f.listed && f.sugarsG === null && f.carbsG === null,
          );
          if (anyUnknown) {
            expect(result).toBeNull();
            return;
          }
          // Reading every bound for what it is: table value, else sugars, else carbohydrate.
          const expected =
            lines.reduce(
              (a, [f, grams]) => a + ((f.listed ? 1 : (f.sugarsG ?? f.carbsG)!) * grams) / 100,
              0,
            ) / servings;
          expect(result).not.toBeNull();
          expect(result!).toBeGreaterThanOrEqual(expected - 1e-9);
          expect(result!).toBeLessThanOrEqual(expected + 0.01 + 1e-9);
        },
      ),
      { numRuns: 300 },
    );
  });
});
