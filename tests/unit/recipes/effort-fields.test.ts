import { describe, expect, it } from 'vitest';
import { recipeSchema } from '@/lib/recipes/schema';

const base = {
  slug: 'quick-dish',
  name: 'Quick dish',
  description: 'A dish for the schema tests.',
  mealTypes: ['dinner'],
  servings: 2,
  prepMinutes: 10,
  cookMinutes: 15,
  cuisine: 'Test',
  leftoverDays: 1,
  freezes: false,
  ingredients: [{ ndb: '11124', grams: 100 }],
  steps: ['Cook it.'],
};

const issues = (input: unknown) => {
  const r = recipeSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('recipe effort fields', () => {
  it('accepts hands-on and unattended minutes that add up to the time to the table', () => {
    expect(issues({ ...base, activeMinutes: 15, passiveMinutes: 10 })).toEqual([]);
  });

  it('refuses an everyday split that does not add up, naming the field', () => {
    expect(issues({ ...base, activeMinutes: 15, passiveMinutes: 20 })).toEqual([
      'passiveMinutes: activeMinutes + passiveMinutes (35) must equal prepMinutes + cookMinutes (25)',
    ]);
  });

  it('lets a make-ahead recipe (six hours unattended or more) run for days', () => {
    expect(issues({ ...base, activeMinutes: 20, passiveMinutes: 7 * 24 * 60 })).toEqual([]);
  });

  it('wants both fields', () => {
    expect(issues({ ...base, activeMinutes: 15 })).toEqual([
      'passiveMinutes: Invalid input: expected number, received undefined',
    ]);
  });

  it('keeps assembly for recipes without cooking and with little hands-on work', () => {
    const cold = { ...base, prepMinutes: 5, cookMinutes: 0, activeMinutes: 5, passiveMinutes: 0 };
    expect(issues({ ...cold, assembly: true })).toEqual([]);
    expect(issues({ ...base, activeMinutes: 15, passiveMinutes: 10, assembly: true })).toEqual([
      'assembly: an assembly recipe has no cooking and at most 15 hands-on minutes',
    ]);
  });
});
