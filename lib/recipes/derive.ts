import type { Certainty, EvidenceLevel, InflammationClass } from '../foods/codes';
import { classOfScore, weightedInflammation } from '../foods/inflammation';
import { NUTRIENT_KEYS, type NutrientKey } from '../foods/nutrients';
import type { FoodTagging, Measure } from '../foods/types';
import { resolveQuantity } from './resolve-quantity';
import type { RecipeInput } from './schema';

/** What derivation needs to know of each food. */
export type DerivationFood = {
  ndb: string;
  name: string;
  nutrients: Record<NutrientKey, number | null>;
  measures: Measure[];
  tagging: FoodTagging;
};

export type TagCause = { ndb: string; name: string; certainty: Certainty };
export type DerivedTag = { code: string; certainty: Certainty; causes: TagCause[] };

export type DerivedRecipe = {
  /** `note` starts with the shop note, if any; `shopNote` alone is what the shopping list shows. */
  ingredients: {
    ndb: string;
    name: string;
    grams: number;
    text: string;
    note: string | null;
    shopNote: string | null;
  }[];
  /**
   * Per serving, summed over the ingredients that report the nutrient; null where none does.
   * Where `nutritionUnknown[key]` > 0 the value is a lower bound, never an exact amount.
   */
  nutritionPerServing: Record<NutrientKey, number | null>;
  /** Per nutrient: how many ingredient lines have no value for it in SR21 (blank = unknown). */
  nutritionUnknown: Record<NutrientKey, number>;
  /** For a strained broth: the SR21 food whose values are the nutrition (see the schema). */
  nutritionFrom: { ndb: string; name: string; gramsPerServing: number } | null;
  allergens: DerivedTag[];
  tags: DerivedTag[];
  /**
   * `score = Σ_i v_i · g_i / Σ_i g_i` over the ingredients, with `v_i` the ingredient's class value
   * × its evidence weight ({@link weightedInflammation}) and `g_i` its grams; in [−1, 1].
   */
  inflammation: {
    class: InflammationClass;
    score: number;
    causes: { ndb: string; name: string; class: InflammationClass; evidence: EvidenceLevel }[];
  };
};

export type DerivationResult =
  | { ok: true; recipe: DerivedRecipe }
  | { ok: false; errors: string[] };

function mergeTags(
  into: Map<string, DerivedTag>,
  tags: { code: string; certainty: Certainty }[],
  cause: { ndb: string; name: string },
) {
  for (const tag of tags) {
    const existing = into.get(tag.code);
    const entry = { ...cause, certainty: tag.certainty };
    if (!existing) {
      into.set(tag.code, { code: tag.code, certainty: tag.certainty, causes: [entry] });
    } else {
      if (!existing.causes.some((c) => c.ndb === cause.ndb)) existing.causes.push(entry);
      if (tag.certainty === 'contains') existing.certainty = 'contains';
    }
  }
}

/**
 * Derives a recipe's nutrition per serving, allergens, group tags and inflammation from its
 * ingredients. A recipe inherits every tag of every ingredient, with the ingredient that caused it.
 */
export function deriveRecipe(
  recipe: RecipeInput,
  foods: Map<string, DerivationFood>,
): DerivationResult {
  const errors: string[] = [];
  const ingredients: DerivedRecipe['ingredients'] = [];
  const totals = Object.fromEntries(NUTRIENT_KEYS.map((k) => [k, null])) as Record<
    NutrientKey,
    number | null
  >;
  const unknown = Object.fromEntries(NUTRIENT_KEYS.map((k) => [k, 0])) as Record<
    NutrientKey,
    number
  >;
  const allergens = new Map<string, DerivedTag>();
  const tags = new Map<string, DerivedTag>();
  let weighted = 0;
  let totalGrams = 0;
  const inflammationCauses: DerivedRecipe['inflammation']['causes'] = [];

  recipe.ingredients.forEach((ing, i) => {
    const food = foods.get(ing.ndb);
    if (!food) {
      errors.push(`ingredients.${i}.ndb: unknown food ${ing.ndb}`);
      return;
    }
    const q = resolveQuantity(ing, food.measures);
    if (!q.ok) {
      errors.push(`ingredients.${i}: ${q.message}`);
      return;
    }
    ingredients.push({
      ndb: food.ndb,
      name: food.name,
      grams: q.grams,
      text: q.text,
      note: [ing.shopNote, ing.note].filter(Boolean).join('; ') || null,
      shopNote: ing.shopNote ?? null,
    });
    for (const key of NUTRIENT_KEYS) {
      const per100 = food.nutrients[key];
      // A blank SR21 value is unknown: counted, never added as 0.
      if (per100 === null) {
        unknown[key]++;
        continue;
      }
      totals[key] = (totals[key] ?? 0) + (per100 * q.grams) / 100;
    }
    const cause = { ndb: food.ndb, name: food.name };
    mergeTags(allergens, food.tagging.allergens, cause);
    mergeTags(tags, food.tagging.tags, cause);
    const { class: cls, evidence } = food.tagging.inflammation;
    weighted += weightedInflammation(food.tagging.inflammation) * q.grams;
    totalGrams += q.grams;
    if (cls !== 'neutral' && !inflammationCauses.some((c) => c.ndb === food.ndb)) {
      inflammationCauses.push({ ...cause, class: cls, evidence });
    }
  });
  const strainedFood = recipe.strained ? foods.get(recipe.strained.ndb) : undefined;
  if (recipe.strained && !strainedFood) {
    errors.push(`strained.ndb: unknown food ${recipe.strained.ndb}`);
  }
  if (errors.length > 0) return { ok: false, errors };

  let nutritionFrom: DerivedRecipe['nutritionFrom'] = null;
  let servingsOfTotals = recipe.servings;
  if (recipe.strained && strainedFood) {
    // The strained liquid replaces the pot's sum: one "ingredient", one serving's grams.
    const grams = recipe.strained.gramsPerServing;
    nutritionFrom = { ndb: strainedFood.ndb, name: strainedFood.name, gramsPerServing: grams };
    servingsOfTotals = 1;
    for (const key of NUTRIENT_KEYS) {
      const per100 = strainedFood.nutrients[key];
      totals[key] = per100 === null ? null : (per100 * grams) / 100;
      unknown[key] = per100 === null ? 1 : 0;
    }
  }
  const nutritionPerServing = Object.fromEntries(
    NUTRIENT_KEYS.map((k) => {
      const v = totals[k];
      return [k, v === null ? null : Math.round((v / servingsOfTotals) * 100) / 100];
    }),
  ) as Record<NutrientKey, number | null>;
  const score = totalGrams > 0 ? weighted / totalGrams : 0;
  const cls = classOfScore(score);
  const byCode = (a: DerivedTag, b: DerivedTag) => a.code.localeCompare(b.code);
  return {
    ok: true,
    recipe: {
      ingredients,
      nutritionPerServing,
      nutritionUnknown: unknown,
      nutritionFrom,
      allergens: [...allergens.values()].sort(byCode),
      tags: [...tags.values()].sort(byCode),
      inflammation: {
        class: cls,
        score: Math.round(score * 1000) / 1000,
        causes: inflammationCauses,
      },
    },
  };
}
