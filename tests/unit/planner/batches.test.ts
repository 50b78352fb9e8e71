import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cookText,
  portionText,
  recipeWords,
  servingsWords,
  spareText,
} from '@/lib/planner/batch-words';
import { cookBatch, mealBatch, mealPortions } from '@/lib/planner/batches';
import { PLANT_VARIETY_NOTE, plantsText } from '@/lib/planner/plant-words';

describe('cookBatch: the smallest whole or half recipe that covers the servings eaten', () => {
  it.each([
    // servings eaten, recipe yield → multiple, servings made, spare
    [1.5, 4, 0.5, 2, 0.5], // household 1 at 1½
    [3, 4, 1, 4, 1], // household 3 at 1
    [2, 4, 0.5, 2, 0], // household 2 at 1: exactly half
    [4, 4, 1, 4, 0],
    [4.5, 4, 1.5, 6, 1.5], // household 3 at 1½
    [6, 4, 1.5, 6, 0], // household 3 at 1 plus 3 leftover lunches
    [0.5, 4, 0.5, 2, 1.5], // one half portion still cooks half the recipe
    [2.5, 6, 0.5, 3, 0.5],
    [3.5, 6, 1, 6, 2.5],
    [1, 1, 1, 1, 0],
    [1.5, 1, 1.5, 1.5, 0],
    [0.5, 1, 0.5, 0.5, 0],
    [7, 2, 3.5, 7, 0],
    [7.5, 2, 4, 8, 0.5],
  ])(
    '%d servings of a recipe for %d → %d recipe, %d servings, %d spare',
    (eaten, yields, multiple, servings, spare) => {
      expect(cookBatch(eaten, yields)).toEqual({
        recipeMultiple: multiple,
        servings,
        spareServings: spare,
      });
    },
  );

  it('does not add half a recipe for float noise (a household rescaled by a third)', () => {
    expect(cookBatch((3 * 4) / 3, 4).recipeMultiple).toBe(1);
    expect(cookBatch(0.1 + 0.2 + 1.7, 4).recipeMultiple).toBe(0.5);
  });

  it('refuses a recipe without servings', () => {
    expect(() => cookBatch(2, 0)).toThrow(/yields servings/);
  });

  it('covers the servings eaten with less than half a recipe spare (300 runs)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 12 }),
        (halves, yields) => {
          const eaten = halves / 2;
          const b = cookBatch(eaten, yields);
          expect(Number.isInteger(b.recipeMultiple * 2)).toBe(true);
          expect(b.recipeMultiple).toBeGreaterThanOrEqual(0.5);
          expect(b.servings).toBe(b.recipeMultiple * yields);
          expect(b.servings).toBeGreaterThanOrEqual(eaten);
          expect(b.spareServings).toBeCloseTo(b.servings - eaten, 9);
          // one half recipe fewer would not feed everyone (unless it is already the smallest)
          if (b.recipeMultiple > 0.5) expect(b.servings - yields / 2).toBeLessThan(eaten);
        },
      ),
      { numRuns: 300, seed: 9 },
    );
  });
});

describe('mealBatch and mealPortions', () => {
  const meals = [
    { id: 'mon-dinner', servings: 4.5, leftoverOf: null },
    { id: 'tue-lunch', servings: 1.5, leftoverOf: 'mon-dinner' },
  ];

  it('a leftover meal cooks nothing; the dinner cooks for itself and the lunch it feeds', () => {
    expect(mealBatch(meals[0]!, 4)).toEqual({
      recipeMultiple: 1.5,
      servings: 6,
      spareServings: 1.5,
    });
    expect(mealBatch(meals[1]!, 4)).toBeNull();
  });

  it('each person’s portion leaves out the leftovers the dinner feeds', () => {
    // household 3: dinner 4.5 − 1.5 fed = 3 → 1 each; lunch 1.5 → ½ each
    expect(mealPortions(meals, 3)).toEqual(
      new Map([
        ['mon-dinner', 1],
        ['tue-lunch', 0.5],
      ]),
    );
  });
});

describe('the words', () => {
  it.each([
    [0.5, '½ serving'],
    [1, '1 serving'],
    [1.5, '1½ servings'],
    [2, '2 servings'],
    [2.5, '2½ servings'],
  ])('%d → %s', (n, words) => {
    expect(servingsWords(n)).toBe(words);
  });

  it.each([
    [0.5, '½ recipe'],
    [1, '1 recipe'],
    [1.5, '1½ recipes'],
    [3, '3 recipes'],
  ])('%d → %s', (n, words) => {
    expect(recipeWords(n)).toBe(words);
  });

  it('says what to cook and what is spare', () => {
    const half = cookBatch(1.5, 4);
    expect(cookText(half)).toBe('cook ½ recipe (2 servings)');
    expect(spareText(half)).toBe('½ serving spare');
    const oneAndHalf = cookBatch(6, 4);
    expect(cookText(oneAndHalf)).toBe('cook 1½ recipes (6 servings)');
    expect(spareText(oneAndHalf)).toBeNull();
    expect(cookText(cookBatch(1.5, 3))).toBe('cook ½ recipe (1½ servings)');
  });

  it('says each person’s portion', () => {
    expect(portionText(1.5)).toBe('1½ servings each');
    expect(portionText(1)).toBe('1 serving each');
    expect(portionText(0.5)).toBe('½ serving each');
    expect(portionText(2)).toBe('2 servings each');
  });

  it('counts the week’s plants and says the evidence is observational', () => {
    expect(plantsText(24)).toBe('24 different plants this week');
    expect(plantsText(1)).toBe('1 different plant this week');
    expect(PLANT_VARIETY_NOTE).toMatch(/associated with .* \(observational studies\)\.$/);
  });
});
