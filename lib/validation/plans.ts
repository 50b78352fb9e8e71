import { z } from 'zod';
import { searchTextSchema } from './common';
import { idBodySchema, idParamSchema } from './ids';
import { recipeSlugSchema } from './recipes';

/** A real calendar date as YYYY-MM-DD (UTC midnight), else null. */
function calendarDate(s: string): Date | null {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s ? d : null;
}

/** A real calendar date as YYYY-MM-DD; the message names `field`. */
export const isoDate = (field: string) =>
  z
    .string({ error: `${field} must be a date` })
    // abort: text that is no date at all gets one message, not also "not a real calendar date"
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `${field} must be a date as YYYY-MM-DD`, abort: true })
    .refine((s) => calendarDate(s) !== null, `${field} is not a real calendar date`);

/** A week's first day: plans run Monday to Sunday. */
const mondayDate = (field: string) =>
  isoDate(field).refine((s) => {
    const d = calendarDate(s);
    // a date that is not a real one already has its message
    return d === null || d.getUTCDay() === 1;
  }, `${field} must be a Monday (a plan runs Monday to Sunday)`);

const seedSchema = z
  .number({ error: 'seed must be a number' })
  .int('seed must be a whole number')
  .min(0, 'seed must be at least 0')
  .max(2 ** 31 - 1, 'seed must be below 2147483648');

/** The years a plan's week may start in: a far-off year is a typo, not a plan. */
export const WEEK_START_YEARS = { min: 2000, max: 2100 } as const;

/** A plan's first day; the plan forms check it with the API's own rule. */
export const weekStartSchema = mondayDate('weekStart')
  .refine((s) => {
    const year = Number(s.slice(0, 4));
    return year >= WEEK_START_YEARS.min && year <= WEEK_START_YEARS.max;
  }, `weekStart must be in the years ${WEEK_START_YEARS.min} to ${WEEK_START_YEARS.max}`)
  .describe('the Monday the week starts on, YYYY-MM-DD');

/** Members of one shared plan at most: the profile schema's largest household. */
export const MAX_PLAN_MEMBERS = 12;

const memberIdsSchema = z
  .array(idBodySchema('memberIds'), { error: 'memberIds must be a list of profile ids' })
  .min(1, 'memberIds must name at least one profile')
  .max(MAX_PLAN_MEMBERS, `memberIds may name at most ${MAX_PLAN_MEMBERS} profiles`)
  .refine((ids) => new Set(ids).size === ids.length, 'memberIds must not repeat a profile')
  .describe(
    'the profiles sharing this plan, the first owning it: every meal follows all their restrictions, each eats their own portion from their energy target',
  );

export const createPlanSchema = z
  .strictObject({
    profileId: idBodySchema('profileId')
      .optional()
      .describe('the profile to plan for (its household); or memberIds, not both'),
    memberIds: memberIdsSchema.optional(),
    weekStart: weekStartSchema,
    seed: seedSchema.optional(),
    replace: z
      .boolean({ error: 'replace must be true or false' })
      .optional()
      .describe(
        "true replaces the profile's plan for this week (its shopping checks go with it); without it an existing plan is a 409 plan_exists",
      ),
  })
  .superRefine((body, ctx) => {
    const given = (body.profileId === undefined ? 0 : 1) + (body.memberIds === undefined ? 0 : 1);
    if (given !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: [body.profileId === undefined ? 'profileId' : 'memberIds'],
        message:
          given === 0
            ? 'profileId or memberIds is required'
            : 'send profileId or memberIds, not both',
      });
    }
  });

export const planListQuerySchema = z.strictObject({
  profileId: idParamSchema('profileId')
    .optional()
    .describe('only the plans of this profile: its own and those it shares as a member'),
});

export const nutritionQuerySchema = z.strictObject({
  member: idParamSchema('member')
    .optional()
    .describe(
      "the member's profile id: their portion of each meal against their own targets (default: the plan's first member)",
    ),
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
