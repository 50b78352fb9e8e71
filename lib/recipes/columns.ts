import { z } from 'zod';
import { orEmpty } from '../foods/columns';

/**
 * Stored JSON columns of the recipe tables, parsed on read; a missing (null) value, as an older
 * row may hold, reads as the empty value.
 */
export const mealTypesColumn = orEmpty(z.array(z.string()), () => []);
export const stepsColumn = orEmpty(z.array(z.string()), () => []);
/** Sums per serving by nutrient; null = no ingredient reports it. */
export const nutritionColumn = orEmpty(z.record(z.string(), z.number().nullable()), () => ({}));
/** Per nutrient, ingredient lines without a value (the sum is then a lower bound). */
export const nutritionUnknownColumn = orEmpty(z.record(z.string(), z.number()), () => ({}));
/** A strained broth's nutrition source; null for every other recipe. */
export const nutritionFromColumn = z
  .object({ ndb: z.string(), name: z.string(), gramsPerServing: z.number() })
  .nullish()
  .transform((v) => v ?? null);
/** The ingredients that caused a recipe tag. */
export const tagCausesColumn = orEmpty(
  z.array(z.object({ ndb: z.string(), name: z.string(), certainty: z.string() })),
  () => [],
);
/** Why a recipe does not fit a protocol phase. */
export const complianceReasonsColumn = orEmpty(
  z.array(z.object({ code: z.string(), reason: z.string(), foods: z.array(z.string()) })),
  () => [],
);
