import { z } from 'zod';
import { FOOD_GROUPS } from './codes';
import { NUTRIENT_KEYS, type NutrientKey } from './nutrients';
import type { Measure, UsdaFood } from './types';

/** Derived foods use the NDB numbers 99001–99049, which SR21 never assigns. */
export const DERIVED_NDB_PATTERN = /^990(0[1-9]|[1-4]\d)$/;

const nutrientKey = z.enum(NUTRIENT_KEYS as [NutrientKey, ...NutrientKey[]]);

/**
 * How one nutrient differs from the parent, per 100 g: a number replaces the parent's value,
 * `null` says the value is unknown, `{ factor }` scales the parent's value (unknown stays unknown).
 */
const nutrientChangeSchema = z.union([
  z.number().nonnegative(),
  z.null(),
  z.object({ factor: z.number().nonnegative() }).strict(),
]);

const measureSchema = z
  .object({
    amount: z.number().positive(),
    label: z.string().min(1),
    grams: z.number().positive(),
  })
  .strict();

export const derivedFoodSchema = z
  .object({
    ndb: z.string().regex(DERIVED_NDB_PATTERN, 'a derived food uses an NDB from 99001 to 99049'),
    /** The SR21 food it is built from. */
    parent: z.string().regex(/^\d{5}$/, 'the parent is a 5-digit SR21 NDB number'),
    longDesc: z.string().min(3),
    shortDesc: z.string().min(1).optional(),
    commonNames: z.string().optional(),
    /** USDA food group; defaults to the parent's. */
    groupCode: z
      .string()
      .refine((g) => g in FOOD_GROUPS, { message: 'unknown USDA food group code' })
      .optional(),
    /** Inedible share in percent; defaults to the parent's. */
    refusePct: z.number().min(0).max(100).optional(),
    /** One plain paragraph: what changed from the parent, why, and the source of every number. */
    derivation: z.string().min(40),
    nutrientChanges: z.partialRecord(nutrientKey, nutrientChangeSchema),
    /**
     * Nutrients not named in `nutrientChanges`: `parent` keeps the parent's value, `unknown`
     * leaves them null (for a food whose only source is a label).
     */
    otherNutrients: z.enum(['parent', 'unknown']).default('parent'),
    /** Household measures; omitted = the parent's WEIGHT.txt measures. */
    measures: z.array(measureSchema).min(1).optional(),
    /**
     * A food made by one of Villi's own recipes (its slug in seeds/recipes/): its allergens and
     * diet groups are the union of that recipe's ingredients' tags, computed at seed time
     * (lib/recipes/recipe-made-foods.ts), never the description rules. The parent still gives
     * the nutrients, as the recipe's `strained` food does.
     */
    recipe: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'recipe is a recipe slug (kebab-case)')
      .optional(),
  })
  .strict();

export const derivedFoodsFileSchema = z
  .object({ foods: z.array(derivedFoodSchema) })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.foods.forEach((f, i) => {
      if (seen.has(f.ndb))
        ctx.addIssue({
          code: 'custom',
          path: ['foods', i, 'ndb'],
          message: `duplicate ${f.ndb}`,
        });
      seen.add(f.ndb);
      f.measures?.forEach((m, j) => {
        if (f.measures?.findIndex((x) => x.label === m.label) !== j)
          ctx.addIssue({
            code: 'custom',
            path: ['foods', i, 'measures', j, 'label'],
            message: `duplicate measure "${m.label}"`,
          });
      });
    });
  });

export type DerivedFoodInput = z.infer<typeof derivedFoodSchema>;

/**
 * Validates the derived-food file. Throws an Error naming the file and the path of every bad
 * field, e.g. `seeds/derived-foods.json: foods.2.nutrientChanges.sodiumMg: …`.
 */
export function parseDerivedFoods(json: unknown, fileName = 'seeds/derived-foods.json') {
  const parsed = derivedFoodsFileSchema.safeParse(json);
  if (parsed.success) return parsed.data.foods;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new Error(`${fileName}: ${problems.join('; ')}`);
}

/** Rounds away floating-point noise from a factor (0.1 + 0.2 stays 0.3). */
const tidy = (n: number) => Math.round(n * 1e6) / 1e6;

function deriveNutrients(
  parent: Record<NutrientKey, number | null>,
  food: DerivedFoodInput,
): Record<NutrientKey, number | null> {
  return Object.fromEntries(
    NUTRIENT_KEYS.map((key) => {
      const change = food.nutrientChanges[key];
      const base = parent[key];
      if (change === undefined) return [key, food.otherNutrients === 'parent' ? base : null];
      if (change === null || typeof change === 'number') return [key, change];
      return [key, base === null ? null : tidy(base * change.factor)];
    }),
  ) as Record<NutrientKey, number | null>;
}

/**
 * Adds the derived foods to the parsed SR21 list. Pure: each derived food copies its parent
 * (group, refuse, measures unless it gives its own) and applies its nutrient changes; the SR21
 * foods come back unchanged, first and in order. Throws when a parent is missing or an NDB is
 * already taken, naming the derived food.
 */
export function applyDerivedFoods(sr21: UsdaFood[], derived: DerivedFoodInput[]): UsdaFood[] {
  const byNdb = new Map(sr21.map((f) => [f.ndb, f]));
  const added = derived.map((d): UsdaFood => {
    const parent = byNdb.get(d.parent);
    if (!parent) throw new Error(`derived food ${d.ndb}: unknown parent ${d.parent}`);
    if (parent.derived) throw new Error(`derived food ${d.ndb}: parent ${d.parent} is derived`);
    if (byNdb.has(d.ndb)) throw new Error(`derived food ${d.ndb}: NDB number already in use`);
    const measures: Measure[] = d.measures
      ? d.measures.map((m, i) => ({ seq: i + 1, ...m }))
      : parent.measures.map((m) => ({ ...m }));
    const food: UsdaFood = {
      ndb: d.ndb,
      groupCode: d.groupCode ?? parent.groupCode,
      longDesc: d.longDesc,
      shortDesc: d.shortDesc ?? d.longDesc.toUpperCase(),
      commonNames: d.commonNames ?? '',
      manufacturer: '',
      sciName: parent.sciName,
      refusePct: d.refusePct ?? parent.refusePct,
      nutrients: deriveNutrients(parent.nutrients, d),
      measures,
      derived: {
        parent: parent.ndb,
        derivation: d.derivation,
        ...(d.recipe ? { recipe: d.recipe } : {}),
      },
    };
    byNdb.set(d.ndb, food);
    return food;
  });
  return [...sr21, ...added];
}
