import { describe, expect, it } from 'vitest';
import { buildShoppingList, IN_PANTRY_SECTION } from '@/lib/shopping/build-list';
import { makeInput, makeMeal, makePlan, NDB } from './fixtures';

const item = (list: ReturnType<typeof buildShoppingList>, ndb: string) => {
  const found = list.items.find((i) => i.ndb === ndb);
  if (!found) throw new Error(`${ndb} not on the list`);
  return found;
};

describe('buildShoppingList', () => {
  it('sums one food across recipes into a single line with the meals that need it', () => {
    // olive oil: a whole hash (3 servings of 4) 27 g + traybake 27 g × 1 + salmon 13.5 g × 1
    const list = buildShoppingList(makeInput());
    const oil = item(list, NDB.oliveOil);
    expect(oil.grams).toBeCloseTo(27 + 27 + 13.5, 9);
    expect(oil.meals).toEqual(['2026-11-30-dinner', '2026-12-01-dinner', '2026-12-02-dinner']);
    expect(list.items.filter((i) => i.ndb === NDB.oliveOil)).toHaveLength(1);
  });

  it('counts leftovers in the cooking meal only', () => {
    // the hash feeds 3 (one portion eaten on Tuesday as leftovers): a whole recipe of 4, 520 g
    const list = buildShoppingList(makeInput());
    const potato = item(list, NDB.sweetPotato);
    expect(potato.grams).toBeCloseTo(520, 9);
    expect(potato.meals).toEqual(['2026-11-30-dinner']);
  });

  it('shows what to buy with the exact need, in metric and US units', () => {
    const metric = item(buildShoppingList(makeInput()), NDB.sweetPotato);
    const us = item(buildShoppingList(makeInput({ units: 'us' })), NDB.sweetPotato);
    // 520 g / 130 g per 5" sweet potato = 4; 520 g = 1.146 lb
    expect(metric).toMatchObject({ display: '4 sweet potatoes', exact: 'about 520 g' });
    expect(us).toMatchObject({ display: '4 sweet potatoes', exact: 'about 1.15 lb' });
    const chickenMetric = item(buildShoppingList(makeInput()), NDB.chickenThigh);
    const chickenUs = item(buildShoppingList(makeInput({ units: 'us' })), NDB.chickenThigh);
    // 600 g: 600 is a 50 g step; 600 g = 1.32 lb → 1 1/2 lb
    expect(chickenMetric.display).toBe('600 g chicken thigh');
    expect(chickenUs.display).toBe('1 1/2 lb chicken thigh');
  });

  it('groups by aisle in the default order, pantry staples last under their own section', () => {
    const list = buildShoppingList(makeInput());
    expect(list.aisles.map((s) => s.id)).toEqual([
      'produce',
      'meat-poultry',
      'fish-seafood',
      IN_PANTRY_SECTION.id,
    ]);
    const pantry = list.aisles.at(-1)!;
    expect(pantry.name).toBe('You likely have');
    expect(new Set(pantry.items)).toEqual(
      new Set([NDB.oliveOil, NDB.salt, NDB.blackPepper, NDB.cinnamon]),
    );
    expect(list.items.map((i) => i.ndb)).toEqual(list.aisles.flatMap((s) => s.items));
  });

  it('keeps fresh rosemary on the list while dried spices are assumed at home', () => {
    const list = buildShoppingList(makeInput());
    expect(item(list, NDB.rosemaryFresh)).toMatchObject({ aisle: 'produce', inPantry: false });
    expect(item(list, NDB.cinnamon)).toMatchObject({ aisle: 'spices-herbs', inPantry: true });
  });

  it('follows a custom aisle order, ignoring unknown ids', () => {
    const list = buildShoppingList(
      makeInput({ aisleOrder: ['fish-seafood', 'nowhere', 'produce'] }),
    );
    expect(list.aisles.map((s) => s.id)).toEqual([
      'fish-seafood',
      'produce',
      'meat-poultry',
      IN_PANTRY_SECTION.id,
    ]);
  });

  it('lets an explicit pantry choice beat the defaults both ways', () => {
    const explicit = new Map([
      [NDB.oliveOil, false],
      [NDB.sweetPotato, true],
    ]);
    const list = buildShoppingList(
      makeInput({ pantry: { defaults: makeInput().pantry.defaults, explicit } }),
    );
    expect(item(list, NDB.oliveOil)).toMatchObject({ inPantry: false, aisle: 'pantry' });
    expect(item(list, NDB.sweetPotato).inPantry).toBe(true);
    expect(list.aisles.find((s) => s.id === 'pantry')?.items).toEqual([NDB.oliveOil]);
  });

  it('counts totals: to buy excludes checked and pantry lines', () => {
    const base = buildShoppingList(makeInput());
    const potato = item(base, NDB.sweetPotato);
    const checked = new Map([
      [NDB.sweetPotato, { checked: true, gramsAtCheck: potato.grams }],
      [NDB.salt, { checked: true, gramsAtCheck: item(base, NDB.salt).grams }],
    ]);
    const list = buildShoppingList(makeInput({ checked }));
    expect(list.totals).toEqual({
      items: base.items.length,
      checked: 2,
      inPantry: 4,
      toBuy: base.items.length - 4 - 1,
    });
  });

  it('returns an empty list for an empty week', () => {
    const list = buildShoppingList(makeInput({ plan: makePlan([]) }));
    expect(list).toEqual({
      planId: 'plan-1',
      items: [],
      aisles: [],
      totals: { items: 0, toBuy: 0, inPantry: 0, checked: 0 },
    });
  });

  it('throws on a recipe or food the caller did not load', () => {
    const plan = makePlan([makeMeal('2026-11-30', 'dinner', 'no-such-recipe')]);
    expect(() => buildShoppingList(makeInput({ plan }))).toThrow(/no-such-recipe/);
    expect(() => buildShoppingList(makeInput({ foods: new Map() }))).toThrow(/not loaded/);
  });
});
