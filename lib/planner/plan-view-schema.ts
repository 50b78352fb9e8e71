import { z } from 'zod';
import { MEAL_TYPES } from '../foods/codes';
import { MAX_FED } from './leftovers';

/**
 * The plan as the API returns it (POST /api/plans, GET /api/plans/{id}, swap, lock, regenerate),
 * for the OpenAPI document and for checking responses. Strict objects: a field the API adds
 * without describing it here fails the plan API test, so the document cannot fall behind.
 */
const capped = (unit: string, what: string) =>
  z
    .strictObject({
      total: z.number().describe(`per person, ${unit}; never undercounted`),
      max: z.number().describe(`the day's limit, ${unit}`),
    })
    .optional()
    .describe(`${what}: present when the profile or phase caps it`);

const dayCookingSchema = z.strictObject({
  sessions: z
    .number()
    .int()
    .describe('meals cooked that day (not leftovers, not assembly recipes)'),
  activeMinutes: z
    .number()
    .describe('hands-on minutes of the meals cooked or put together that day (leftovers count 0)'),
});

const dayTotalsSchema = z.strictObject({
  energyKcal: z.number(),
  proteinG: z.number(),
  fiberG: z.number(),
  carbsG: z.number(),
  targets: z.strictObject({ energyKcal: z.number(), proteinG: z.number(), fiberG: z.number() }),
  energyInBand: z.boolean().describe('energy within ±10 % of the target'),
  proteinMet: z.boolean(),
  fiberMet: z.boolean(),
  atLeast: z
    .array(z.enum(['energyKcal', 'proteinG', 'fiberG', 'carbsG']))
    .optional()
    .describe('totals that are lower bounds: an ingredient of the day has no value'),
  fructoseG: capped('g', 'fructose (AIP caps it per day)'),
  sodiumMg: capped('mg', 'sodium (the CDRR or a clinician’s cap)'),
  retinolUg: capped('µg', 'preformed vitamin A (the UL or a clinician’s cap)'),
  cooking: dayCookingSchema
    .extend({ budget: dayCookingSchema.describe("the profile's budget for this kind of day") })
    .optional()
    .describe(
      'cooking sessions and hands-on minutes against the budget (never over it); absent on plans saved before the budget existed',
    ),
});

const scorePartSchema = z.strictObject({ name: z.string(), value: z.number(), note: z.string() });

const cookSchema = z
  .strictObject({
    recipeMultiple: z
      .number()
      .describe('whole or half recipes to cook (½, 1, 1½, …): the smallest that covers `servings`'),
    servings: z.number().describe('servings the batch makes: recipeMultiple × the recipe’s yield'),
    spareServings: z
      .number()
      .describe('servings made beyond those eaten at this meal and its leftover meals'),
    text: z.string().describe('e.g. "cook ½ recipe (2 servings)"'),
    spareText: z.string().nullable().describe('e.g. "½ serving spare"; null when none is spare'),
  })
  .nullable()
  .describe(
    'what to cook: whole or half recipes, which the shopping list buys exactly; null for a leftover meal, which cooks nothing',
  );

const batchSchema = z
  .strictObject({
    cookedOn: z.string().describe('date of the meal the batch is cooked at'),
    portion: z
      .number()
      .int()
      .min(1)
      .describe(
        'this meal among the batch’s meals: 1 = the cooking meal, then its leftovers in week order',
      ),
    frozen: z
      .boolean()
      .describe(
        'a leftover meal eaten after the dish’s fridge days (`leftoverDays`): only a dish that freezes, so the portion is frozen on the cooking day',
      ),
    of: z
      .number()
      .int()
      .min(2)
      .max(MAX_FED + 1)
      .describe('meals the batch feeds, the cooking meal included'),
  })
  .nullable()
  .describe(
    'batch cooking: one cooking feeds up to three meals ("cooked Monday, 2 of 3 meals"); null for a meal cooked for itself alone',
  );

const challengeSchema = z
  .strictObject({
    challengeId: z
      .string()
      .describe('the challenge in the reintroduction schedule, e.g. "lactose"'),
    food: z.string().describe('the challenge food’s name, e.g. "milk"'),
    ndb: z.string().describe('its USDA food (NDB number); the shopping list buys it'),
    doseG: z.number().describe('grams per person at this meal (that challenge day’s dose)'),
    words: z.string().describe('the dose as a cook says it, e.g. "½ cup milk"'),
    day: z.number().int().min(1).describe('the challenge day, 1-based'),
    days: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('the challenge’s number of days, when the schedule says ("day 2 of 3")'),
    slot: z
      .enum(MEAL_TYPES)
      .describe(
        'the slot the challenge asks for; this meal is in it, or in the nearest slot the profile plans',
      ),
  })
  .nullable()
  .describe(
    'a reintroduction challenge: the food is eaten with this meal as an explicit add-on line ("add ½ cup milk to breakfast"); the recipe itself stays on the elimination background. Null on every other meal and on plans made before reintroduction',
  );

const memberPortionSchema = z
  .strictObject({
    profileId: z.number().int(),
    name: z.string(),
    servings: z.number().describe("the member's servings of one written serving"),
    text: z.string().describe('e.g. "1½ servings"'),
  })
  .describe("one member's portion of the meal");

const memberTotalsSchema = z
  .strictObject({
    profileId: z.number().int(),
    energyKcal: z.number(),
    proteinG: z.number(),
    fiberG: z.number(),
    carbsG: z.number(),
  })
  .describe("one member's totals of the day: the planned portion's totals times their portion");

const planMemberSchema = z
  .strictObject({
    profileId: z.number().int(),
    name: z.string(),
    portion: z
      .number()
      .describe(
        "what the member eats of each meal relative to the planned portion (their energy target over the lowest member's, in halves); 1 on a one-person plan",
      ),
  })
  .describe('a member of the plan');

const mealSchema = z.strictObject({
  id: z.string().describe('the date and slot, e.g. 2026-11-30-dinner'),
  date: z.string(),
  slot: z.enum(MEAL_TYPES),
  recipeSlug: z.string(),
  recipeName: z.string(),
  servings: z
    .number()
    .describe(
      'servings eaten: at this meal and, for a cooking meal, the leftover meals it feeds (`cook` says how much to make)',
    ),
  portion: z.number().describe('per-person share of one written serving'),
  portionText: z.string().describe('the portion as a person reads it, e.g. "1½ servings each"'),
  portions: z
    .array(memberPortionSchema)
    .optional()
    .describe("each member's servings, in member order (shared plans only)"),
  portionsText: z
    .string()
    .optional()
    .describe('who eats how much, e.g. "Alex 1½ servings, Sam 1" (shared plans only)'),
  cook: cookSchema,
  locked: z.boolean(),
  leftoverOf: z
    .string()
    .nullable()
    .describe('the earlier lunch or dinner whose batch this leftover meal eats from'),
  batch: batchSchema,
  energyKcal: z.number().describe('per person'),
  proteinG: z.number().describe('per person'),
  carbsG: z.number().describe('per person'),
  totalMinutes: z.number(),
  explanation: z.strictObject({ total: z.number(), parts: z.array(scorePartSchema) }),
  challenge: challengeSchema,
});

const prepLineSchema = z
  .strictObject({
    recipeSlug: z.string(),
    recipeName: z.string(),
    activeMinutes: z.number().describe('hands-on minutes of the prep'),
    passiveMinutes: z.number().describe('unattended minutes until it is ready'),
    passiveKind: z
      .enum(['simmer', 'ferment'])
      .nullable()
      .describe(
        'what the wait is: mostly on the heat (simmer), days without heat (ferment), or null',
      ),
    readyOn: z.string().describe('the date of the meal it is for'),
    forMeal: z.string().describe('id of that meal'),
  })
  .describe(
    'a make-ahead item (six hours or more unattended) to start this day, at the latest, so it is ready for its meal',
  );

export const planViewSchema = z.strictObject({
  id: z.number().int(),
  profileId: z.number().int(),
  weekStart: z.string(),
  seed: z.number().int(),
  householdSize: z
    .number()
    .describe(
      "people the servings are computed for: the profile's household, or on a shared plan the sum of the members' portions (2.5 for 1½ and 1)",
    ),
  members: z
    .array(planMemberSchema)
    .optional()
    .describe(
      'who eats from the plan, the first owning it; present on a plan made for several members (memberIds), absent on a one-person plan',
    ),
  shared: z
    .literal(true)
    .optional()
    .describe('true on a plan made for several members; absent on a one-person plan'),
  version: z
    .number()
    .int()
    .describe('bumped by every change to the plan; the ETag header carries it as "<version>"'),
  createdAt: z.string(),
  updatedAt: z.string(),
  score: z
    .strictObject({
      total: z.number(),
      parts: z.record(z.string(), z.number()),
      distinctIngredients: z.number().int(),
      plants: z
        .number()
        .int()
        .optional()
        .describe(
          'different plant foods this week (vegetables, fruits, legumes, nuts and seeds, grains, herbs and spices; one per kind). Plant diversity is associated with a more diverse gut microbiome (observational evidence). Absent on plans scored before plants were counted',
        ),
    })
    .nullable(),
  days: z.array(
    z.strictObject({
      date: z.string(),
      meals: z.array(mealSchema),
      totals: dayTotalsSchema,
      memberTotals: z
        .array(memberTotalsSchema)
        .optional()
        .describe("each member's totals, in member order (shared plans only)"),
      washout: z
        .boolean()
        .describe(
          'a reintroduction washout day after a challenge: elimination foods only, no challenge meal; false on plans made before reintroduction',
        ),
      prep: z
        .array(prepLineSchema)
        .describe(
          "prep tasks that start this day (derived from the week's meals, never stored); a make-ahead meal served on its start day has one too",
        ),
    }),
  ),
});
