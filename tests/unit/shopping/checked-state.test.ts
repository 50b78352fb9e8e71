import { describe, expect, it } from 'vitest';
import { buildShoppingList } from '@/lib/shopping/build-list';
import { diffShoppingLists } from '@/lib/shopping/diff';
import type { CheckedState, Plan, ShoppingList } from '@/lib/shopping/types';
import { makeInput, NDB, sampleWeek } from './fixtures';

function checkAll(list: ShoppingList): CheckedState {
  return new Map(list.items.map((i) => [i.ndb, { checked: true, gramsAtCheck: i.grams }]));
}

/** Tuesday's chicken traybake swapped for beef and broccoli (4 servings). */
function swapTuesdayDinner(plan: Plan): Plan {
  return {
    ...plan,
    days: plan.days.map((d) => ({
      ...d,
      meals: d.meals.map((m) =>
        m.id === '2026-12-01-dinner' ? { ...m, recipeSlug: 'beef-broccoli' } : m,
      ),
    })),
  };
}

describe('checked lines across a swap', () => {
  const before = buildShoppingList(makeInput());
  const checked = checkAll(before);
  const after = buildShoppingList(makeInput({ plan: swapTuesdayDinner(sampleWeek()), checked }));
  const line = (ndb: string) => after.items.find((i) => i.ndb === ndb)!;

  it('keeps a line checked when its grams did not change', () => {
    expect(line(NDB.sweetPotato)).toMatchObject({ checked: true, changed: false });
    expect(line(NDB.salmon)).toMatchObject({ checked: true, changed: false });
  });

  it('unchecks and marks a line whose grams the swap changed', () => {
    // olive oil lost the traybake's 27 g; garlic gained the stir-fry's 6 g
    expect(line(NDB.oliveOil)).toMatchObject({ checked: false, changed: true });
    expect(line(NDB.garlic)).toMatchObject({ checked: false, changed: true });
  });

  it('leaves new lines unchecked and unmarked', () => {
    expect(line(NDB.groundBeef)).toMatchObject({ checked: false, changed: false });
  });

  it('reports added, removed and changed foods', () => {
    const diff = diffShoppingLists(before, after);
    expect(new Set(diff.added)).toEqual(new Set([NDB.groundBeef, NDB.broccoli, NDB.sesameOil]));
    expect(new Set(diff.removed)).toEqual(
      new Set([NDB.chickenThigh, NDB.carrots, NDB.onions, NDB.blackPepper, NDB.rosemaryFresh]),
    );
    expect(new Set(diff.changed)).toEqual(new Set([NDB.oliveOil, NDB.garlic]));
  });

  it('counts only the still-checked lines in the totals', () => {
    const stillChecked = after.items.filter((i) => i.checked).map((i) => i.ndb);
    expect(after.totals.checked).toBe(stillChecked.length);
    expect(stillChecked).not.toContain(NDB.oliveOil);
  });
});

describe('checked state edge cases', () => {
  const list = buildShoppingList(makeInput());
  const potato = list.items.find((i) => i.ndb === NDB.sweetPotato)!;

  it('ignores float noise in the stored grams', () => {
    const checked = new Map([
      [NDB.sweetPotato, { checked: true, gramsAtCheck: potato.grams + 1e-9 }],
    ]);
    const rebuilt = buildShoppingList(makeInput({ checked }));
    expect(rebuilt.items.find((i) => i.ndb === NDB.sweetPotato)).toMatchObject({
      checked: true,
      changed: false,
    });
  });

  it('does not mark an unchecked line as changed', () => {
    const checked = new Map([[NDB.sweetPotato, { checked: false, gramsAtCheck: 1 }]]);
    const rebuilt = buildShoppingList(makeInput({ checked }));
    expect(rebuilt.items.find((i) => i.ndb === NDB.sweetPotato)).toMatchObject({
      checked: false,
      changed: false,
    });
  });

  it('finds no differences between a list and its rebuild', () => {
    expect(diffShoppingLists(list, buildShoppingList(makeInput()))).toEqual({
      added: [],
      removed: [],
      changed: [],
    });
  });
});
