import type { Tables } from '../../db/client';
import {
  type DoseIngredient,
  foodsOverLimit,
  maxPortionOf,
  portionFits,
} from '../../lib/fodmap/load';
import { PORTIONS } from '../../lib/planner/score';
import { restrictionForPhase } from '../../lib/protocols/build-restriction';
import type { DerivationFood } from '../../lib/recipes/derive';
import { fructoseByNdb, fructosePerServing } from '../../lib/recipes/fructose';
import { ingredientLimitBreaches } from '../../lib/restrictions/ingredient-limits';
import {
  findRecipeViolations,
  summarizeViolations,
  type ViolationSummary,
} from '../../lib/restrictions/recipe-violations';
import type { TaggedFoodRef } from '../../lib/restrictions/types';
import { loadFructoseTable } from '../nutrition/load';
import type { Catalog } from './catalog';

export type RecipeFtsRow = {
  slug: string;
  name: string;
  description: string;
  ingredients: string;
};

export type RecipeRows = {
  recipes: Tables['recipes']['$inferInsert'][];
  ingredients: Tables['recipeIngredients']['$inferInsert'][];
  tags: Tables['recipeTags']['$inferInsert'][];
  compliance: Tables['recipeCompliance']['$inferInsert'][];
  fts: RecipeFtsRow[];
};

function toRef(food: DerivationFood): TaggedFoodRef {
  return {
    ndb: food.ndb,
    name: food.name,
    allergens: food.tagging.allergens.map((t) => ({ code: t.code, certainty: t.certainty })),
    tags: food.tagging.tags.map((t) => ({
      code: t.code,
      certainty: t.certainty,
      ...(t.greenMaxG !== undefined ? { greenMaxG: t.greenMaxG } : {}),
      ...(t.subgroupsAbove ? { subgroupsAbove: t.subgroupsAbove } : {}),
    })),
  };
}

/**
 * Dose-aware phases: the largest servings per person that keep every food within its green serve
 * and every subgroup within the stacking limit, and a reason when even the smallest planned
 * portion (PORTIONS[0]) is over.
 */
function fodmapDoseCompliance(
  ingredients: DoseIngredient[],
  foods: Map<string, DerivationFood>,
): { maxPortion: number | null; reason: ViolationSummary | null } {
  const max = maxPortionOf(ingredients);
  if (!Number.isFinite(max)) return { maxPortion: null, reason: null };
  const maxPortion = Math.round(max * 1000) / 1000;
  if (portionFits(PORTIONS[0], max)) return { maxPortion, reason: null };
  const over = foodsOverLimit(ingredients, PORTIONS[0]);
  return {
    maxPortion,
    reason: {
      code: 'high-fodmap',
      reason: `over the low-FODMAP serve even at ${PORTIONS[0]} serving per person (up to ${maxPortion} fits)`,
      foods: over.map((ndb) => foods.get(ndb)?.name ?? ndb),
    },
  };
}

/**
 * The rows of every seeded recipe: the recipe with its derived nutrition, fructose and
 * inflammation, its ingredients and tags, whether it fits each protocol phase (and why not),
 * and its search text.
 */
export function recipeRows(catalog: Catalog): RecipeRows {
  const foods = catalog.derivationFoods;
  const fructoseTable = fructoseByNdb(loadFructoseTable());
  const phaseRestrictions = catalog.protocols.flatMap((p) =>
    p.phases.map((ph) => ({
      protocol: p.id,
      phase: ph.id,
      restriction: restrictionForPhase(p, ph),
    })),
  );
  const rows: RecipeRows = { recipes: [], ingredients: [], tags: [], compliance: [], fts: [] };

  for (const { input, derived, hash } of catalog.recipes) {
    const n = derived.nutritionPerServing;
    rows.recipes.push({
      slug: input.slug,
      name: input.name,
      description: input.description,
      mealTypes: input.mealTypes,
      servings: input.servings,
      prepMinutes: input.prepMinutes,
      cookMinutes: input.cookMinutes,
      totalMinutes: input.prepMinutes + input.cookMinutes,
      activeMinutes: input.activeMinutes,
      passiveMinutes: input.passiveMinutes,
      assembly: input.assembly,
      cuisine: input.cuisine,
      light: input.light,
      leftoverDays: input.leftoverDays,
      freezes: input.freezes,
      steps: input.steps,
      nutritionPerServing: n,
      nutritionUnknown: derived.nutritionUnknown,
      nutritionFrom: derived.nutritionFrom,
      fructoseG: derived.nutritionFrom
        ? fructosePerServing(
            [{ ndb: derived.nutritionFrom.ndb, grams: derived.nutritionFrom.gramsPerServing }],
            1,
            foods,
            fructoseTable,
          )
        : fructosePerServing(derived.ingredients, input.servings, foods, fructoseTable),
      treat: input.treat,
      energyKcal: n.energyKcal ?? 0,
      proteinG: n.proteinG ?? 0,
      inflammationClass: derived.inflammation.class,
      inflammationScore: derived.inflammation.score,
      sourceHash: hash,
    });
    derived.ingredients.forEach((ing, i) => {
      rows.ingredients.push({
        recipeSlug: input.slug,
        position: i,
        ndb: ing.ndb,
        grams: ing.grams,
        text: ing.text,
        note: ing.note,
        shopNote: ing.shopNote,
      });
    });
    for (const [kind, list] of [
      ['allergen', derived.allergens],
      ['group', derived.tags],
    ] as const) {
      for (const t of list)
        rows.tags.push({
          recipeSlug: input.slug,
          kind,
          code: t.code,
          certainty: t.certainty,
          causes: t.causes,
        });
    }
    const refs = [...new Set(derived.ingredients.map((i) => i.ndb))].map((ndb) =>
      toRef(foods.get(ndb) as DerivationFood),
    );
    // One serving's lines with their tags: what the FODMAP dose and per-meal limit checks read.
    const servingLines = derived.ingredients.map((ing) => ({
      ndb: ing.ndb,
      name: ing.name,
      gramsPerServing: ing.grams / input.servings,
      tags: toRef(foods.get(ing.ndb) as DerivationFood).tags,
    }));
    for (const { protocol, phase, restriction } of phaseRestrictions) {
      const reasons = summarizeViolations(findRecipeViolations(refs, restriction));
      if (input.treat && restriction.excludeTreats) {
        reasons.push({ code: 'treat', reason: restriction.excludeTreats.reason, foods: [] });
      }
      for (const b of ingredientLimitBreaches(
        servingLines,
        restriction.ingredientLimits ?? [],
        Math.max(...PORTIONS),
      )) {
        reasons.push(b);
      }
      const dose = restriction.fodmapDoses ? fodmapDoseCompliance(servingLines, foods) : null;
      if (dose?.reason) reasons.push(dose.reason);
      rows.compliance.push({
        recipeSlug: input.slug,
        protocol,
        phase,
        ok: reasons.length === 0,
        reasons,
        maxPortion: dose?.maxPortion ?? null,
      });
    }
    rows.fts.push({
      slug: input.slug,
      name: input.name,
      description: input.description,
      ingredients: derived.ingredients.map((i) => i.name).join('; '),
    });
  }
  return rows;
}
