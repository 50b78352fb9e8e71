import { z } from 'zod';
import { ALLERGEN_CODES, GROUP_CODES, MEAL_TYPES } from '../foods/codes';
import { CONCEPT_ID } from '../foods/concepts';
import { NUTRIENT_OVERRIDE_KEYS, type NutrientOverrideKey } from '../nutrition/nutrient-model';
import { ACTIVITY_LEVELS, SEXES } from '../nutrition/targets';
import { personalListSchema } from '../reintroduction/types';
import { isoDate } from '../validation/plans';
import { isPlainName, plainNameMessage } from '../validation/text';
import { safetyIssues } from './safety';

/** Calendar-export times (24 h, local) used when the profile does not set its own. */
export const DEFAULT_MEAL_TIMES = {
  breakfast: '08:00',
  lunch: '12:30',
  dinner: '19:00',
  snack: '16:00',
} as const;

export const DEFAULT_MAX_MINUTES = { weekday: 45, weekend: 90 } as const;

/**
 * Leftovers on unless the person turns them off: with the default two cooking sessions on a
 * weekday and four meals, a dinner that also makes the next day's lunch is what lets the strict
 * protocols (AIP with a fish allergy, for one) plan a week at all.
 */
export const DEFAULT_LEFTOVERS = true;

/**
 * How many times a day the cook is willing to cook, and the hands-on minutes per day, on a
 * weekday and at the weekend (Saturday and Sunday): a hard rule of the planner
 * (lib/planner/cooking.ts). Leftovers and assembled (no-cook) recipes cost no session.
 */
export const DEFAULT_COOKING = {
  weekday: { sessions: 2, activeMinutes: 60 },
  weekend: { sessions: 3, activeMinutes: 120 },
} as const;

/** Meals a week one main protein (salmon, chicken, beans) may be served at, leftovers included. */
export const DEFAULT_MAX_PROTEIN_MEALS = 3;

const number = (field: string, min: number, max: number, unit: string) =>
  z
    .number({ error: `${field} must be a number` })
    .min(min, `${field} must be between ${min} and ${max} ${unit}`)
    .max(max, `${field} must be between ${min} and ${max} ${unit}`);
const whole = (field: string, min: number, max: number, unit: string) =>
  number(field, min, max, unit).int(`${field} must be a whole number`);

/** A list of enum codes: unknown codes and repeats are named in the message. */
function codeList<T extends string>(field: string, what: string, codes: readonly [T, ...T[]]) {
  const known = new Set<string>(codes);
  return z
    .array(z.string({ error: `${field} must be a list of ${what} codes` }), {
      error: `${field} must be a list`,
    })
    .superRefine((xs, ctx) => {
      const seen = new Set<string>();
      xs.forEach((x, i) => {
        if (!known.has(x)) {
          ctx.addIssue({ code: 'custom', path: [i], message: `unknown ${what} code "${x}"` });
        } else if (seen.has(x)) {
          ctx.addIssue({ code: 'custom', path: [i], message: `duplicate ${what} code "${x}"` });
        }
        seen.add(x);
      });
    })
    .transform((xs) => xs as T[]);
}

const id = (field: string) =>
  z
    .string({ error: `${field} must be a text id` })
    .regex(/^[a-z0-9-]+$/, `${field} is an id of lowercase letters, digits and dashes`);

const time = (meal: string) =>
  z
    .string({ error: `${meal} time must be text` })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${meal} time must be HH:MM (24 h)`);

/**
 * Clinician overrides: [min, max, unit]. Wide enough for clinical practice, narrow enough to
 * catch a slip (a unit mistake, a missing digit). Floors never exceed the UL where one applies
 * to food (calcium 2,500, iron 45, zinc 40, vitamin C 2,000 mg); the retinol cap can be lowered,
 * never raised past the adult UL of 3,000 µg; the sodium cap may go up to 6,000 mg because some
 * conditions are treated with extra salt, on a clinician's word.
 */
export const OVERRIDE_RANGES: Record<NutrientOverrideKey, [number, number, string]> = {
  calciumMg: [500, 2500, 'mg'],
  ironMg: [5, 45, 'mg'],
  magnesiumMg: [150, 1000, 'mg'],
  potassiumMg: [1000, 6000, 'mg'],
  zincMg: [3, 40, 'mg'],
  vitaminCMg: [30, 2000, 'mg'],
  folateDfeUg: [200, 1500, 'µg DFE'],
  vitaminB12Ug: [1, 100, 'µg'],
  vitaminARaeUg: [300, 3000, 'µg RAE'],
  sodiumMaxMg: [500, 6000, 'mg'],
  retinolMaxUg: [300, 3000, 'µg'],
  saturatedFatMaxPct: [5, 20, '% of energy'],
  proteinMaxPct: [10, 40, '% of energy'],
};

const nameText = z
  .string({ error: 'name is required' })
  .trim()
  .min(1, 'name is required')
  .max(80, 'name must be at most 80 characters');

const fields = {
  name: nameText.refine(isPlainName, plainNameMessage('name')),
  householdSize: whole('householdSize', 1, 12, 'people'),
  protocol: id('protocol'),
  phase: id('phase'),
  // when the current phase began (the journal's baseline and challenges count from it)
  phaseStartedOn: isoDate('phaseStartedOn'),
  allergens: codeList('allergens', 'allergen', ALLERGEN_CODES),
  avoid: codeList('avoid', 'group', GROUP_CODES),
  diet: id('diet'),
  dislikes: z
    .array(z.string().regex(/^\d{5}$/, 'a disliked food is a 5-digit NDB number'), {
      error: 'dislikes must be a list of NDB numbers',
    })
    .max(500, 'at most 500 disliked foods')
    .refine((xs) => new Set(xs).size === xs.length, 'dislikes lists a food twice'),
  // Ids of seeds/food-concepts.json ("salmon": every salmon food); checked against the list
  // where the restriction is built, as dislikes are against the foods.
  dislikedConcepts: z
    .array(
      z
        .string({ error: 'a disliked concept is a food concept id' })
        .regex(CONCEPT_ID, 'a disliked concept is a food concept id such as "salmon"'),
      { error: 'dislikedConcepts must be a list of food concept ids' },
    )
    .max(50, 'at most 50 disliked food concepts')
    .refine((xs) => new Set(xs).size === xs.length, 'dislikedConcepts lists a concept twice'),
  energyKcal: whole('energyKcal', 1000, 5000, 'kcal'),
  body: z.strictObject({
    sex: z.enum(SEXES, { error: 'body.sex must be "female" or "male"' }),
    // under 18 needs clinicianSupervised: a safety gate across fields (lib/profiles/safety.ts)
    ageYears: z
      .number({ error: 'body.ageYears must be a number' })
      .min(
        14,
        'body.ageYears must be between 14 and 120 years: Villi does not plan for children under 14 (their pediatric care team does)',
      )
      .max(120, 'body.ageYears must be between 14 and 120 years')
      .int('body.ageYears must be a whole number'),
    heightCm: number('body.heightCm', 100, 250, 'cm'),
    weightKg: number('body.weightKg', 30, 300, 'kg'),
    activity: z.enum(ACTIVITY_LEVELS, {
      error: `body.activity must be one of: ${ACTIVITY_LEVELS.join(', ')}`,
    }),
    pregnant: z.boolean({ error: 'body.pregnant must be true or false' }).default(false),
    lactating: z.boolean({ error: 'body.lactating must be true or false' }).default(false),
  }),
  clinicianSupervised: z.boolean({ error: 'clinicianSupervised must be true or false' }),
  nutrientTargets: z.strictObject(
    Object.fromEntries(
      NUTRIENT_OVERRIDE_KEYS.map((key) => {
        const [min, max, unit] = OVERRIDE_RANGES[key];
        return [key, number(`nutrientTargets.${key}`, min, max, unit).optional()];
      }),
    ) as Record<NutrientOverrideKey, z.ZodOptional<z.ZodNumber>>,
    {
      error: (issue) =>
        issue.code === 'invalid_type'
          ? 'nutrientTargets must be an object of nutrient values'
          : undefined,
    },
  ),
  proteinG: number('proteinG', 20, 300, 'g'),
  fiberG: number('fiberG', 5, 100, 'g'),
  slots: z
    .array(z.enum(MEAL_TYPES, { error: `a slot is one of: ${MEAL_TYPES.join(', ')}` }), {
      error: 'slots must be a list',
    })
    .min(1, 'choose at least one meal slot')
    .refine((xs) => new Set(xs).size === xs.length, 'slots lists a meal twice'),
  leftovers: z.boolean({ error: 'leftovers must be true or false' }),
  // a hard rule of the planner (lib/planner/variety.ts); 14 = two meals a day, no limit in effect
  maxProteinMeals: whole('maxProteinMeals', 1, 14, 'meals a week'),
  // Share of the day's energy per slot, percent; a slot left out keeps the planner's default
  // (breakfast 25, lunch 35, dinner 30, snack 10), and the shares are renormalised over the slots.
  energySplit: z
    .strictObject({
      breakfast: whole('energySplit.breakfast', 0, 100, '%'),
      lunch: whole('energySplit.lunch', 0, 100, '%'),
      dinner: whole('energySplit.dinner', 0, 100, '%'),
      snack: whole('energySplit.snack', 0, 100, '%'),
    })
    .partial(),
  carbsPerMealG: z.strictObject({
    target: number('carbsPerMealG.target', 5, 200, 'g'),
    tolerance: number('carbsPerMealG.tolerance', 1, 50, 'g'),
  }),
};

const weekdayMinutes = whole('maxMinutes.weekday', 5, 300, 'minutes');
const weekendMinutes = whole('maxMinutes.weekend', 5, 300, 'minutes');
const maxMinutesWithDefaults = z
  .strictObject({
    weekday: weekdayMinutes.default(DEFAULT_MAX_MINUTES.weekday),
    weekend: weekendMinutes.default(DEFAULT_MAX_MINUTES.weekend),
  })
  .default({ ...DEFAULT_MAX_MINUTES });
const maxMinutesPatch = z
  .strictObject({ weekday: weekdayMinutes, weekend: weekendMinutes })
  .partial();

const cookingDay = (kind: 'weekday' | 'weekend') => ({
  // at most one cooking per meal slot
  sessions: whole(`cooking.${kind}.sessions`, 1, 4, 'sessions'),
  activeMinutes: whole(`cooking.${kind}.activeMinutes`, 10, 480, 'minutes'),
});
const cookingDayWithDefaults = (kind: 'weekday' | 'weekend') => {
  const day = cookingDay(kind);
  return z
    .strictObject({
      sessions: day.sessions.default(DEFAULT_COOKING[kind].sessions),
      activeMinutes: day.activeMinutes.default(DEFAULT_COOKING[kind].activeMinutes),
    })
    .default({ ...DEFAULT_COOKING[kind] });
};
const cookingWithDefaults = z
  .strictObject({
    weekday: cookingDayWithDefaults('weekday'),
    weekend: cookingDayWithDefaults('weekend'),
  })
  .default({ weekday: { ...DEFAULT_COOKING.weekday }, weekend: { ...DEFAULT_COOKING.weekend } });
const cookingPatch = z
  .strictObject({
    weekday: z.strictObject(cookingDay('weekday')).partial(),
    weekend: z.strictObject(cookingDay('weekend')).partial(),
  })
  .partial();

const mealTimeShape = {
  breakfast: time('breakfast'),
  lunch: time('lunch'),
  dinner: time('dinner'),
  snack: time('snack'),
};
const mealTimesWithDefaults = z
  .strictObject({
    breakfast: mealTimeShape.breakfast.default(DEFAULT_MEAL_TIMES.breakfast),
    lunch: mealTimeShape.lunch.default(DEFAULT_MEAL_TIMES.lunch),
    dinner: mealTimeShape.dinner.default(DEFAULT_MEAL_TIMES.dinner),
    snack: mealTimeShape.snack.default(DEFAULT_MEAL_TIMES.snack),
  })
  .default({ ...DEFAULT_MEAL_TIMES });
const mealTimesPatch = z.strictObject(mealTimeShape).partial();

// Every body field with its default: what a profile is made of.
const profileShape = {
  name: fields.name,
  householdSize: fields.householdSize.default(1),
  protocol: fields.protocol.default('aip'),
  phase: fields.phase.default('elimination'),
  // null: the day it is saved (the use case fills it in), so a new profile starts today
  phaseStartedOn: fields.phaseStartedOn.nullable().default(null),
  allergens: fields.allergens.default([]),
  avoid: fields.avoid.default([]),
  diet: fields.diet.default('omnivore'),
  dislikes: fields.dislikes.default([]),
  dislikedConcepts: fields.dislikedConcepts.default([]),
  energyKcal: fields.energyKcal.nullable().default(null),
  body: fields.body.nullable().default(null),
  proteinG: fields.proteinG.nullable().default(null),
  fiberG: fields.fiberG.nullable().default(null),
  slots: fields.slots.default([...MEAL_TYPES]),
  maxMinutes: maxMinutesWithDefaults,
  cooking: cookingWithDefaults,
  maxProteinMeals: fields.maxProteinMeals.default(DEFAULT_MAX_PROTEIN_MEALS),
  leftovers: fields.leftovers.default(DEFAULT_LEFTOVERS),
  energySplit: fields.energySplit.default({}),
  carbsPerMealG: fields.carbsPerMealG.nullable().default(null),
  mealTimes: mealTimesWithDefaults,
  clinicianSupervised: fields.clinicianSupervised.default(false),
  nutrientTargets: fields.nutrientTargets.default({}),
  // what reintroduction (or the person, by hand) found: honored on top of the protocol phase
  personal: personalListSchema.default({ allowed: [], excluded: [] }),
};

/**
 * A stored profile body as read back: fields added since the row was written get today's
 * defaults and keys no longer known are dropped. The safety gates ran when it was written, so
 * a gate tightened later never makes an existing profile unreadable (a PATCH re-checks them).
 */
export const storedProfileSchema = z.object({ ...profileShape, name: nameText });

/**
 * Body of POST /profiles. Only `name` is required. Unset targets (energyKcal, body, proteinG,
 * fiberG, carbsPerMealG) come out as null; computeTargets fills energy, protein and fibre.
 * `nutrientTargets` holds clinician overrides only (NUTRIENT_OVERRIDE_KEYS); the profile read
 * back resolves them with the DRI defaults. The safety gates (energy floor, age, pregnancy) run
 * across fields after every field is valid. Protocol, phase and diet ids are checked against
 * the loaded protocols by buildRestriction.
 */
export const profileCreateSchema = z.strictObject(profileShape).superRefine(
  (p, ctx) => {
    for (const issue of safetyIssues(p)) ctx.addIssue({ code: 'custom', ...issue });
  },
  // across fields only once every field is valid, so one mistake gives one message
  { when: (payload) => payload.issues.length === 0 },
);

/**
 * Body of PATCH /profiles/:id: any subset of the create fields, no defaults, at least one
 * field. null clears an optional target; maxMinutes, cooking (and each of its days) and mealTimes
 * may be partial;
 * `nutrientTargets` replaces the whole set of overrides ({} clears them). The merged profile is
 * validated with the create schema, safety gates included.
 */
export const profilePatchSchema = z
  .strictObject({
    name: fields.name,
    householdSize: fields.householdSize,
    protocol: fields.protocol,
    phase: fields.phase,
    // null: today; left out while the protocol or phase changes: today as well
    phaseStartedOn: fields.phaseStartedOn.nullable(),
    allergens: fields.allergens,
    avoid: fields.avoid,
    diet: fields.diet,
    dislikes: fields.dislikes,
    dislikedConcepts: fields.dislikedConcepts,
    energyKcal: fields.energyKcal.nullable(),
    body: fields.body.nullable(),
    proteinG: fields.proteinG.nullable(),
    fiberG: fields.fiberG.nullable(),
    slots: fields.slots,
    maxMinutes: maxMinutesPatch,
    cooking: cookingPatch,
    maxProteinMeals: fields.maxProteinMeals,
    leftovers: fields.leftovers,
    energySplit: fields.energySplit,
    carbsPerMealG: fields.carbsPerMealG.nullable(),
    mealTimes: mealTimesPatch,
    clinicianSupervised: fields.clinicianSupervised,
    nutrientTargets: fields.nutrientTargets,
    personal: personalListSchema,
  })
  .partial()
  .refine((p) => Object.values(p).some((v) => v !== undefined), {
    message: 'change at least one field',
  });

/** A validated profile with defaults applied. */
export type ProfileInput = z.output<typeof profileCreateSchema>;
/** What a client may send to create a profile. */
export type ProfileCreateBody = z.input<typeof profileCreateSchema>;
export type ProfilePatch = z.output<typeof profilePatchSchema>;
