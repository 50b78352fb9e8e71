import { z } from 'zod';
import {
  allergenCodeSchema,
  cursorSchema,
  foodGroupSchema,
  groupCodeSchema,
  inflammationClassSchema,
  limitSchema,
  oneOrMany,
  searchTextSchema,
} from './common';

export const foodSearchSchema = z
  .object({
    q: searchTextSchema.optional(),
    allergen: oneOrMany(allergenCodeSchema).optional(),
    tag: oneOrMany(groupCodeSchema).optional(),
    /** Foods free of these allergen or group codes (may-contain counts as contains). */
    free: oneOrMany(z.union([allergenCodeSchema, groupCodeSchema])).optional(),
    inflammation: inflammationClassSchema.optional(),
    group: foodGroupSchema.optional(),
    limit: limitSchema,
    cursor: cursorSchema.optional(),
  })
  .strict();

export type FoodSearch = z.infer<typeof foodSearchSchema>;

/** GET /api/food-concepts: the kinds of food a search text names (all without `q`). */
export const foodConceptQuerySchema = z.object({ q: searchTextSchema.optional() }).strict();
