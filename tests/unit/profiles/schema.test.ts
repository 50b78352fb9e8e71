import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { profileCreateSchema, profilePatchSchema } from '@/lib/profiles/schema';

const body = { sex: 'female', ageYears: 35, heightCm: 168, weightKg: 62, activity: 'light' };

/** Issues as "path: message" lines, so a failing case shows what went wrong. */
const issues = (input: unknown, schema: ZodType = profileCreateSchema) => {
  const r = schema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('profileCreateSchema defaults', () => {
  it('fills every field but name', () => {
    expect(profileCreateSchema.parse({ name: 'Ana' })).toEqual({
      name: 'Ana',
      householdSize: 1,
      protocol: 'aip',
      phase: 'elimination',
      allergens: [],
      avoid: [],
      diet: 'omnivore',
      dislikes: [],
      energyKcal: null,
      body: null,
      proteinG: null,
      fiberG: null,
      slots: ['breakfast', 'lunch', 'dinner', 'snack'],
      maxMinutes: { weekday: 45, weekend: 90 },
      leftovers: false,
      carbsPerMealG: null,
      mealTimes: { breakfast: '08:00', lunch: '12:30', dinner: '19:00', snack: '16:00' },
    });
  });

  it('fills the missing half of maxMinutes and mealTimes', () => {
    const p = profileCreateSchema.parse({
      name: 'Ana',
      maxMinutes: { weekday: 30 },
      mealTimes: { dinner: '18:15' },
    });
    expect(p.maxMinutes).toEqual({ weekday: 30, weekend: 90 });
    expect(p.mealTimes).toEqual({
      breakfast: '08:00',
      lunch: '12:30',
      dinner: '18:15',
      snack: '16:00',
    });
  });

  it('keeps a full profile as given', () => {
    const full = {
      name: 'Ben',
      householdSize: 3,
      protocol: 'whole30',
      phase: 'reintroduction',
      allergens: ['fish', 'sesame'],
      avoid: ['nightshade'],
      diet: 'pescatarian',
      dislikes: ['11052'],
      energyKcal: 2200,
      body,
      proteinG: 90,
      fiberG: 30,
      slots: ['lunch', 'dinner'],
      maxMinutes: { weekday: 20, weekend: 120 },
      leftovers: true,
      carbsPerMealG: { target: 45, tolerance: 5 },
      mealTimes: { breakfast: '07:00', lunch: '12:00', dinner: '18:30', snack: '15:30' },
    };
    expect(profileCreateSchema.parse(full)).toEqual(full);
  });

  it('trims the name and requires it', () => {
    expect(profileCreateSchema.parse({ name: '  Ana ' }).name).toBe('Ana');
    expect(issues({ name: '   ' })).toEqual(['name: name is required']);
    expect(issues({})).toEqual(['name: name is required']);
  });
});

describe('profileCreateSchema bounds', () => {
  // [field, make(value) → partial profile, lowest ok, highest ok, too low, too high]
  const cases: [string, (v: number) => object, number, number, number, number][] = [
    ['householdSize', (v) => ({ householdSize: v }), 1, 12, 0, 13],
    ['energyKcal', (v) => ({ energyKcal: v }), 1000, 5000, 999, 5001],
    ['body.ageYears', (v) => ({ body: { ...body, ageYears: v } }), 14, 120, 13, 121],
    ['body.heightCm', (v) => ({ body: { ...body, heightCm: v } }), 100, 250, 99.5, 250.5],
    ['body.weightKg', (v) => ({ body: { ...body, weightKg: v } }), 30, 300, 29.9, 300.1],
    ['proteinG', (v) => ({ proteinG: v }), 20, 300, 19, 301],
    ['fiberG', (v) => ({ fiberG: v }), 5, 100, 4, 101],
    ['maxMinutes.weekday', (v) => ({ maxMinutes: { weekday: v } }), 5, 300, 4, 301],
    ['maxMinutes.weekend', (v) => ({ maxMinutes: { weekend: v } }), 5, 300, 4, 301],
    [
      'carbsPerMealG.target',
      (v) => ({ carbsPerMealG: { target: v, tolerance: 5 } }),
      5,
      200,
      4,
      201,
    ],
    [
      'carbsPerMealG.tolerance',
      (v) => ({ carbsPerMealG: { target: 45, tolerance: v } }),
      1,
      50,
      0.5,
      51,
    ],
  ];

  it.each(cases)('%s', (field, make, lo, hi, below, above) => {
    expect(issues({ name: 'A', ...make(lo) })).toEqual([]);
    expect(issues({ name: 'A', ...make(hi) })).toEqual([]);
    for (const bad of [below, above]) {
      const found = issues({ name: 'A', ...make(bad) });
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(new RegExp(`^${field}: ${field} must be between ${lo} and ${hi} `));
    }
  });

  it.each([
    ['householdSize', { householdSize: 2.5 }],
    ['energyKcal', { energyKcal: 1800.5 }],
    ['body.ageYears', { body: { ...body, ageYears: 35.5 } }],
    ['maxMinutes.weekday', { maxMinutes: { weekday: 30.5 } }],
  ])('%s must be a whole number', (field, over) => {
    expect(issues({ name: 'A', ...over })).toEqual([`${field}: ${field} must be a whole number`]);
  });
});

describe('profileCreateSchema codes and shapes', () => {
  it('names an unknown allergen or group code', () => {
    expect(issues({ name: 'A', allergens: ['fish', 'shrimp'] })).toEqual([
      'allergens.1: unknown allergen code "shrimp"',
    ]);
    expect(issues({ name: 'A', avoid: ['nightshades'] })).toEqual([
      'avoid.0: unknown group code "nightshades"',
    ]);
  });

  it('rejects a code listed twice', () => {
    expect(issues({ name: 'A', avoid: ['pork', 'pork'] })).toEqual([
      'avoid.1: duplicate group code "pork"',
    ]);
  });

  it.each([
    [{ slots: [] }, 'slots: choose at least one meal slot'],
    [{ slots: ['lunch', 'lunch'] }, 'slots: slots lists a meal twice'],
    [{ slots: ['brunch'] }, 'slots.0: a slot is one of: breakfast, lunch, dinner, snack'],
    [{ dislikes: ['1105'] }, 'dislikes.0: a disliked food is a 5-digit NDB number'],
    [{ dislikes: ['11052', '11052'] }, 'dislikes: dislikes lists a food twice'],
    [{ mealTimes: { lunch: '24:00' } }, 'mealTimes.lunch: lunch time must be HH:MM (24 h)'],
    [{ mealTimes: { lunch: '9:00' } }, 'mealTimes.lunch: lunch time must be HH:MM (24 h)'],
    [{ body: { ...body, sex: 'x' } }, 'body.sex: body.sex must be "female" or "male"'],
    [
      { body: { ...body, activity: 'lazy' } },
      'body.activity: body.activity must be one of: sedentary, light, moderate, active, very-active',
    ],
    [{ protocol: 'AIP' }, 'protocol: protocol is an id of lowercase letters, digits and dashes'],
    [{ leftovers: 'yes' }, 'leftovers: leftovers must be true or false'],
  ])('%o → %s', (over, message) => {
    expect(issues({ name: 'A', ...over })).toEqual([message]);
  });

  it('requires every body field', () => {
    expect(issues({ name: 'A', body: { sex: 'male' } })).toHaveLength(4);
  });

  it.each([
    [{ colour: 'blue' }, ''],
    [{ body: { ...body, bmi: 22 } }, 'body'],
    [{ maxMinutes: { monday: 20 } }, 'maxMinutes'],
    [{ carbsPerMealG: { target: 45, tolerance: 5, unit: 'g' } }, 'carbsPerMealG'],
    [{ mealTimes: { brunch: '11:00' } }, 'mealTimes'],
  ])('rejects unknown key %o', (over, path) => {
    const found = issues({ name: 'A', ...over });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^${path}: Unrecognized key`));
  });
});

describe('profilePatchSchema', () => {
  it('needs at least one field', () => {
    expect(issues({}, profilePatchSchema)).toEqual([': change at least one field']);
  });

  it('applies no defaults', () => {
    expect(profilePatchSchema.parse({ phase: 'reintroduction-1' })).toEqual({
      phase: 'reintroduction-1',
    });
    expect(profilePatchSchema.parse({ maxMinutes: { weekend: 60 } })).toEqual({
      maxMinutes: { weekend: 60 },
    });
  });

  it('clears optional targets with null', () => {
    expect(profilePatchSchema.parse({ energyKcal: null, carbsPerMealG: null })).toEqual({
      energyKcal: null,
      carbsPerMealG: null,
    });
  });

  it('checks the same bounds, codes and keys as create', () => {
    expect(issues({ householdSize: 20 }, profilePatchSchema)).toEqual([
      'householdSize: householdSize must be between 1 and 12 people',
    ]);
    expect(issues({ allergens: ['nuts'] }, profilePatchSchema)).toEqual([
      'allergens.0: unknown allergen code "nuts"',
    ]);
    expect(issues({ name: null }, profilePatchSchema)).toEqual(['name: name is required']);
    expect(issues({ colour: 'blue' }, profilePatchSchema)[0]).toMatch(/^: Unrecognized key/);
  });
});
