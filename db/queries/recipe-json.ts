import { z } from 'zod';
import { MEAL_TYPES } from '../../lib/foods/codes';

/** The recipe JSON columns the plan repositories read, parsed on read (absent → default). */
export const mealTypesJson = z.array(z.enum(MEAL_TYPES));

/** recipes.nutrition_per_serving: nutrient key → amount per serving, null = no value known. */
export const nutritionJson = z.record(z.string(), z.number().nullable()).default({});

/** recipes.nutrition_unknown: nutrient key → ingredient lines without a value. */
export const nutritionUnknownJson = z.record(z.string(), z.number()).default({});

/** food_tags.subgroups_above: FODMAP subgroups above the green serve, or null. */
export const subgroupsJson = z.array(z.string()).nullable().default(null);
