import { z } from 'zod';
import { nutritionReportSchema } from '../nutrition/report-schema';

/**
 * The JSON download of a plan (GET /api/plans/{id}/export?format=json, lib/export/plan-json.ts),
 * for the OpenAPI document and for checking responses. Each meal embeds its recipe so the file
 * stands on its own; meals and recipes may carry more fields than named here.
 */
const exportMealSchema = z.looseObject({
  id: z.string(),
  slot: z.string(),
  recipeSlug: z.string(),
  servings: z.number(),
  locked: z.boolean(),
  leftoverOf: z.string().nullable(),
  cook: z.looseObject({ text: z.string() }).nullable(),
  batch: z.looseObject({ cookedOn: z.string() }).nullable(),
  portionText: z.string(),
  portionsText: z.string().optional(),
  challenge: z
    .looseObject({ challengeId: z.string(), food: z.string(), doseG: z.number(), day: z.number() })
    .nullable(),
  recipe: z.looseObject({ slug: z.string(), name: z.string(), servings: z.number() }),
});

export const planExportSchema = z.strictObject({
  format: z.literal('villi-plan'),
  version: z.literal(1),
  plan: z.strictObject({
    id: z.string(),
    profileId: z.string(),
    weekStart: z.string(),
    householdSize: z.number(),
    members: z
      .array(z.strictObject({ profileId: z.number(), name: z.string(), servings: z.number() }))
      .optional(),
    days: z.array(
      z.strictObject({
        date: z.string(),
        washout: z.boolean(),
        meals: z.array(exportMealSchema),
      }),
    ),
  }),
  nutrition: nutritionReportSchema.optional(),
});
