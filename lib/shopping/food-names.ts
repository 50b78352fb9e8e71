import { z } from 'zod';
import { shortFoodName } from './food-name';

/**
 * The words for one food: in a recipe line, on the shopping list, its concept, and the kind of
 * main protein it is for the weekly variety limit (a species or cut: chicken breast, ground beef,
 * tofu, black beans), when that is finer than the concept.
 */
export type FoodNames = {
  display: string;
  shopping: string;
  concept: string | null;
  protein: string | null;
};

const nameSchema = z
  .string()
  .min(1)
  .refine((s) => s === s.trim() && !/\s{2}/.test(s), 'no stray spaces');

/** The JSON shape of seeds/food-names.json. */
export const foodNamesSchema = z
  .object({
    $comment: z.string().optional(),
    foods: z.record(
      z.string().regex(/^\d{5}$/, 'NDB number is 5 digits'),
      z
        .object({
          display: nameSchema,
          shopping: nameSchema,
          concept: nameSchema.optional(),
          protein: nameSchema.optional(),
        })
        .strict(),
    ),
  })
  .strict();

/** Parses seeds/food-names.json; a bad row throws with its path ("foods.11112.shopping"). */
export function parseFoodNames(json: unknown): ReadonlyMap<string, FoodNames> {
  const parsed = foodNamesSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new Error(`seeds/food-names.json: ${issues}`);
  }
  return new Map(
    Object.entries(parsed.data.foods).map(([ndb, row]) => [
      ndb,
      {
        display: row.display,
        shopping: row.shopping,
        concept: row.concept ?? null,
        protein: row.protein ?? null,
      },
    ]),
  );
}

/**
 * The words for a food: its row in the names data, else a tidy name made from the USDA
 * description (foods no catalog recipe uses, such as a user's own food).
 */
/** The kind of main protein a food is: its protein kind, else its concept, else its shopping name. */
export function proteinKindOf(names: FoodNames): string {
  return names.protein ?? names.concept ?? names.shopping;
}

export function namesOf(
  names: ReadonlyMap<string, FoodNames>,
  ndb: string,
  longDesc: string,
): FoodNames {
  const row = names.get(ndb);
  if (row) return row;
  const short = shortFoodName(longDesc);
  return { display: short, shopping: short, concept: null, protein: null };
}
