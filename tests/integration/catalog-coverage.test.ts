import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { loadPlannerRecipes } from '@/db/queries/planner-recipes';
import { listProtocols } from '@/db/queries/protocols';
import { portionFits } from '@/lib/fodmap/load';
import { ALLERGEN_CODES, MEAL_TYPES, type MealType } from '@/lib/foods/codes';
import { recipeMaxPortion } from '@/lib/planner/model';
import { PORTIONS } from '@/lib/planner/score';
import type { PlannerRecipe } from '@/lib/planner/types';
import { buildRestriction, impossibleDietFor } from '@/lib/protocols/build-restriction';
import type { Protocol } from '@/lib/protocols/schema';
import { findRecipeViolations } from '@/lib/restrictions/recipe-violations';
import type { Restriction } from '@/lib/restrictions/types';
import { loadProtocols } from '@/seeds/protocols/load';
import { useFreshDatabase } from '../support/db';

let recipes: PlannerRecipe[];
let protocols: Protocol[];

beforeAll(async () => {
  await useFreshDatabase();
  recipes = await loadPlannerRecipes(getDb());
  protocols = await listProtocols(getDb());
});

type Combo = { protocol: string; diet?: string; allergens?: string[]; avoid?: string[] };

/** Compliant recipes per meal type, checked ingredient by ingredient with the real rules. */
function countCompliant(combo: Combo): Record<MealType, number> {
  const built = buildRestriction({
    protocols,
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

/** The seed files, read when the test file is collected, to name one test per cell. */
const seeded = loadProtocols();
const PROTOCOL_IDS = seeded.filter((p) => p.kind === 'protocol').map((p) => p.id);
const DIET_IDS = seeded.filter((p) => p.kind === 'diet').map((p) => p.id);
const CELLS = PROTOCOL_IDS.flatMap((protocol) => DIET_IDS.map((diet) => [protocol, diet] as const));

/** A quick week: time to the table (prep + cook) of every recipe, minutes. */
const QUICK_MINUTES = 30;
const QUICK = { breakfast: 6, lunch: 8, dinner: 8, snack: 6 } satisfies Record<MealType, number>;

function eliminationFor(protocol: string, diet: string): Restriction {
  const built = buildRestriction({
    protocols,
    protocolId: protocol,
    phaseId: 'elimination',
    diet,
    allergens: [],
    avoid: [],
    dislikes: [],
  });
  if (!built.ok) throw new Error(built.message);
  return built.restriction;
}

/**
 * Whether the planner can use `r` under `restriction` in a quick week: every ingredient complies,
 * a treat is not left out by the phase (Whole30's pancake rule), the time to the table is within
 * QUICK_MINUTES, sodium and retinol are known (the daily caps need them), and in a dose-aware
 * phase (low-FODMAP) some planned portion stays within the green serves.
 */
function fitsQuick(r: PlannerRecipe, restriction: Restriction): boolean {
  return (
    r.prepMinutes + r.cookMinutes <= QUICK_MINUTES &&
    !(r.treat && restriction.excludeTreats) &&
    (r.unknownNutrients?.sodiumMg ?? 0) === 0 &&
    (r.unknownNutrients?.retinolUg ?? 0) === 0 &&
    findRecipeViolations(r.ingredients, restriction).length === 0 &&
    (!restriction.fodmapDoses || PORTIONS.some((f) => portionFits(f, recipeMaxPortion(r))))
  );
}

describe('quick weeks: every elimination phase with every diet, ≤ 30 minutes to the table', () => {
  it('covers every protocol and diet in the database', () => {
    expect(protocols.map((p) => p.id).sort()).toEqual(seeded.map((p) => p.id).sort());
  });

  it.each(CELLS)(
    `%s elimination, %s: ≥${QUICK.breakfast} breakfasts, ${QUICK.lunch} lunches, ${QUICK.dinner} dinners, ${QUICK.snack} snacks, or declared impossible`,
    (protocolId, diet) => {
      const protocol = protocols.find((p) => p.id === protocolId)!;
      const restriction = eliminationFor(protocolId, diet);
      const fitting = recipes.filter((r) => fitsQuick(r, restriction));
      const declared = impossibleDietFor(protocol, 'elimination', diet);
      if (declared) {
        // Declared in the protocol's data, with plain words the profile gets instead of a plan.
        expect(declared.reason.length, `${protocolId} ${diet}`).toBeGreaterThan(40);
        expect(restriction.impossible?.reason).toContain(declared.reason);
        // …and the catalog agrees: no full main meal fits, at any cooking time.
        const mains = recipes.filter(
          (r) =>
            !r.light &&
            r.mealTypes.some((m) => m === 'lunch' || m === 'dinner') &&
            findRecipeViolations(r.ingredients, restriction).length === 0,
        );
        expect(
          mains.map((r) => r.slug),
          `${protocolId} ${diet}`,
        ).toEqual([]);
        return;
      }
      expect(restriction.impossible).toBeUndefined();
      const counts = Object.fromEntries(
        MEAL_TYPES.map((m) => [m, fitting.filter((r) => r.mealTypes.includes(m)).length]),
      );
      const short = MEAL_TYPES.filter((m) => (counts[m] ?? 0) < QUICK[m]).map(
        (m) => `${m} ${counts[m]} of ${QUICK[m]}`,
      );
      expect(short, `${protocolId} elimination, ${diet}, ≤ ${QUICK_MINUTES} min`).toEqual([]);
    },
  );
});
