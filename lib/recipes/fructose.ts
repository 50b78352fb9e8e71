import { z } from 'zod';
import type { NutrientKey } from '../foods/nutrients';

/** `seeds/nutrition/fructose.json`: fructose per 100 g for foods SR21 gives only total sugars for. */
export const fructoseTableSchema = z
  .object({
    description: z.string().min(1),
    source: z.string().min(1),
    foods: z
      .array(
        z
          .object({
            ndb: z.string().regex(/^\d{5}$/),
            name: z.string().min(1),
            fructoseG: z.number().nonnegative(),
            /** `sr`: a USDA SR value; `approximate`: an estimate, explained in `note`. */
            basis: z.enum(['sr', 'approximate']),
            note: z.string().min(1).optional(),
          })
          .strict()
          .refine((f) => f.basis === 'sr' || f.note !== undefined, {
            message: 'an approximate value needs a note saying how it was estimated',
          }),
      )
      .min(1),
  })
  .strict();

export type FructoseTable = z.infer<typeof fructoseTableSchema>;

/** ndb → g fructose per 100 g. */
export function fructoseByNdb(table: FructoseTable): Map<string, number> {
  return new Map(table.foods.map((f) => [f.ndb, f.fructoseG]));
}

export type FructoseBasis = 'table' | 'sugars' | 'carbs' | 'unknown';

/**
 * Grams of fructose per 100 g of a food, never undercounted: the table value where there is one,
 * else total sugars (free fructose cannot exceed them), else carbohydrate; null when all three are
 * blank (unknown, which a cap must not read as 0).
 */
export function fructosePer100g(
  ndb: string,
  nutrients: Pick<Record<NutrientKey, number | null>, 'sugarsG' | 'carbsG'>,
  table: ReadonlyMap<string, number>,
): { grams: number | null; basis: FructoseBasis } {
  const listed = table.get(ndb);
  if (listed !== undefined) return { grams: listed, basis: 'table' };
  if (nutrients.sugarsG !== null) return { grams: nutrients.sugarsG, basis: 'sugars' };
  if (nutrients.carbsG !== null) return { grams: nutrients.carbsG, basis: 'carbs' };
  return { grams: null, basis: 'unknown' };
}

/**
 * Fructose per serving of a recipe, grams, rounded up to 0.01 g so rounding never undercounts;
 * null when any ingredient's fructose is unknown (see `fructosePer100g`).
 */
export function fructosePerServing(
  ingredients: { ndb: string; grams: number }[],
  servings: number,
  foods: ReadonlyMap<
    string,
    { nutrients: Pick<Record<NutrientKey, number | null>, 'sugarsG' | 'carbsG'> }
  >,
  table: ReadonlyMap<string, number>,
): number | null {
  let total = 0;
  for (const ing of ingredients) {
    const food = foods.get(ing.ndb);
    if (!food) return null;
    const per100 = fructosePer100g(ing.ndb, food.nutrients, table).grams;
    if (per100 === null) return null;
    total += (per100 * ing.grams) / 100;
  }
  return Math.ceil((total / servings) * 100) / 100;
}
