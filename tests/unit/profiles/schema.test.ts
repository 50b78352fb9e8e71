import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import {
  profileCreateSchema,
  profilePatchSchema,
  storedProfileSchema,
} from '@/lib/profiles/schema';

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
      phaseStartedOn: null,
      allergens: [],
      avoid: [],
      diet: 'omnivore',
      dislikes: [],
      dislikedConcepts: [],
      energyKcal: null,
      body: null,
      proteinG: null,
      fiberG: null,
      slots: ['breakfast', 'lunch', 'dinner', 'snack'],
      maxMinutes: { weekday: 45, weekend: 90 },
      cooking: {
        weekday: { sessions: 2, activeMinutes: 60 },
        weekend: { sessions: 3, activeMinutes: 120 },
      },
      maxProteinMeals: 3,
      leftovers: true,
      energySplit: {},
      carbsPerMealG: null,
      mealTimes: { breakfast: '08:00', lunch: '12:30', dinner: '19:00', snack: '16:00' },
      clinicianSupervised: false,
      nutrientTargets: {},
      personal: { allowed: [], excluded: [] },
    });
  });

  it('fills the missing half of maxMinutes and mealTimes', () => {
    const p = profileCreateSchema.parse({
      name: 'Ana',
      maxMinutes: { weekday: 30 },
      mealTimes: { dinner: '18:15' },
    });
    expect(p.maxMinutes).toEqual({ weekday: 30, weekend: 90 });
    expect(p.cooking).toEqual({
      weekday: { sessions: 2, activeMinutes: 60 },
      weekend: { sessions: 3, activeMinutes: 120 },
    });
    expect(
      profileCreateSchema.parse({ name: 'Ana', cooking: { weekend: { sessions: 1 } } }).cooking,
    ).toEqual({
      weekday: { sessions: 2, activeMinutes: 60 },
      weekend: { sessions: 1, activeMinutes: 120 },
    });
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
      phaseStartedOn: '2026-11-02',
      allergens: ['fish', 'sesame'],
      avoid: ['nightshade'],
      diet: 'pescatarian',
      dislikes: ['11052'],
      dislikedConcepts: ['salmon', 'mushrooms'],
      energyKcal: 2200,
      body: { ...body, pregnant: false, lactating: true },
      proteinG: 90,
      fiberG: 30,
      slots: ['lunch', 'dinner'],
      maxMinutes: { weekday: 20, weekend: 120 },
      cooking: {
        weekday: { sessions: 1, activeMinutes: 30 },
        weekend: { sessions: 4, activeMinutes: 240 },
      },
      maxProteinMeals: 5,
      leftovers: true,
      energySplit: { lunch: 45, dinner: 55 },
      carbsPerMealG: { target: 45, tolerance: 5 },
      mealTimes: { breakfast: '07:00', lunch: '12:00', dinner: '18:30', snack: '15:30' },
      clinicianSupervised: true,
      nutrientTargets: { calciumMg: 1200, sodiumMaxMg: 1500 },
      personal: {
        allowed: [
          {
            kind: 'group',
            code: 'fodmap-lactose',
            maxDoseG: 240,
            source: { challengeId: 'lactose', from: '2026-11-20', to: '2026-11-25' },
          },
        ],
        excluded: [{ kind: 'concept', code: 'garlic', maxDoseG: null, source: null }],
      },
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
  // Energy below 1,200 kcal and ages under 18 need clinicianSupervised (safety gates, below).
  const cases: [string, (v: number) => object, number, number, number, number][] = [
    ['householdSize', (v) => ({ householdSize: v }), 1, 12, 0, 13],
    ['energyKcal', (v) => ({ energyKcal: v, clinicianSupervised: true }), 1000, 5000, 999, 5001],
    [
      'body.ageYears',
      (v) => ({ body: { ...body, ageYears: v }, clinicianSupervised: true }),
      14,
      120,
      13,
      121,
    ],
    ['body.heightCm', (v) => ({ body: { ...body, heightCm: v } }), 100, 250, 99.5, 250.5],
    ['body.weightKg', (v) => ({ body: { ...body, weightKg: v } }), 30, 300, 29.9, 300.1],
    ['proteinG', (v) => ({ proteinG: v }), 20, 300, 19, 301],
    ['fiberG', (v) => ({ fiberG: v }), 5, 100, 4, 101],
    ['maxMinutes.weekday', (v) => ({ maxMinutes: { weekday: v } }), 5, 300, 4, 301],
    ['maxMinutes.weekend', (v) => ({ maxMinutes: { weekend: v } }), 5, 300, 4, 301],
    ['maxProteinMeals', (v) => ({ maxProteinMeals: v }), 1, 14, 0, 15],
    ['cooking.weekday.sessions', (v) => ({ cooking: { weekday: { sessions: v } } }), 1, 4, 0, 5],
    ['cooking.weekend.sessions', (v) => ({ cooking: { weekend: { sessions: v } } }), 1, 4, 0, 5],
    [
      'cooking.weekday.activeMinutes',
      (v) => ({ cooking: { weekday: { activeMinutes: v } } }),
      10,
      480,
      9,
      481,
    ],
    [
      'cooking.weekend.activeMinutes',
      (v) => ({ cooking: { weekend: { activeMinutes: v } } }),
      10,
      480,
      9,
      481,
    ],
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
    ['cooking.weekday.sessions', { cooking: { weekday: { sessions: 1.5 } } }],
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
    [
      { dislikedConcepts: ['Salmon'] },
      'dislikedConcepts.0: a disliked concept is a food concept id such as "salmon"',
    ],
    [
      { dislikedConcepts: ['salmon', 'salmon'] },
      'dislikedConcepts: dislikedConcepts lists a concept twice',
    ],
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
    [{ cooking: { monday: { sessions: 1 } } }, 'cooking'],
    [{ cooking: { weekday: { hours: 1 } } }, 'cooking.weekday'],
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
    expect(profilePatchSchema.parse({ cooking: { weekday: { sessions: 3 } } })).toEqual({
      cooking: { weekday: { sessions: 3 } },
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

describe('pregnancy, lactation and clinician fields', () => {
  it('defaults body.pregnant and body.lactating to false', () => {
    expect(profileCreateSchema.parse({ name: 'A', body }).body).toEqual({
      ...body,
      pregnant: false,
      lactating: false,
    });
  });

  it.each([
    [{ body: { ...body, pregnant: 'yes' } }, 'body.pregnant: body.pregnant must be true or false'],
    [{ clinicianSupervised: 1 }, 'clinicianSupervised: clinicianSupervised must be true or false'],
    [
      { body: { ...body, sex: 'male', pregnant: true } },
      'body.pregnant: pregnant applies to body.sex "female" only',
    ],
    [
      { body: { ...body, sex: 'male', lactating: true } },
      'body.lactating: lactating applies to body.sex "female" only',
    ],
  ])('%o → %s', (over, message) => {
    expect(issues({ name: 'A', ...over })).toEqual([message]);
  });

  it('refuses pregnant over 50, not lactating over 50', () => {
    const found = issues({
      name: 'A',
      body: { ...body, ageYears: 51, pregnant: true },
      clinicianSupervised: true,
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^body\.pregnant: pregnancy values exist for ages 14–50 only/);
    expect(
      issues({
        name: 'A',
        body: { ...body, ageYears: 51, lactating: true },
        clinicianSupervised: true,
      }),
    ).toEqual([]);
  });

  it.each([
    ['pregnant', /^clinicianSupervised: During pregnancy, .*clinicianSupervised: true/],
    ['lactating', /^clinicianSupervised: While breastfeeding, .*clinicianSupervised: true/],
  ] as const)('%s needs a clinician involved (DOMAIN §9.1)', (flag, message) => {
    const found = issues({ name: 'A', body: { ...body, [flag]: true } });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
    expect(
      issues({ name: 'A', body: { ...body, [flag]: true }, clinicianSupervised: true }),
    ).toEqual([]);
  });
});

describe('nutrientTargets (clinician overrides)', () => {
  it('keeps the overrides given', () => {
    const nutrientTargets = { calciumMg: 1200, ironMg: 27, sodiumMaxMg: 1500, proteinMaxPct: 25 };
    expect(profileCreateSchema.parse({ name: 'A', nutrientTargets }).nutrientTargets).toEqual(
      nutrientTargets,
    );
  });

  it.each([
    ['calciumMg', 500, 2500, 'mg'],
    ['ironMg', 5, 45, 'mg'],
    ['vitaminARaeUg', 300, 3000, 'µg RAE'],
    ['sodiumMaxMg', 500, 6000, 'mg'],
    ['retinolMaxUg', 300, 3000, 'µg'],
    ['saturatedFatMaxPct', 5, 20, '% of energy'],
  ] as const)('%s between %d and %d %s, naming the field', (key, lo, hi, unit) => {
    expect(issues({ name: 'A', nutrientTargets: { [key]: lo } })).toEqual([]);
    expect(issues({ name: 'A', nutrientTargets: { [key]: hi } })).toEqual([]);
    for (const bad of [lo - 1, hi + 1]) {
      expect(issues({ name: 'A', nutrientTargets: { [key]: bad } })).toEqual([
        `nutrientTargets.${key}: nutrientTargets.${key} must be between ${lo} and ${hi} ${unit}`,
      ]);
    }
  });

  it('refuses an unknown nutrient key and a non-number', () => {
    expect(issues({ name: 'A', nutrientTargets: { vitaminDUg: 15 } })[0]).toMatch(
      /^nutrientTargets: Unrecognized key/,
    );
    expect(issues({ name: 'A', nutrientTargets: { calciumMg: '1200' } })).toEqual([
      'nutrientTargets.calciumMg: nutrientTargets.calciumMg must be a number',
    ]);
  });
});

describe('safety gates (DOMAIN §9)', () => {
  const man = { ...body, sex: 'male', ageYears: 30, heightCm: 180, weightKg: 80 };

  it.each([
    // no body data: the women's floor (1,200 kcal)
    ['typed 1,100 kcal, no body', { energyKcal: 1100 }, /below 1,200 kcal, the lowest/],
    ['typed 1,150 kcal, woman', { energyKcal: 1150, body }, /below 1,200 kcal.*for women/],
    ['typed 1,400 kcal, man', { energyKcal: 1400, body: man }, /below 1,500 kcal.*for men/],
    // man 30 y, 180 cm, 80 kg: REE 10·80 + 6.25·180 − 5·30 + 5 = 1,780 kcal
    [
      'typed 1,700 kcal, below REE 1,780',
      { energyKcal: 1700, body: man },
      /resting energy \(about 1,780 kcal/,
    ],
  ])('refuses %s, naming energyKcal and the clinician route', (_l, over, message) => {
    const found = issues({ name: 'A', ...over });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^energyKcal: /);
    expect(found[0]).toMatch(message);
    expect(found[0]).toMatch(/clinician or dietitian.*clinicianSupervised: true/);
  });

  it('allows the same targets with clinicianSupervised', () => {
    for (const over of [
      { energyKcal: 1100 },
      { energyKcal: 1000, body },
      { energyKcal: 1400, body: man },
      { energyKcal: 1700, body: man },
    ]) {
      expect(issues({ name: 'A', ...over, clinicianSupervised: true })).toEqual([]);
    }
  });

  it('allows a typed target at the floor and above resting energy', () => {
    // woman 35 y, 168 cm, 62 kg: REE 620 + 1050 − 175 − 161 = 1,334 kcal
    expect(issues({ name: 'A', energyKcal: 1340, body })).toEqual([]);
    expect(issues({ name: 'A', energyKcal: 1330, body })[0]).toMatch(/resting energy/);
    expect(issues({ name: 'A', energyKcal: 1200 })).toEqual([]);
    expect(issues({ name: 'A', energyKcal: 1800, body: man })).toEqual([]);
  });

  it('needs clinicianSupervised under 18', () => {
    const teen = { ...body, ageYears: 16 };
    const found = issues({ name: 'A', body: teen });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^clinicianSupervised: under 18,.*clinician or dietitian/);
    expect(issues({ name: 'A', body: teen, clinicianSupervised: true })).toEqual([]);
    expect(issues({ name: 'A', body: { ...body, ageYears: 18 } })).toEqual([]);
  });

  it('refuses under 14 with a clear message, supervised or not', () => {
    expect(
      issues({ name: 'A', body: { ...body, ageYears: 12 }, clinicianSupervised: true }),
    ).toEqual([
      'body.ageYears: body.ageYears must be between 14 and 120 years: Villi does not plan for children under 14 (their pediatric care team does)',
    ]);
  });

  it('applies to PATCH through the merged profile only (the patch schema checks fields)', () => {
    expect(issues({ energyKcal: 1000 }, profilePatchSchema)).toEqual([]);
    expect(issues({ nutrientTargets: { ironMg: 100 } }, profilePatchSchema)).toEqual([
      'nutrientTargets.ironMg: nutrientTargets.ironMg must be between 5 and 45 mg',
    ]);
  });
});

describe('phaseStartedOn', () => {
  it('takes a real calendar date and null, and refuses anything else naming the field', () => {
    expect(
      profileCreateSchema.parse({ name: 'A', phaseStartedOn: '2026-02-28' }).phaseStartedOn,
    ).toBe('2026-02-28');
    expect(profilePatchSchema.parse({ phaseStartedOn: null })).toEqual({ phaseStartedOn: null });
    expect(issues({ name: 'A', phaseStartedOn: '2026-02-30' })).toEqual([
      'phaseStartedOn: phaseStartedOn is not a real calendar date',
    ]);
    expect(issues({ name: 'A', phaseStartedOn: '1 March' })).toEqual([
      'phaseStartedOn: phaseStartedOn must be a date as YYYY-MM-DD',
    ]);
  });
});

describe('storedProfileSchema (a stored body read back)', () => {
  it('gives an old body the fields added since at their defaults and drops keys no longer known', () => {
    const old = { name: 'Ana', householdSize: 3, body, retiredField: true };
    expect(storedProfileSchema.parse(old)).toEqual({
      ...profileCreateSchema.parse({ name: 'Ana', householdSize: 3 }),
      body: { ...body, pregnant: false, lactating: false },
    });
  });

  it('reads a body written before a safety gate that would now refuse it', () => {
    // 1000 kcal is under the floor today; the row stays readable and a PATCH re-checks it
    const stored = { name: 'Ana', energyKcal: 1000, body };
    expect(issues(stored)).toEqual([
      expect.stringMatching(/^energyKcal: 1,?000 kcal a day is below/),
    ]);
    expect(storedProfileSchema.parse(stored).energyKcal).toBe(1000);
  });

  it('still refuses a body that is not a profile at all', () => {
    expect(issues({ name: 'Ana', householdSize: 'many' }, storedProfileSchema)).toEqual([
      'householdSize: householdSize must be a number',
    ]);
  });
});
