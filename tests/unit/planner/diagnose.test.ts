import { describe, expect, it } from 'vitest';
import { generatePlan } from '@/lib/planner/generate-plan';
import { createRng } from '@/lib/planner/rng';
import type { PlanResult } from '@/lib/planner/types';
import type { RestrictionRule } from '@/lib/restrictions/types';
import { type FoodKey, makeInput, makeProfile, makeRecipe, makeRestriction } from './fixtures';

function diagnosisOf(result: PlanResult) {
  if (result.ok) throw new Error('expected an infeasible answer');
  return result.diagnosis;
}

const fishAllergy: RestrictionRule = {
  kind: 'allergen',
  code: 'fish',
  origin: 'allergy',
  reason: 'your fish allergy',
};
const avoidLegume: RestrictionRule = {
  kind: 'group',
  code: 'legume',
  origin: 'avoid',
  reason: 'avoid',
};
const aipNightshade: RestrictionRule = {
  kind: 'group',
  code: 'nightshade',
  origin: 'protocol',
  reason: 'not in AIP · Elimination',
};

const dinners = (foods: FoodKey[], count: number, prefix: string) =>
  Array.from({ length: count }, (_, i) =>
    makeRecipe({ slug: `${prefix}-${i}`, mealTypes: ['dinner'], foods, leftoverDays: 0 }),
  );

describe('diagnosis of an impossible week', () => {
  it.each([
    {
      name: 'an allergy',
      rule: fishAllergy,
      label: 'your fish allergy',
      foods: ['salmon', 'rice', 'spinach'] satisfies FoodKey[],
    },
    {
      name: 'an avoided group',
      rule: avoidLegume,
      label: 'avoid: legume',
      foods: ['lentils', 'rice', 'spinach'] satisfies FoodKey[],
    },
    {
      name: 'a protocol rule',
      rule: aipNightshade,
      label: 'not in AIP · Elimination: nightshade',
      foods: ['chicken', 'potato', 'pepper'] satisfies FoodKey[],
    },
  ])('names $name as the rule blocking the dinner slot', ({ rule, label, foods }) => {
    const input = makeInput({
      recipes: [...dinners(foods, 6, 'blocked'), ...dinners(['chicken', 'rice', 'kale'], 2, 'ok')],
      profile: makeProfile({ slots: ['dinner'], leftovers: false }),
      restriction: makeRestriction({ rules: [rule] }),
    });
    const d = diagnosisOf(generatePlan(input, createRng(1)));
    expect(d.slots).toHaveLength(1);
    // seven dinners to cook, each recipe once a week
    expect(d.slots[0]).toMatchObject({ slot: 'dinner', available: 2, needed: 7 });
    expect(d.slots[0]!.blockers[0]).toEqual({ rule: label, recipesExcluded: 6 });
  });

  it('suggests removing an avoided group, but never an allergy', () => {
    const input = makeInput({
      recipes: [
        ...dinners(['lentils', 'rice', 'spinach'], 5, 'legume'),
        ...dinners(['salmon', 'rice', 'spinach'], 3, 'fish'),
        ...dinners(['chicken', 'rice', 'kale'], 2, 'ok'),
      ],
      profile: makeProfile({ slots: ['dinner'], leftovers: false }),
      restriction: makeRestriction({ rules: [fishAllergy, avoidLegume] }),
    });
    const d = diagnosisOf(generatePlan(input, createRng(1)));
    expect(d.suggestions).toContain("Remove 'avoid: legume'");
    expect(d.suggestions.join(' ')).not.toContain('fish');
  });

  it('names the weekday time limit and suggests the extra minutes that make a week possible', () => {
    const quick = Array.from({ length: 2 }, (_, i) =>
      makeRecipe({ slug: `quick-${i}`, mealTypes: ['breakfast'], prepMinutes: 5, cookMinutes: 5 }),
    );
    const slow = Array.from({ length: 5 }, (_, i) =>
      makeRecipe({ slug: `slow-${i}`, mealTypes: ['breakfast'], prepMinutes: 10, cookMinutes: 25 }),
    );
    const input = makeInput({
      recipes: [...quick, ...slow],
      profile: makeProfile({ slots: ['breakfast'], maxMinutes: { weekday: 15, weekend: 60 } }),
    });
    const d = diagnosisOf(generatePlan(input, createRng(1)));
    expect(d.slots[0]!.blockers).toContainEqual({
      rule: 'weekday time limit 15 min',
      recipesExcluded: 5,
    });
    expect(d.suggestions).toContain('Allow 20 more minutes on weekdays');
  });

  it('suggests leftovers when lunches are short and dinners keep', () => {
    const input = makeInput({
      recipes: [
        makeRecipe({ slug: 'lunch-only', mealTypes: ['lunch'], leftoverDays: 0 }),
        ...Array.from({ length: 7 }, (_, i) =>
          makeRecipe({ slug: `stew-${i}`, mealTypes: ['dinner'], leftoverDays: 2 }),
        ),
      ],
      profile: makeProfile({ slots: ['lunch', 'dinner'], leftovers: false }),
    });
    const d = diagnosisOf(generatePlan(input, createRng(1)));
    expect(d.slots.map((s) => s.slot)).toEqual(['lunch']);
    expect(d.suggestions).toContain(
      'Turn on leftovers (a cooked lunch or dinner feeds up to two later meals)',
    );
    expect(d.suggestions).toContain('Plan without lunch');
  });

  it('plans the same profile once leftovers are on, using them for the lunches', () => {
    const input = makeInput({
      recipes: [
        makeRecipe({ slug: 'lunch-only', mealTypes: ['lunch'], leftoverDays: 0 }),
        ...Array.from({ length: 7 }, (_, i) =>
          makeRecipe({ slug: `stew-${i}`, mealTypes: ['dinner'], leftoverDays: 2 }),
        ),
      ],
      profile: makeProfile({ slots: ['lunch', 'dinner'], leftovers: true }),
    });
    const result = generatePlan(input, createRng(1));
    expect(result.ok).toBe(true);
  });

  it('names a kept meal that breaks the rules and suggests unlocking it', () => {
    const input = makeInput({ restriction: makeRestriction({ rules: [fishAllergy] }) });
    const fish = makeRecipe({ slug: 'kept-fish', name: 'Kept fish', foods: ['cod', 'rice'] });
    const withFish = { ...input, recipes: [...input.recipes, fish] };
    const result = generatePlan(withFish, createRng(1), {
      locked: [
        {
          id: '2026-12-01-dinner',
          date: '2026-12-01',
          slot: 'dinner',
          recipeSlug: 'kept-fish',
          servings: 2,
          locked: true,
          leftoverOf: null,
          explanation: { total: 0, parts: [] },
        },
      ],
    });
    const d = diagnosisOf(result);
    expect(d.slots[0]!.blockers[0]!.rule).toContain('Kept fish');
    expect(d.slots[0]!.blockers[0]!.rule).toContain('your fish allergy');
    expect(d.suggestions).toEqual(['Unlock Kept fish on 2026-12-01']);
  });

  it('names a kept dinner that cooks the dish of that day’s kept leftover lunch again', () => {
    const stew = makeRecipe({ slug: 'kept-stew', name: 'Kept stew', leftoverDays: 2 });
    const input = makeInput({ recipes: [...makeInput().recipes, stew] });
    const kept = (id: string, leftoverOf: string | null) => ({
      id,
      date: id.slice(0, 10),
      slot: id.endsWith('lunch') ? ('lunch' as const) : ('dinner' as const),
      recipeSlug: 'kept-stew',
      servings: 2,
      locked: true,
      leftoverOf,
      explanation: { total: 0, parts: [] },
    });
    const result = generatePlan(input, createRng(1), {
      locked: [
        kept('2026-11-30-dinner', null),
        kept('2026-12-01-lunch', '2026-11-30-dinner'),
        kept('2026-12-01-dinner', null),
      ],
    });
    // cooking it that day is a second cooking of the week: the kept dinner is the problem
    const d = diagnosisOf(result);
    const dinner = d.slots.find((x) => x.slot === 'dinner')!;
    expect(dinner.blockers[0]!.rule).toContain('Kept stew (2026-12-01-dinner)');
    expect(dinner.blockers[0]!.rule).toContain('cooked twice this week');
    expect(d.slots.find((x) => x.slot === 'lunch')).toBeUndefined();
    expect(d.suggestions).toEqual(['Unlock Kept stew on 2026-12-01']);
  });
});
