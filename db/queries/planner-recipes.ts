import 'server-only';
import type { Certainty, MealType } from '../../lib/foods/codes';
import { TRACKED_MICRONUTRIENTS } from '../../lib/nutrition/nutrient-model';
import type { PlannerExtraNutrient, PlannerRecipe } from '../../lib/planner/types';
import type { TagRef } from '../../lib/restrictions/types';
import type { Db } from '../client';

/** Per-serving nutrients the planner's nutrient rules read (lib/planner/nutrition.ts). */
const EXTRA_NUTRIENTS: readonly PlannerExtraNutrient[] = [
  'sodiumMg',
  'retinolUg',
  'saturatedFatG',
  'fatG',
  ...TRACKED_MICRONUTRIENTS,
];

const cache = globalThis as unknown as {
  villiPlannerRecipes?: { key: string; recipes: PlannerRecipe[] };
};

/**
 * Every recipe as the planner sees it, with each distinct ingredient's tags. Cached per seed:
 * the catalog only changes when the database is re-seeded.
 */
export function loadPlannerRecipes(db: Db): PlannerRecipe[] {
  const seed = db.$client.prepare("SELECT value FROM seed_meta WHERE key = 'seed-hash'").get() as
    | { value: string }
    | undefined;
  const key = `${db.$client.name}:${seed?.value ?? ''}`;
  if (cache.villiPlannerRecipes?.key === key) return cache.villiPlannerRecipes.recipes;

  const rows = db.$client
    .prepare(
      'SELECT slug, name, meal_types, servings, prep_minutes, cook_minutes, leftover_days, light, nutrition_per_serving, nutrition_unknown, fructose_g, treat, inflammation_score FROM recipes ORDER BY slug',
    )
    .all() as {
    slug: string;
    name: string;
    meal_types: string;
    servings: number;
    prep_minutes: number;
    cook_minutes: number;
    leftover_days: number;
    light: number;
    nutrition_per_serving: string;
    nutrition_unknown: string;
    fructose_g: number | null;
    treat: number;
    inflammation_score: number;
  }[];
  const ingredientRows = db.$client
    .prepare(
      `SELECT i.recipe_slug AS slug, i.ndb, f.name, sum(i.grams) / r.servings AS grams_per_serving
       FROM recipe_ingredients i JOIN foods f ON f.ndb = i.ndb JOIN recipes r ON r.slug = i.recipe_slug
       GROUP BY i.recipe_slug, i.ndb ORDER BY i.recipe_slug, i.ndb`,
    )
    .all() as { slug: string; ndb: string; name: string; grams_per_serving: number }[];
  const tagRows = db.$client
    .prepare(
      `SELECT t.ndb, t.kind, t.code, t.certainty, t.green_max_g, t.subgroups_above FROM food_tags t WHERE t.ndb IN (SELECT DISTINCT ndb FROM recipe_ingredients)`,
    )
    .all() as {
    ndb: string;
    kind: 'allergen' | 'group';
    code: string;
    certainty: Certainty;
    green_max_g: number | null;
    subgroups_above: string | null;
  }[];
  const tagsByNdb = new Map<string, { allergens: TagRef[]; tags: TagRef[] }>();
  for (const t of tagRows) {
    const entry = tagsByNdb.get(t.ndb) ?? { allergens: [], tags: [] };
    (t.kind === 'allergen' ? entry.allergens : entry.tags).push({
      code: t.code,
      certainty: t.certainty,
      // FODMAP doses: the planner caps grams per person per meal at the green serve
      ...(t.green_max_g !== null ? { greenMaxG: t.green_max_g } : {}),
      ...(t.subgroups_above !== null
        ? { subgroupsAbove: JSON.parse(t.subgroups_above) as string[] }
        : {}),
    });
    tagsByNdb.set(t.ndb, entry);
  }
  const ingredientsBySlug = new Map<string, PlannerRecipe['ingredients']>();
  for (const i of ingredientRows) {
    const list = ingredientsBySlug.get(i.slug) ?? [];
    const tags = tagsByNdb.get(i.ndb) ?? { allergens: [], tags: [] };
    list.push({
      ndb: i.ndb,
      name: i.name,
      allergens: tags.allergens,
      tags: tags.tags,
      gramsPerServing: i.grams_per_serving,
    });
    ingredientsBySlug.set(i.slug, list);
  }
  const recipes = rows.map((r): PlannerRecipe => {
    const n = JSON.parse(r.nutrition_per_serving) as Record<string, number | null>;
    const unknown = JSON.parse(r.nutrition_unknown) as Record<string, number>;
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
      mealTypes: JSON.parse(r.meal_types) as MealType[],
      servings: r.servings,
      prepMinutes: r.prep_minutes,
      cookMinutes: r.cook_minutes,
      leftoverDays: r.leftover_days,
      light: r.light === 1,
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
      fructoseG: r.fructose_g,
      treat: r.treat === 1,
      ingredients: ingredientsBySlug.get(r.slug) ?? [],
      inflammationScore: r.inflammation_score,
    };
  });
  cache.villiPlannerRecipes = { key, recipes };
  return recipes;
}
