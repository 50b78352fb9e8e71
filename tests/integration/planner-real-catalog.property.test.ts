import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { loadPlannerRecipes } from '@/db/queries/planner-recipes';
import { listProtocols } from '@/db/queries/protocols';
import { ALLERGEN_CODES } from '@/lib/foods/codes';
import { generatePlan, regeneratePlan } from '@/lib/planner/generate-plan';
import { createRng } from '@/lib/planner/rng';
import { applySwap, rankAlternatives } from '@/lib/planner/swap';
import type { PlannerInput, PlannerRecipe, WeekPlan } from '@/lib/planner/types';
import { buildRestriction } from '@/lib/protocols/build-restriction';
import type { Protocol } from '@/lib/protocols/schema';
import { findViolations } from '@/lib/restrictions/violations';
import { useFreshDatabase } from '../support/db';

let recipes: PlannerRecipe[];
let protocols: Protocol[];

beforeAll(async () => {
  await useFreshDatabase();
  recipes = await loadPlannerRecipes(getDb());
  protocols = await listProtocols(getDb());
});

const AVOIDABLE = [
  'nightshade',
  'legume',
  'pork',
  'red-meat',
  'poultry',
  'coffee',
  'high-fodmap',
  'organ-meat',
];

const profileArb = fc.record({
  protocolIndex: fc.nat(),
  phaseIndex: fc.nat(),
  dietIndex: fc.nat(),
  allergens: fc.subarray([...ALLERGEN_CODES], { maxLength: 3 }),
  avoid: fc.subarray(AVOIDABLE, { maxLength: 2 }),
  householdSize: fc.integer({ min: 1, max: 5 }),
  energyKcal: fc.integer({ min: 1400, max: 3200 }),
  leftovers: fc.boolean(),
  weekday: fc.constantFrom(20, 30, 45, 60),
  seed: fc.nat({ max: 2 ** 31 - 1 }),
});

/** Every ingredient of every meal, checked against the profile's rules without the planner's help. */
function excludedFoods(plan: WeekPlan, input: PlannerInput): string[] {
  const bySlug = new Map(input.recipes.map((r) => [r.slug, r]));
  return plan.days.flatMap((d) =>
    d.meals.flatMap((m) =>
      (bySlug.get(m.recipeSlug)?.ingredients ?? []).flatMap((food) =>
        findViolations(food, input.restriction).map(
          (v) => `${m.id} ${m.recipeSlug}: ${v.foodName} (${v.reason})`,
        ),
      ),
    ),
  );
}

describe('the catalog as the planner loads it', () => {
  it('derives each recipe’s main protein from its foods, none under 5 g or for a strained broth', () => {
    const bySlug = new Map(recipes.map((r) => [r.slug, r]));
    expect(bySlug.get('salmon-nicoise-salad')?.mainProtein).toBe('salmon');
    // apples give 0.7 g a serving: no main protein
    expect(bySlug.get('baked-cinnamon-apple-chips')?.mainProtein).toBeNull();
    expect(bySlug.get('chicken-bone-broth')?.mainProtein).toBeNull();
    // a species or cut, finer than the allergy concept: tofu and tempeh are both soy
    expect(bySlug.get('greek-lemon-oregano-tempeh-sheet-pan')?.mainProtein).toBe('tempeh');
    expect(bySlug.get('baked-tofu-with-roasted-roots-and-chimichurri')?.mainProtein).toBe('tofu');
    expect(bySlug.get('beef-and-carrot-cottage-pie-with-cheddar-mash')?.mainProtein).toBe(
      'ground beef',
    );
    expect(bySlug.get('ginger-beef-pho-zucchini-noodles')?.mainProtein).toBe('sirloin steak');
    const counted = recipes.filter((r) => r.mainProtein).length;
    expect(counted / recipes.length).toBeGreaterThan(0.8);
  });
});

describe('planner on the real catalog and real protocols', () => {
  it('never plans, swaps in or regenerates an excluded food; answers every profile with a full week or a diagnosis', () => {
    let feasible = 0;
    fc.assert(
      fc.property(profileArb, (p) => {
        const kind = protocols.filter((x) => x.kind === 'protocol');
        const diets = protocols.filter((x) => x.kind === 'diet');
        const protocol = kind[p.protocolIndex % kind.length]!;
        const phase = protocol.phases[p.phaseIndex % protocol.phases.length]!;
        const diet = diets[p.dietIndex % diets.length]!;
        const built = buildRestriction({
          protocols,
          protocolId: protocol.id,
          phaseId: phase.id,
          diet: diet.id,
          allergens: p.allergens,
          avoid: p.avoid,
          dislikes: [],
        });
        if (!built.ok) throw new Error(built.message);
        const input: PlannerInput = {
          profile: {
            householdSize: p.householdSize,
            slots: ['breakfast', 'lunch', 'dinner', 'snack'],
            energyKcal: p.energyKcal,
            proteinG: Math.round((p.energyKcal * 0.15) / 4),
            fiberG: Math.round((p.energyKcal / 1000) * 14),
            maxMinutes: { weekday: p.weekday, weekend: 90 },
            leftovers: p.leftovers,
            carbsPerMealG: null,
          },
          restriction: built.restriction,
          recipes,
          weekStart: '2026-11-30',
        };
        const result = generatePlan(input, createRng(p.seed));
        if (!result.ok) {
          expect(
            result.diagnosis.slots.length + result.diagnosis.suggestions.length,
          ).toBeGreaterThan(0);
          return;
        }
        feasible++;
        expect(result.plan.days).toHaveLength(7);
        for (const day of result.plan.days) expect(day.meals).toHaveLength(4);
        expect(excludedFoods(result.plan, input)).toEqual([]);

        const meal = result.plan.days[p.seed % 7]!.meals[p.seed % 4]!;
        const alternative = rankAlternatives(input, result.plan, meal.id, 3)[0];
        if (alternative) {
          const swapped = applySwap(input, result.plan, meal.id, alternative.recipeSlug);
          expect(swapped.ok).toBe(true);
          if (swapped.ok) expect(excludedFoods(swapped.plan, input)).toEqual([]);
        }
        const regenerated = regeneratePlan(
          input,
          result.plan,
          { scope: 'week' },
          createRng(p.seed + 1),
        );
        if (regenerated.ok) expect(excludedFoods(regenerated.plan, input)).toEqual([]);
      }),
      { numRuns: 300, seed: 20261125 },
    );
    // The generator must reach real plans, not only diagnoses.
    expect(feasible).toBeGreaterThan(50);
  }, 600_000);
});
