import { z } from 'zod';
import { searchTextSchema } from './common';
import { idParamSchema } from './ids';
import { recipeSlugSchema } from './recipes';

const isoDate = (field: string) =>
  z
    .string({ error: `${field} must be a date` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${field} must be a date as YYYY-MM-DD`)
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    }, `${field} is not a real calendar date`);

const seedSchema = z
  .number({ error: 'seed must be a number' })
  .int('seed must be a whole number')
  .min(0, 'seed must be at least 0')
  .max(2 ** 31 - 1, 'seed must be below 2147483648');

export const createPlanSchema = z.strictObject({
  profileId: idParamSchema('profileId'),
  weekStart: isoDate('weekStart'),
  seed: seedSchema.optional(),
});

export const planListQuerySchema = z.strictObject({
  profileId: idParamSchema('profileId').optional(),
});

export const swapSchema = z.strictObject({ recipeSlug: recipeSlugSchema });

export const lockSchema = z.strictObject({
  locked: z.boolean({ error: 'locked must be true or false' }),
});

export const regenerateSchema = z
  .strictObject({
    scope: z.enum(['week', 'day'], { error: 'scope must be "week" or "day"' }),
    date: isoDate('date').optional(),
    seed: seedSchema.optional(),
  })
  .refine((b) => b.scope === 'week' || b.date !== undefined, {
    path: ['date'],
    message: 'date is required when scope is "day"',
  });

export const mealIdSchema = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}-(breakfast|lunch|dinner|snack)$/,
    'a meal id looks like 2026-11-30-dinner',
  );

const wholeNumber = (field: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${field} must be a number` })
    .int(`${field} must be a whole number`)
    .min(min, `${field} must be at least ${min}`)
    .max(max, `${field} must be at most ${max}`);

/** GET …/alternatives: filters that only narrow the planner's compliant, ranked alternatives. */
export const alternativesQuerySchema = z.strictObject({
  q: searchTextSchema
    .optional()
    .describe('words that must all appear in the recipe or an ingredient name'),
  maxMinutes: wholeNumber('maxMinutes', 1, 1000).optional().describe('largest prep + cook minutes'),
  maxKcal: wholeNumber('maxKcal', 1, 5000)
    .optional()
    .describe('largest energy of the meal per person, at the portion it would get'),
  limit: wholeNumber('limit', 1, 50).default(10).describe('how many to return, best first'),
});

/**
 * A recipe page opened from a plan (`/recipes/{slug}?plan=12&meal=2026-12-01-dinner`): the page
 * then scales to that meal. Other query keys are left alone.
 */
export const recipeFromPlanSchema = z.object({
  plan: idParamSchema('plan'),
  meal: mealIdSchema,
});

export type CreatePlan = z.infer<typeof createPlanSchema>;
export type RegenerateBody = z.infer<typeof regenerateSchema>;
export type AlternativesQuery = z.infer<typeof alternativesQuerySchema>;
