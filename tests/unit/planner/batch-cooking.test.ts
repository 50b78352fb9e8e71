import { describe, expect, it } from 'vitest';
import { batchText } from '@/lib/planner/batch-words';
import { batchPlaces, isFrozenPortion } from '@/lib/planner/batches';
import { generatePlan } from '@/lib/planner/generate-plan';
import { cellOf, getModel } from '@/lib/planner/model';
import { buildPlan, readPlan } from '@/lib/planner/plan-io';
import { createRng } from '@/lib/planner/rng';
import { PlanState } from '@/lib/planner/state';
import { applySwap } from '@/lib/planner/swap';
import type { PlannerInput, WeekPlan } from '@/lib/planner/types';
import { allMeals, hardRuleProblems, MONDAY, makeInput, makeProfile, makeRecipe } from './fixtures';

const stew = makeRecipe({ slug: 'stew', leftoverDays: 3, foods: ['chicken', 'lentils', 'kale'] });
const chili = makeRecipe({ slug: 'chili', leftoverDays: 2, foods: ['beef', 'tomato', 'onion'] });
const soup = makeRecipe({ slug: 'soup', leftoverDays: 1, foods: ['cod', 'carrot', 'onion'] });
const curry = makeRecipe({
  slug: 'curry',
  leftoverDays: 1,
  freezes: true,
  foods: ['chicken', 'rice', 'carrot'],
});
const fresh = Array.from({ length: 12 }, (_, i) =>
  makeRecipe({ slug: `fresh-${i}`, leftoverDays: 0, foods: ['cod', 'potato', 'spinach'] }),
);
const input: PlannerInput = makeInput({
  recipes: [stew, chili, soup, curry, ...fresh],
  profile: makeProfile({ householdSize: 2, slots: ['lunch', 'dinner'], leftovers: true }),
});
const m = getModel(input);
const LUNCH = 0;
const DINNER = 1;
const r = (slug: string): number => m.bySlug.get(slug)!;

/**
 * A hand-made week: Monday's dinner cooks the stew for itself and Tuesday's and Wednesday's
 * lunches; every other meal is a different fresh recipe.
 */
function handMadeWeek(): PlanState {
  const st = new PlanState(m);
  const monDinner = cellOf(m, 0, DINNER);
  st.place(monDinner, r('stew'), m.unitPortion);
  st.place(cellOf(m, 1, LUNCH), r('stew'), m.unitPortion, monDinner);
  st.place(cellOf(m, 2, LUNCH), r('stew'), m.unitPortion, monDinner);
  let next = 0;
  for (let c = 0; c < m.nCells; c++) {
    if (st.recipe[c] === -1) st.place(c, r(`fresh-${next++}`), m.unitPortion);
  }
  return st;
}

const meal = (plan: WeekPlan, id: string) => allMeals(plan).find((x) => x.id === id)!;

describe('batch cooking: one cooking feeds up to three meals', () => {
  const st = handMadeWeek();
  const { plan } = buildPlan(st, new Uint8Array(m.nCells));

  it('a dinner feeding two later lunches cooks for all three and keeps every rule', () => {
    expect(hardRuleProblems(input, plan)).toEqual([]);
    expect(meal(plan, `${MONDAY}-dinner`)).toMatchObject({ servings: 6, leftoverOf: null });
    expect(meal(plan, '2026-12-01-lunch')).toMatchObject({
      recipeSlug: 'stew',
      servings: 2,
      leftoverOf: `${MONDAY}-dinner`,
    });
    expect(meal(plan, '2026-12-02-lunch').leftoverOf).toBe(`${MONDAY}-dinner`);
    // the stew is cooked once: one session on Monday, none on the leftover days
    expect(st.uses[r('stew')]).toBe(1);
    expect(st.fedCells(cellOf(m, 0, DINNER))).toEqual([cellOf(m, 1, LUNCH), cellOf(m, 2, LUNCH)]);
  });

  it('reads back into the same batch', () => {
    const cells = readPlan(m, plan);
    expect(cells.source[cellOf(m, 1, LUNCH)]).toBe(cellOf(m, 0, DINNER));
    expect(cells.source[cellOf(m, 2, LUNCH)]).toBe(cellOf(m, 0, DINNER));
    expect(cells.portion[cellOf(m, 0, DINNER)]).toBe(m.unitPortion);
  });

  it('numbers the batch\'s meals: "cooked Monday, 2 of 3 meals"', () => {
    const places = batchPlaces(allMeals(plan));
    expect(places.get(`${MONDAY}-dinner`)).toEqual({ cookedOn: MONDAY, portion: 1, of: 3 });
    expect(places.get('2026-12-01-lunch')).toEqual({ cookedOn: MONDAY, portion: 2, of: 3 });
    expect(places.get('2026-12-02-lunch')).toEqual({ cookedOn: MONDAY, portion: 3, of: 3 });
    expect(places.has(`${MONDAY}-lunch`)).toBe(false);
    expect(batchText(places.get('2026-12-01-lunch')!)).toBe('cooked Monday, 2 of 3 meals');
  });

  it('says when a portion comes from the freezer: eaten after the fridge days', () => {
    const place = { cookedOn: MONDAY, portion: 3, of: 3 };
    expect(isFrozenPortion(place, '2026-12-05', 1)).toBe(true);
    expect(isFrozenPortion(place, '2026-12-01', 1)).toBe(false);
    expect(isFrozenPortion({ ...place, portion: 1 }, MONDAY, 0)).toBe(false);
    expect(batchText({ ...place, frozen: true })).toBe(
      'cooked Monday, 3 of 3 meals, from the freezer',
    );
  });

  it('allows no fourth meal, no meal past the fridge days, and frozen portions of a freezing dish', () => {
    const monDinner = cellOf(m, 0, DINNER);
    expect(st.canFeed(monDinner, r('stew'), cellOf(m, 3, LUNCH))).toBe(false);
    const probe = new PlanState(m);
    probe.restore(st.snapshot());
    probe.clear(cellOf(m, 2, LUNCH));
    // Thursday is three days on: the stew keeps three; Friday is past them
    expect(probe.canFeed(monDinner, r('stew'), cellOf(m, 3, LUNCH))).toBe(true);
    expect(probe.canFeed(monDinner, r('stew'), cellOf(m, 4, LUNCH))).toBe(false);
    // the curry keeps one day in the fridge but freezes: Saturday's dinner eats a frozen portion
    probe.place(cellOf(m, 0, LUNCH), r('curry'), m.unitPortion);
    expect(probe.canFeed(cellOf(m, 0, LUNCH), r('curry'), cellOf(m, 5, DINNER))).toBe(true);
  });

  it('the independent checker flags a leftover past its days and a fourth meal', () => {
    const late = structuredClone(plan);
    const friday = late.days[4]!.meals.find((x) => x.slot === 'lunch')!;
    Object.assign(friday, { recipeSlug: 'stew', leftoverOf: `${MONDAY}-dinner` });
    const problems = hardRuleProblems(input, late);
    expect(problems).toContain('2026-12-04-lunch: stew keeps 3 days, eaten after 4');
    expect(problems).toContain(`${MONDAY}-dinner feeds 3 leftover meals`);
  });

  it('a swap of the cooking meal keeps the leftovers the new dish keeps until, and cooks the others fresh', () => {
    // the soup keeps one day: Tuesday's lunch stays a leftover of it, Wednesday's is cooked again
    const result = applySwap(input, plan, `${MONDAY}-dinner`, 'soup');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(hardRuleProblems(input, result.plan)).toEqual([]);
    expect(meal(result.plan, '2026-12-01-lunch')).toMatchObject({
      recipeSlug: 'soup',
      leftoverOf: `${MONDAY}-dinner`,
    });
    expect(meal(result.plan, '2026-12-02-lunch')).toMatchObject({ leftoverOf: null });
    expect(meal(result.plan, '2026-12-02-lunch').recipeSlug).not.toBe('soup');
    // the curry keeps one day but freezes: both leftover meals follow it
    const frozen = applySwap(input, plan, `${MONDAY}-dinner`, 'curry');
    expect(frozen.ok).toBe(true);
    if (!frozen.ok) return;
    expect(meal(frozen.plan, '2026-12-02-lunch')).toMatchObject({
      recipeSlug: 'curry',
      leftoverOf: `${MONDAY}-dinner`,
    });
  });

  it('plans a week only three-meal batches can fill', () => {
    // 14 meals from 10 recipes cooked once each: four leftover meals from two keeping dishes
    const narrow = makeInput({
      recipes: [stew, chili, ...fresh.slice(0, 8)],
      profile: makeProfile({ householdSize: 2, slots: ['lunch', 'dinner'], leftovers: true }),
    });
    const result = generatePlan(narrow, createRng(5));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(hardRuleProblems(narrow, result.plan)).toEqual([]);
    const leftovers = allMeals(result.plan).filter((x) => x.leftoverOf !== null);
    expect(leftovers).toHaveLength(4);
    const sources = new Set(leftovers.map((x) => x.leftoverOf));
    expect(sources.size).toBe(2);
  });
});
