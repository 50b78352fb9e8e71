import { describe, expect, it } from 'vitest';
import {
  shoppingListToCsv,
  shoppingListToMarkdown,
  shoppingListToText,
} from '@/lib/export/shopping';
import { buildShoppingList } from '@/lib/shopping/build-list';
import type { Recipe } from '@/lib/shopping/types';
import { makeInput, makeMeal, makePlan, makeRecipe, NDB, RECIPES, recipeMap } from './fixtures';

const TUNA = '15121'; // Fish, tuna, light, canned in water, drained solids
const WATER_NO_BROTH = 'packed in water, no broth';
const NO_GUMS = 'choose one without gums';

const noted: Recipe[] = [
  ...RECIPES.map((r) =>
    r.slug === 'coconut-squash-soup'
      ? {
          ...r,
          ingredients: r.ingredients.map((i) =>
            i.ndb === NDB.coconutMilk ? { ...i, shopNote: NO_GUMS } : i,
          ),
        }
      : r,
  ),
  makeRecipe({
    slug: 'tuna-wraps',
    ingredients: [{ ndb: TUNA, grams: 330, text: '2 can', shopNote: WATER_NO_BROTH }],
  }),
  makeRecipe({
    slug: 'tuna-bites',
    servings: 2,
    ingredients: [
      { ndb: TUNA, grams: 165, text: '1 can', shopNote: WATER_NO_BROTH },
      { ndb: NDB.oliveOil, grams: 13.5, text: '1 tablespoon' },
    ],
  }),
];

function listWithNotes() {
  const plan = makePlan([
    makeMeal('2026-11-30', 'dinner', 'tuna-wraps', { servings: 2 }),
    makeMeal('2026-12-01', 'snack', 'tuna-bites', { servings: 2 }),
    makeMeal('2026-12-02', 'lunch', 'tuna-wraps', { servings: 2 }),
    makeMeal('2026-12-03', 'dinner', 'coconut-squash-soup', { servings: 3 }),
  ]);
  return buildShoppingList(makeInput({ plan, recipes: recipeMap(noted) }));
}

describe('shop notes on the shopping list', () => {
  it('puts a recipe ingredient’s shop note on the food’s line, once however many recipes carry it', () => {
    const list = listWithNotes();
    const tuna = list.items.find((i) => i.ndb === TUNA)!;
    expect(tuna.meals).toHaveLength(3);
    expect(tuna.notes).toEqual([WATER_NO_BROTH]);
    expect(list.items.find((i) => i.ndb === NDB.coconutMilk)!.notes).toEqual([NO_GUMS]);
    // A line whose recipes carry no note has none, even when it shares a recipe with a noted food.
    expect(list.items.find((i) => i.ndb === NDB.oliveOil)!.notes).toEqual([]);
  });

  it.each([
    ['CSV', (l: ReturnType<typeof listWithNotes>) => shoppingListToCsv(l)],
    ['Markdown', (l: ReturnType<typeof listWithNotes>) => shoppingListToMarkdown(l)],
    ['text', (l: ReturnType<typeof listWithNotes>) => shoppingListToText(l)],
  ])('shows each note once in the %s export', (_name, render) => {
    const out = render(listWithNotes());
    expect(out.split(WATER_NO_BROTH)).toHaveLength(2);
    expect(out.split(NO_GUMS)).toHaveLength(2);
    const tunaLine = out.split(/\r?\n/).find((l) => l.includes(WATER_NO_BROTH))!;
    expect(tunaLine.toLowerCase()).toContain('tuna');
  });
});
