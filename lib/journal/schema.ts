import { z } from 'zod';
import { isoDate, mealIdSchema } from '../validation/plans';

/**
 * The symptoms a day's entry rates, in the order the journal shows them. Every one but stool
 * is 0 (none) to 10 (worst), so "higher is worse" holds for all of them; sleep is rated as
 * trouble sleeping for that reason. Stool form is the Bristol type, 1 (hard lumps) to 7
 * (watery), with 4 the healthy middle.
 */
export const SYMPTOM_KEYS = [
  'bloating',
  'pain',
  'stool',
  'fatigue',
  'joints',
  'skin',
  'brainFog',
  'headache',
  'sleep',
] as const;
export type SymptomKey = (typeof SYMPTOM_KEYS)[number];
export type RatedSymptom = Exclude<SymptomKey, 'stool'>;
export const RATED_SYMPTOMS: readonly RatedSymptom[] = SYMPTOM_KEYS.filter(
  (k): k is RatedSymptom => k !== 'stool',
);

export const SYMPTOM_LABELS: Record<SymptomKey, string> = {
  bloating: 'Bloating / gas',
  pain: 'Abdominal pain',
  stool: 'Stool form',
  fatigue: 'Fatigue',
  joints: 'Joint pain',
  skin: 'Skin',
  brainFog: 'Brain fog',
  headache: 'Headache',
  sleep: 'Sleep trouble',
};

/** Short words for each Bristol type, 1 to 7. */
export const BRISTOL_WORDS = [
  'Hard lumps',
  'Lumpy sausage',
  'Cracked sausage',
  'Smooth sausage',
  'Soft blobs',
  'Mushy',
  'Watery',
] as const;

export const RATING_MAX = 10;
export const NOTE_MAX = 1000;
export const REACTION_MAX = 200;

const rating = (key: RatedSymptom) => {
  const field = `symptoms.${key}`;
  const range = `${field} must be a whole number from 0 to ${RATING_MAX}`;
  return z.number({ error: range }).int(range).min(0, range).max(RATING_MAX, range);
};

const stoolRange = 'symptoms.stool must be a Bristol type from 1 to 7, or null (none that day)';
const stool = z.number({ error: stoolRange }).int(stoolRange).min(1, stoolRange).max(7, stoolRange);

const symptomShape = {
  bloating: rating('bloating'),
  pain: rating('pain'),
  // a day without a bowel movement has no stool form
  stool: stool.nullable().default(null),
  fatigue: rating('fatigue'),
  joints: rating('joints'),
  skin: rating('skin'),
  brainFog: rating('brainFog'),
  headache: rating('headache'),
  sleep: rating('sleep'),
};

/** An unknown symptom names itself and the known ones, rather than zod's generic message. */
const unknownSymptom = {
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys'
      ? `unknown symptom ${(issue.keys ?? []).map((k) => `"${k}"`).join(', ')}; the symptoms are: ${SYMPTOM_KEYS.join(', ')}`
      : issue.code === 'invalid_type'
        ? 'symptoms must be an object of ratings'
        : undefined,
};

export const symptomsSchema = z.strictObject(symptomShape, unknownSymptom);
export type Symptoms = z.output<typeof symptomsSchema>;

/** Symptoms as stored: validated on write, so a key no longer known is dropped, not refused. */
export const storedSymptomsSchema = z.object(symptomShape);

const noteSchema = z
  .string({ error: 'note must be text' })
  .trim()
  .max(NOTE_MAX, `note must be at most ${NOTE_MAX} characters`)
  // an empty note is no note
  .transform((s) => (s === '' ? null : s))
  .nullable();

export const mealReactionSchema = z.strictObject({
  mealId: mealIdSchema,
  reaction: z
    .string({ error: 'reaction must be text' })
    .trim()
    .min(1, 'reaction must say what happened')
    .max(REACTION_MAX, `reaction must be at most ${REACTION_MAX} characters`),
});
export type MealReaction = z.output<typeof mealReactionSchema>;

const mealsSchema = z
  .array(mealReactionSchema, { error: 'meals must be a list of { mealId, reaction }' })
  .max(8, 'at most 8 meal reactions a day')
  .refine((xs) => new Set(xs.map((m) => m.mealId)).size === xs.length, 'meals names a meal twice');

/** A reaction belongs to a meal of the entry's own day ("2026-12-01-lunch" on 2026-12-01). */
function mealsOfDay(date: string, meals: readonly MealReaction[], ctx: z.RefinementCtx): void {
  meals.forEach((m, i) => {
    if (!m.mealId.startsWith(`${date}-`)) {
      ctx.addIssue({
        code: 'custom',
        path: ['meals', i, 'mealId'],
        message: `meal ${m.mealId} is not a meal of ${date}`,
      });
    }
  });
}

/** Body of POST /api/profiles/{id}/journal. */
export const journalCreateSchema = z
  .strictObject({
    date: isoDate('date'),
    symptoms: symptomsSchema,
    note: noteSchema.default(null),
    meals: mealsSchema.default([]),
  })
  .superRefine((e, ctx) => mealsOfDay(e.date, e.meals, ctx));
export type JournalCreate = z.output<typeof journalCreateSchema>;

/**
 * Body of PATCH /api/profiles/{id}/journal/{date}: any of symptoms (the ones sent replace
 * theirs), note (null clears it) and meals (replaces the list). The date is the path's.
 */
export const journalPatchSchema = z
  .strictObject({
    // stool without its default: a patch that leaves stool out keeps the stored one
    symptoms: z
      .strictObject({ ...symptomShape, stool: stool.nullable() }, unknownSymptom)
      .partial(),
    note: noteSchema,
    meals: mealsSchema,
  })
  .partial()
  .refine((p) => Object.values(p).some((v) => v !== undefined), {
    message: 'change at least one of symptoms, note, meals',
  });
export type JournalPatch = z.output<typeof journalPatchSchema>;

/** Checks a patch's meals against the entry's day (the path's date). */
export function mealsOfDayIssues(date: string, meals: readonly MealReaction[]): z.ZodError | null {
  const parsed = z
    .object({ meals: z.array(mealReactionSchema) })
    .superRefine((p, ctx) => mealsOfDay(date, p.meals, ctx))
    .safeParse({ meals });
  return parsed.success ? null : parsed.error;
}

export const journalDateSchema = isoDate('date');

/** GET /api/profiles/{id}/journal?from=&to= (both optional, inclusive). */
export const journalQuerySchema = z
  .object({ from: isoDate('from').optional(), to: isoDate('to').optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    path: ['from'],
    message: 'from must be on or before to',
  });

/** One day's entry as the API returns it. */
export type JournalEntry = {
  date: string;
  symptoms: Symptoms;
  note: string | null;
  meals: MealReaction[];
  createdAt: string;
  updatedAt: string;
};
