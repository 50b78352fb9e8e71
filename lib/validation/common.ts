import { z } from 'zod';
import {
  ALLERGEN_CODES,
  FOOD_GROUPS,
  GROUP_CODES,
  INFLAMMATION_CLASSES,
  MEAL_TYPES,
} from '../foods/codes';

/** One value or a repeated query parameter, as a list. */
export function oneOrMany<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (Array.isArray(v) ? v : [v]), z.array(item));
}

const listMessage = (what: string, values: readonly string[]) =>
  `unknown ${what}; expected one of: ${values.join(', ')}`;

export const allergenCodeSchema = z.enum(ALLERGEN_CODES, {
  error: listMessage('allergen code', ALLERGEN_CODES),
});
export const groupCodeSchema = z.enum(GROUP_CODES, {
  error: listMessage('group code', GROUP_CODES),
});
export const inflammationClassSchema = z.enum(INFLAMMATION_CLASSES, {
  error: listMessage('inflammation class', INFLAMMATION_CLASSES),
});
export const mealTypeSchema = z.enum(MEAL_TYPES, { error: listMessage('meal type', MEAL_TYPES) });
// own keys only: "__proto__" or "toString" is in every object, but no food group
export const foodGroupSchema = z.string().refine((g) => Object.hasOwn(FOOD_GROUPS, g), {
  message: `unknown food group; expected a USDA group code such as 1100`,
});
export const ndbSchema = z.string().regex(/^\d{5}$/, 'an NDB number is 5 digits, e.g. 01001');

export const limitSchema = z.coerce
  .number({ error: 'limit must be a number' })
  .int('limit must be a whole number')
  .min(1, 'limit must be at least 1')
  .max(100, 'limit must be at most 100')
  .default(24);
/** Opaque to clients: today an offset. */
export const cursorSchema = z
  .string()
  .regex(/^\d{1,6}$/, 'cursor must be a value returned as nextCursor');
export const searchTextSchema = z.string().trim().max(100, 'q must be at most 100 characters');
