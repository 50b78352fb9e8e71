import { z } from 'zod';
import {
  allergenCodeSchema,
  cursorSchema,
  groupCodeSchema,
  inflammationClassSchema,
  limitSchema,
  mealTypeSchema,
  oneOrMany,
  searchTextSchema,
} from './common';

const idSchema = z.string().regex(/^[a-z0-9-]+$/, 'expected an id such as "aip"');

export const recipeSearchSchema = z
  .object({
    q: searchTextSchema.optional(),
    mealType: mealTypeSchema.optional(),
    protocol: idSchema.optional(),
    phase: idSchema.optional(),
    /** Leave out recipes with these allergen or group codes (may-contain counts as contains). */
    exclude: oneOrMany(z.union([allergenCodeSchema, groupCodeSchema])).optional(),
    maxMinutes: z.coerce
      .number({ error: 'maxMinutes must be a number' })
      .int('maxMinutes must be a whole number')
      .min(1, 'maxMinutes must be at least 1')
      .max(1000, 'maxMinutes must be at most 1000')
      .optional(),
    inflammation: inflammationClassSchema.optional(),
    limit: limitSchema,
    cursor: cursorSchema.optional(),
  })
  .strict()
  .refine((s) => s.phase === undefined || s.protocol !== undefined, {
    path: ['phase'],
    message: 'phase needs a protocol',
  });

export type RecipeSearch = z.infer<typeof recipeSearchSchema>;
export const recipeSlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a recipe slug is kebab-case');
