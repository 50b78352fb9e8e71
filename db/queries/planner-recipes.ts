import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { MEAL_TYPES } from '../../lib/foods/codes';
import { tagSubgroupsColumn } from '../../lib/foods/columns';
import { TRACKED_MICRONUTRIENTS } from '../../lib/nutrition/nutrient-model';
import type { PlannerExtraNutrient, PlannerRecipe } from '../../lib/planner/types';
import {
  mealTypesColumn,
  nutritionColumn,
  nutritionUnknownColumn,
} from '../../lib/recipes/columns';
import { mainProteinOf } from '../../lib/recipes/main-protein';
import type { TagRef } from '../../lib/restrictions/types';
import { namesOf, proteinKindOf } from '../../lib/shopping/food-names';
import type { Db } from '../client';
import { loadReferenceData } from './reference-data';

/** recipes.meal_types as the planner's meal types. */
export const plannerMealTypesColumn = mealTypesColumn.pipe(z.array(z.enum(MEAL_TYPES)));

/** Per-serving nutrients the planner's nutrient rules read (lib/planner/nutrition.ts). */
const EXTRA_NUTRIENTS: readonly PlannerExtraNutrient[] = [
  'sodiumMg',
  'retinolUg',
  'saturatedFatG',
  'fatG',
  ...TRACKED_MICRONUTRIENTS,
];

/**
 * Loaded catalogs by database handle, with the seed hash they were read at: the catalog only
 * changes when the database is re-seeded. A transaction's handle simply misses.
 */
const cache = new WeakMap<object, { seedHash: string; recipes: PlannerRecipe[] }>();

async function seedHashOf(db: Db): Promise<string> {
  const { seedMeta } = db.t;
  const [row] = await db.orm
    .select({ value: seedMeta.value })
    .from(seedMeta)
    .where(eq(seedMeta.key, 'seed-hash'))
    .limit(1);
  return row?.value ?? '';
}

/** Every recipe as the planner sees it, with each distinct ingredient's tags. */
export async function loadPlannerRecipes(db: Db): Promise<PlannerRecipe[]> {
  const seedHash = await seedHashOf(db);
  const cached = cache.get(db.cacheKey);
  if (cached?.seedHash === seedHash) return cached.recipes;

  const { recipes: r, recipeIngredients: i, foods: f, foodTags: t } = db.t;
  const rows = await db.orm
    .select({
      slug: r.slug,
      name: r.name,
      mealTypes: r.mealTypes,
      servings: r.servings,
      prepMinutes: r.prepMinutes,
      cookMinutes: r.cookMinutes,
      activeMinutes: r.activeMinutes,
      passiveMinutes: r.passiveMinutes,
      assembly: r.assembly,
      leftoverDays: r.leftoverDays,
      freezes: r.freezes,
      light: r.light,
      nutrition: r.nutritionPerServing,
      unknown: r.nutritionUnknown,
      fructoseG: r.fructoseG,
      treat: r.treat,
      inflammationScore: r.inflammationScore,
      nutritionFrom: r.nutritionFrom,
    })
    .from(r);
  // The planner's seeded choices depend on this order: byte order of the slugs, whatever the
  // database's collation, so one seed plans the same week on either engine.
  rows.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  // Summed here rather than in SQL, so both engines add the same lines in the same order.
  const lines = await db.orm
    .select({
      slug: i.recipeSlug,
      ndb: i.ndb,
      grams: i.grams,
      name: f.name,
      longDesc: f.longDesc,
      groupCode: f.groupCode,
      proteinPer100g: f.proteinG,
    })
    .from(i)
    .innerJoin(f, eq(f.ndb, i.ndb))
    .orderBy(asc(i.recipeSlug), asc(i.ndb), asc(i.position));
  const tagRows = await db.orm
    .select({
      ndb: t.ndb,
      kind: t.kind,
      code: t.code,
      certainty: t.certainty,
      greenMaxG: t.greenMaxG,
      subgroupsAbove: t.subgroupsAbove,
    })
    .from(t)
    .where(inArray(t.ndb, db.orm.selectDistinct({ ndb: i.ndb }).from(i)))
    .orderBy(asc(t.ndb), asc(t.kind), asc(t.code));
  const tagsByNdb = new Map<string, { allergens: TagRef[]; tags: TagRef[] }>();
  for (const t of tagRows) {
    const entry = tagsByNdb.get(t.ndb) ?? { allergens: [], tags: [] };
    const subgroups = tagSubgroupsColumn.parse(t.subgroupsAbove);
    (t.kind === 'allergen' ? entry.allergens : entry.tags).push({
      code: t.code,
      certainty: t.certainty,
      // FODMAP doses: the planner caps grams per person per meal at the green serve
      ...(t.greenMaxG !== null ? { greenMaxG: t.greenMaxG } : {}),
      ...(subgroups !== null ? { subgroupsAbove: subgroups } : {}),
    });
    tagsByNdb.set(t.ndb, entry);
  }
  // Grams of each distinct food per recipe (a food on two lines is one ingredient).
  type FoodGrams = Map<
    string,
    {
      name: string;
      longDesc: string;
      groupCode: string;
      proteinPer100g: number | null;
      grams: number;
    }
  >;
  const gramsBySlug = new Map<string, FoodGrams>();
  for (const line of lines) {
    const foods: FoodGrams = gramsBySlug.get(line.slug) ?? new Map();
    const food = foods.get(line.ndb) ?? {
      name: line.name,
      longDesc: line.longDesc,
      groupCode: line.groupCode,
      proteinPer100g: line.proteinPer100g,
      grams: 0,
    };
    food.grams += line.grams;
    foods.set(line.ndb, food);
    gramsBySlug.set(line.slug, foods);
  }
  const { foodNames } = await loadReferenceData(db);
  /** Concept, else shopping name: what makes two foods one kind (seeds/food-names.json). */
  const kindOf = (ndb: string, longDesc: string): string => {
    const names = namesOf(foodNames, ndb, longDesc);
    return names.concept ?? names.shopping;
  };
  const ingredientsOf = (slug: string, servings: number): PlannerRecipe['ingredients'] =>
    [...(gramsBySlug.get(slug)?.entries() ?? [])].map(([ndb, food]) => {
      const tags = tagsByNdb.get(ndb) ?? { allergens: [], tags: [] };
      return {
        ndb,
        name: food.name,
        allergens: tags.allergens,
        tags: tags.tags,
        gramsPerServing: food.grams / servings,
        foodGroup: food.groupCode,
        kind: kindOf(ndb, food.longDesc),
      };
    });
  // A strained broth's solids are discarded: it is no serving of its bones or vegetables.
  const mainProtein = (slug: string, servings: number, strained: boolean): string | null =>
    strained
      ? null
      : mainProteinOf(
          [...(gramsBySlug.get(slug)?.entries() ?? [])].map(([ndb, food]) => ({
            kind: proteinKindOf(namesOf(foodNames, ndb, food.longDesc)),
            proteinG:
              food.proteinPer100g === null
                ? null
                : (food.proteinPer100g * food.grams) / 100 / servings,
          })),
        );
  const recipes = rows.map((r): PlannerRecipe => {
    const n = nutritionColumn.parse(r.nutrition);
    const unknown = nutritionUnknownColumn.parse(r.unknown);
    // A nutrient no ingredient reports is left out (unknown); the planner never plans such a
    // recipe under a cap on it and counts known sums only as lower bounds for floors.
    const extra: Partial<Record<PlannerExtraNutrient, number>> = {};
    const extraUnknown: Partial<Record<PlannerExtraNutrient, number>> = {};
    for (const key of EXTRA_NUTRIENTS) {
      const v = n[key];
      if (v !== null && v !== undefined) extra[key] = v;
      extraUnknown[key] = unknown[key] ?? (v === null || v === undefined ? 1 : 0);
    }
    return {
      slug: r.slug,
      name: r.name,
      mealTypes: plannerMealTypesColumn.parse(r.mealTypes),
      servings: r.servings,
      prepMinutes: r.prepMinutes,
      cookMinutes: r.cookMinutes,
      activeMinutes: r.activeMinutes,
      passiveMinutes: r.passiveMinutes,
      assembly: r.assembly,
      mainProtein: mainProtein(r.slug, r.servings, r.nutritionFrom !== null),
      leftoverDays: r.leftoverDays,
      freezes: r.freezes,
      light: r.light,
      // Sums of the known values: with `unknownNutrients` they are lower bounds, never "0 = none".
      // The planner reads them as floors and refuses recipes whose unknowns meet a limit.
      perServing: {
        energyKcal: n.energyKcal ?? 0,
        proteinG: n.proteinG ?? 0,
        fiberG: n.fiberG ?? 0,
        carbsG: n.carbsG ?? 0,
        ...extra,
      },
      unknownNutrients: {
        ...extraUnknown,
        energyKcal: unknown.energyKcal ?? 0,
        proteinG: unknown.proteinG ?? 0,
        fiberG: unknown.fiberG ?? 0,
        carbsG: unknown.carbsG ?? 0,
      },
      fructoseG: r.fructoseG,
      treat: r.treat,
      ingredients: ingredientsOf(r.slug, r.servings),
      inflammationScore: r.inflammationScore,
    };
  });
  cache.set(db.cacheKey, { seedHash, recipes });
  return recipes;
}
