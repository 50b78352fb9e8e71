import { z } from 'zod';
import { MEAL_TYPES } from '../foods/codes';

/**
 * One ingredient line: a USDA food (5-digit NDB number) and a quantity for the WHOLE recipe,
 * either in grams or as `amount` × a household measure whose label matches WEIGHT.txt exactly.
 */
export const ingredientSchema = z
  .object({
    ndb: z.string().regex(/^\d{5}$/, 'NDB number is 5 digits'),
    grams: z.number().positive().optional(),
    amount: z.number().positive().optional(),
    measure: z.string().min(1).optional(),
    note: z.string().min(1).optional(),
    /**
     * What a shopper must pick, shown on the shopping list and at the front of the note:
     * "packed in water, no broth" (canned fish), "choose one without gums" (coconut milk).
     */
    shopNote: z.string().min(1).optional(),
  })
  .strict()
  .refine((i) => (i.grams !== undefined) !== (i.amount !== undefined && i.measure !== undefined), {
    message: 'give either grams, or amount and measure',
  });

/** Unattended time from which a recipe is made ahead (broths, ferments, overnight soaks). */
export const MAKE_AHEAD_PASSIVE_MINUTES = 6 * 60;

export const recipeSchema = z
  .object({
    slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'slug is kebab-case'),
    name: z.string().min(3),
    description: z.string().min(10),
    mealTypes: z.array(z.enum(MEAL_TYPES)).min(1),
    servings: z.number().int().min(1).max(12),
    prepMinutes: z.number().int().min(0).max(240),
    /** Up to 24 h: a bone broth simmers 12–24 hours (mostly unattended, but that is its time). */
    cookMinutes: z.number().int().min(0).max(1440),
    /** Hands-on minutes: chopping, stirring, watching the pan, shaping, plating. */
    activeMinutes: z.number().int().min(0).max(240),
    /**
     * Unattended minutes between the first step and the table: oven, simmer, marinate, chill,
     * soak, rise, ferment (a sauerkraut's week counts). Six hours or more makes the recipe a
     * make-ahead item, prepared days before the meal that uses it.
     */
    passiveMinutes: z
      .number()
      .int()
      .min(0)
      .max(60 * 24 * 28),
    /** Put together, not cooked (no heat, a few minutes' work): it needs no cooking session. */
    assembly: z.boolean().default(false),
    cuisine: z.string().min(2),
    /** A light main meal (soup, salad) may skip the protein rule for lunches and dinners. */
    light: z.boolean().default(false),
    /** Days the dish keeps in the fridge; 0 = eat fresh. */
    leftoverDays: z.number().int().min(0).max(7),
    freezes: z.boolean(),
    /**
     * A baked treat, pancake, cookie, muffin, "nice cream" or bar, even when made only of
     * compliant foods. A protocol phase with `excludeTreats` (Whole30) leaves these out.
     */
    treat: z.boolean().default(false),
    /**
     * A broth or stock strained of its solids: its nutrition per serving is that of this SR21 food
     * (the strained liquid) at `gramsPerServing`, not the sum of the pot's ingredients, most of
     * which are discarded. Tags still come from every ingredient that went into the pot.
     */
    strained: z
      .object({
        ndb: z.string().regex(/^\d{5}$/, 'NDB number is 5 digits'),
        gramsPerServing: z.number().positive(),
      })
      .strict()
      .optional(),
    ingredients: z.array(ingredientSchema).min(1),
    steps: z.array(z.string().min(3)).min(1),
  })
  .strict()
  .superRefine((r, ctx) => {
    const total = r.activeMinutes + r.passiveMinutes;
    // An everyday recipe's hands-on and unattended minutes are its time to the table.
    if (r.passiveMinutes < MAKE_AHEAD_PASSIVE_MINUTES && total !== r.prepMinutes + r.cookMinutes) {
      ctx.addIssue({
        code: 'custom',
        path: ['passiveMinutes'],
        message: `activeMinutes + passiveMinutes (${total}) must equal prepMinutes + cookMinutes (${r.prepMinutes + r.cookMinutes})`,
      });
    }
    if (r.assembly && (r.cookMinutes > 0 || r.activeMinutes > 15)) {
      ctx.addIssue({
        code: 'custom',
        path: ['assembly'],
        message: 'an assembly recipe has no cooking and at most 15 hands-on minutes',
      });
    }
  });

export type RecipeIngredientInput = z.infer<typeof ingredientSchema>;
export type RecipeInput = z.infer<typeof recipeSchema>;
