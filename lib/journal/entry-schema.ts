import { z } from 'zod';
import { mealReactionSchema, symptomsSchema } from './schema';

/** One day's entry as the API returns it (for the OpenAPI document and response checks). */
export const journalEntrySchema = z.strictObject({
  date: z.string().describe('YYYY-MM-DD'),
  symptoms: symptomsSchema,
  note: z.string().nullable(),
  meals: z.array(mealReactionSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const journalListSchema = z.strictObject({ items: z.array(journalEntrySchema) });
