import { z } from 'zod';
import { pageSchema } from '../foods/view-schema';

/**
 * What GET /api/recipes and GET /api/recipes/{slug} return, for the OpenAPI document and for
 * checking responses (strict: an undescribed field fails the checks).
 */
const atLeast = z
  .array(z.enum(['energyKcal', 'proteinG']))
  .describe('of energyKcal and proteinG, those that are lower bounds (an ingredient has no value)');

const cardShape = {
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  mealTypes: z.array(z.string()),
  servings: z.number(),
  prepMinutes: z.number(),
  cookMinutes: z.number(),
  totalMinutes: z.number(),
  cuisine: z.string(),
  energyKcal: z.number(),
  proteinG: z.number(),
  atLeast,
};

export const recipeCardSchema = z.strictObject({
  ...cardShape,
  inflammation: z.strictObject({ class: z.string(), score: z.number() }),
  allergens: z.array(z.strictObject({ code: z.string(), certainty: z.string() })),
});

export const recipePageSchema = pageSchema(recipeCardSchema);

const recipeTag = z.strictObject({
  code: z.string(),
  certainty: z.string(),
  causes: z.array(z.strictObject({ ndb: z.string(), name: z.string(), certainty: z.string() })),
});
const level = z.enum(['green', 'amber', 'red']);

export const recipeDetailSchema = z.strictObject({
  ...cardShape,
  light: z.boolean(),
  leftoverDays: z.number(),
  freezes: z.boolean(),
  steps: z.array(z.string()),
  ingredients: z.array(
    z.strictObject({
      ndb: z.string(),
      name: z.string(),
      display: z.string(),
      grams: z.number(),
      text: z.string(),
      note: z.string().nullable(),
      measures: z.array(
        z.strictObject({ amount: z.number(), label: z.string(), grams: z.number() }),
      ),
    }),
  ),
  nutritionPerServing: z
    .record(z.string(), z.number().nullable())
    .describe('a lower bound where nutritionUnknown > 0'),
  nutritionUnknown: z.record(z.string(), z.number()),
  fructoseG: z.number().nullable(),
  treat: z.boolean(),
  nutritionFrom: z
    .strictObject({ ndb: z.string(), name: z.string(), gramsPerServing: z.number() })
    .nullable(),
  tags: z.array(recipeTag),
  allergens: z.array(recipeTag),
  inflammation: z.strictObject({
    class: z.string(),
    score: z.number(),
    causes: z.array(
      z.strictObject({
        ndb: z.string(),
        name: z.string(),
        class: z.string(),
        evidence: z.string(),
      }),
    ),
  }),
  compliance: z.array(
    z.strictObject({
      protocol: z.string(),
      phase: z.string(),
      ok: z.boolean(),
      reasons: z.array(
        z.strictObject({ code: z.string(), reason: z.string(), foods: z.array(z.string()) }),
      ),
      maxPortion: z.number().nullable(),
      note: z.string().nullable(),
    }),
  ),
  fodmapPerServing: z.strictObject({
    level,
    subgroups: z.array(
      z.strictObject({
        code: z.string(),
        level,
        load: z.number().nullable(),
        foods: z.array(
          z.strictObject({
            ndb: z.string(),
            name: z.string(),
            grams: z.number().nullable(),
            greenMaxG: z.number().nullable(),
            level,
          }),
        ),
      }),
    ),
    maxPortion: z.number().nullable(),
    disclaimer: z.string(),
  }),
});
