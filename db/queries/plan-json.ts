import { z } from 'zod';
import { MEAL_TYPES } from '../../lib/foods/codes';
import type { DayTotals } from '../../lib/planner/types';

/**
 * The plan JSON columns as stored, parsed on read. Objects are not strict, so a field a later
 * release drops is ignored, and a field an older row lacks gets its default.
 */
const capJson = z.object({ total: z.number(), max: z.number() }).optional();
const cookingJson = z.object({ sessions: z.number(), activeMinutes: z.number() });

const dayTotalsJson = z.object({
  energyKcal: z.number().default(0),
  proteinG: z.number().default(0),
  fiberG: z.number().default(0),
  carbsG: z.number().default(0),
  targets: z
    .object({ energyKcal: z.number(), proteinG: z.number(), fiberG: z.number() })
    .default({ energyKcal: 0, proteinG: 0, fiberG: 0 }),
  energyInBand: z.boolean().default(false),
  proteinMet: z.boolean().default(false),
  fiberMet: z.boolean().default(false),
  atLeast: z.array(z.enum(['energyKcal', 'proteinG', 'fiberG', 'carbsG'])).optional(),
  fructoseG: capJson,
  sodiumMg: capJson,
  retinolUg: capJson,
  cooking: cookingJson.extend({ budget: cookingJson }).optional(),
});

const planScoreJson = z.object({
  total: z.number(),
  parts: z.object({
    energy: z.number().default(0),
    protein: z.number().default(0),
    fiber: z.number().default(0),
    carbs: z.number().default(0),
    inflammation: z.number().default(0),
    variety: z.number().default(0),
    ingredients: z.number().default(0),
    micronutrients: z.number().optional(),
    energyShares: z.number().optional(),
  }),
  distinctIngredients: z.number().int().default(0),
  // absent on plans scored before plants were counted: never read as 0 plants
  plants: z.number().int().optional(),
});

/** A meal's reintroduction challenge (lib/planner/challenges.ts MealChallenge). */
const mealChallengeJson = z.object({
  challengeId: z.string(),
  food: z.string(),
  ndb: z.string(),
  doseG: z.number(),
  words: z.string(),
  day: z.number().int(),
  slot: z.enum(MEAL_TYPES),
  days: z.number().int().optional(),
});

/**
 * plans.score: the planner's score and each day's totals at the last change, and the week's
 * reintroduction calendar as placed on the plan: the challenge of each meal that has one (by
 * meal id) and the washout dates. Plans saved before reintroduction have none.
 */
export const storedScoreJson = z.object({
  score: planScoreJson.nullable().default(null),
  totals: z.record(z.string(), dayTotalsJson).default({}),
  challenges: z.record(z.string(), mealChallengeJson).default({}),
  washout: z.array(z.string()).default([]),
});
export type StoredScore = z.output<typeof storedScoreJson>;

/** A day the stored totals do not cover (a row older than its days): nothing counted. */
export const EMPTY_DAY_TOTALS: DayTotals = dayTotalsJson.parse({});

/** plan_meals.explanation: the meal's share of the score. */
export const explanationJson = z
  .object({
    total: z.number().default(0),
    parts: z.array(z.object({ name: z.string(), value: z.number(), note: z.string() })).default([]),
  })
  .default({ total: 0, parts: [] });
