import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { loadPlannerRecipes } from '@/db/queries/planner-recipes';
import { listProtocols } from '@/db/queries/protocols';
import { ALLERGEN_CODES, MEAL_TYPES, type MealType } from '@/lib/foods/codes';
import type { PlannerRecipe } from '@/lib/planner/types';
import { buildRestriction } from '@/lib/protocols/build-restriction';
import { findRecipeViolations } from '@/lib/restrictions/recipe-violations';
import { useFreshDatabase } from '../support/db';

let recipes: PlannerRecipe[];

beforeAll(async () => {
  await useFreshDatabase();
  recipes = loadPlannerRecipes(getDb());
});

type Combo = { protocol: string; diet?: string; allergens?: string[]; avoid?: string[] };

/** Compliant recipes per meal type, checked ingredient by ingredient with the real rules. */
function countCompliant(combo: Combo): Record<MealType, number> {
  const built = buildRestriction({
    protocols: listProtocols(getDb()),
    protocolId: combo.protocol,
    phaseId: 'elimination',
    diet: combo.diet ?? 'omnivore',
    allergens: combo.allergens ?? [],
    avoid: combo.avoid ?? [],
    dislikes: [],
  });
  if (!built.ok) throw new Error(built.message);
  const ok = recipes.filter(
    (r) => findRecipeViolations(r.ingredients, built.restriction).length === 0,
  );
  return Object.fromEntries(
    MEAL_TYPES.map((m) => [m, ok.filter((r) => r.mealTypes.includes(m)).length]),
  ) as Record<MealType, number>;
}

const STRICTEST = { breakfast: 12, lunch: 18, dinner: 18, snack: 10 };
const EIGHT = { breakfast: 8, lunch: 8, dinner: 8, snack: 8 };

describe('catalog coverage (fails when the catalog shrinks)', () => {
  it('has at least 240 recipes', () => {
    expect(recipes.length).toBeGreaterThanOrEqual(240);
  });

  it.each(['aip', 'low-fodmap', 'whole30', 'six-food', 'gut-reset'])(
    '%s elimination: ≥12 breakfasts, 18 lunches, 18 dinners, 10 snacks',
    (protocol) => {
      const counts = countCompliant({ protocol });
      for (const m of MEAL_TYPES)
        expect(counts[m], `${protocol} ${m}`).toBeGreaterThanOrEqual(STRICTEST[m]);
    },
  );

  it.each(ALLERGEN_CODES.map((a) => [a]))(
    'AIP elimination without %s still leaves ≥8 per meal type',
    (allergen) => {
      const counts = countCompliant({ protocol: 'aip', allergens: [allergen] });
      for (const m of MEAL_TYPES)
        expect(counts[m], `aip − ${allergen} ${m}`).toBeGreaterThanOrEqual(EIGHT[m]);
    },
  );

  it('AIP elimination + pescatarian leaves ≥8 per meal type', () => {
    const counts = countCompliant({ protocol: 'aip', diet: 'pescatarian' });
    for (const m of MEAL_TYPES) expect(counts[m], `aip pescatarian ${m}`).toBeGreaterThanOrEqual(8);
  });

  it('vegan + gluten-free leaves ≥8 per meal type', () => {
    const counts = countCompliant({ protocol: 'gut-reset', diet: 'vegan', allergens: ['gluten'] });
    const omnivoreVegan = countCompliant({ protocol: 'gut-reset', diet: 'vegan' });
    // gut-reset already excludes gluten; check the vegan GF set with an explicit gluten allergy too.
    for (const m of MEAL_TYPES) {
      expect(counts[m], `vegan gf ${m}`).toBeGreaterThanOrEqual(8);
      expect(omnivoreVegan[m]).toBeGreaterThanOrEqual(counts[m]);
    }
  });
});
