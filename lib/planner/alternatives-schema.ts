import { z } from 'zod';

/**
 * What GET /api/plans/{id}/meals/{mealId}/alternatives and GET /api/plans return, for the
 * OpenAPI document and for checking responses.
 */
export const alternativesResponseSchema = z.strictObject({
  planId: z.number().int().positive(),
  mealId: z.string(),
  items: z.array(
    z.strictObject({
      recipeSlug: z.string(),
      recipeName: z.string(),
      scoreDelta: z.number().describe("change of the plan's penalty total; negative = better"),
      energyDeltaKcal: z.number(),
      proteinDeltaG: z.number(),
      itemsToBuyDelta: z.number(),
      energyKcal: z.number().describe('per person, at the portion it would get'),
      proteinG: z.number(),
      totalMinutes: z.number(),
      portion: z.number(),
      inWeek: z.boolean(),
    }),
  ),
  total: z.number().int().min(0).describe('matching the filters, before limit'),
  available: z.number().int().min(0).describe('before the filters'),
  blockedBy: z
    .array(
      z.strictObject({
        limit: z.enum([
          'filters',
          'no-recipes',
          'time',
          'not-ready',
          'repeats',
          'leftover',
          'cooking-sessions',
          'hands-on',
          'protein',
          'fructose',
          'sodium',
          'retinol',
        ]),
        recipes: z.number().int().min(0),
        message: z.string(),
      }),
    )
    .describe('only when items is empty: the limits that keep other recipes out'),
});

export const planListSchema = z.strictObject({
  items: z.array(
    z.strictObject({
      id: z.number().int().positive(),
      profileId: z.number().int().positive(),
      weekStart: z.string(),
      createdAt: z.string(),
      updatedAt: z.string(),
    }),
  ),
});
