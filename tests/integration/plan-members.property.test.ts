import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { loadPlannerRecipes } from '@/db/queries/planner-recipes';
import { listProtocols } from '@/db/queries/protocols';
import { ALLERGEN_CODES, type MealType } from '@/lib/foods/codes';
import { generatePlan } from '@/lib/planner/generate-plan';
import { householdProfile, memberPortions } from '@/lib/planner/household';
import { createRng } from '@/lib/planner/rng';
import type { PlannerProfile, PlannerRecipe } from '@/lib/planner/types';
import { buildRestriction } from '@/lib/protocols/build-restriction';
import type { Protocol } from '@/lib/protocols/schema';
import type { Restriction } from '@/lib/restrictions/types';
import { unionRestrictions } from '@/lib/restrictions/union';
import { findViolations } from '@/lib/restrictions/violations';
import { useFreshDatabase } from '../support/db';

const WEEK = '2026-11-30';
/** Light search: the property is about every meal following both members, not the plan's quality. */
const EFFORT = { effort: 0.05 } as const;

const PHASES = [
  ['aip', 'elimination'],
  ['aip', 'reintroduction-2'],
  ['gut-reset', 'elimination'],
  ['whole30', 'elimination'],
  ['low-fodmap', 'elimination'],
  ['six-food', 'elimination'],
] as const;

const SLOT_SETS: MealType[][] = [
  ['breakfast', 'lunch', 'dinner'],
  ['breakfast', 'lunch', 'dinner', 'snack'],
  ['lunch', 'dinner'],
  ['dinner'],
];

let recipes: PlannerRecipe[];
let protocols: Protocol[];

beforeAll(async () => {
  await useFreshDatabase();
  recipes = await loadPlannerRecipes(getDb());
  protocols = await listProtocols(getDb());
});

const memberArb = fc.record({
  phase: fc.constantFrom(...PHASES),
  diet: fc.constantFrom('omnivore', 'omnivore', 'pescatarian', 'vegetarian'),
  allergens: fc.uniqueArray(fc.constantFrom(...ALLERGEN_CODES), { maxLength: 2 }),
  energyKcal: fc.integer({ min: 1200, max: 3200 }),
  slots: fc.constantFrom(...SLOT_SETS),
  weekday: fc.constantFrom(30, 45, 60, 90),
  leftovers: fc.boolean(),
});
type MemberCase = typeof memberArb extends fc.Arbitrary<infer T> ? T : never;

function restrictionOf(m: MemberCase): Restriction {
  const built = buildRestriction({
    protocols,
    protocolId: m.phase[0],
    phaseId: m.phase[1],
    diet: m.diet,
    allergens: m.allergens,
    avoid: [],
    dislikes: [],
  });
  if (!built.ok) throw new Error(built.message);
  return built.restriction;
}

function profileOf(m: MemberCase): PlannerProfile {
  return {
    householdSize: 1,
    slots: m.slots,
    energyKcal: m.energyKcal,
    proteinG: Math.round(m.energyKcal / 30),
    fiberG: 25,
    maxMinutes: { weekday: m.weekday, weekend: 120 },
    leftovers: m.leftovers,
    carbsPerMealG: null,
  };
}

describe('plans shared by two members on the real catalog', () => {
  it("every meal follows both members' restrictions (300 runs)", () => {
    let planned = 0;
    fc.assert(
      fc.property(memberArb, memberArb, fc.nat({ max: 2 ** 31 - 1 }), (a, b, seed) => {
        const ra = restrictionOf(a);
        const rb = restrictionOf(b);
        const portions = memberPortions([a.energyKcal, b.energyKcal]);
        const profile = householdProfile([
          { profile: profileOf(a), portion: portions[0]! },
          { profile: profileOf(b), portion: portions[1]! },
        ]);
        if (!profile) {
          // they share no slot
          expect(a.slots.some((s) => b.slots.includes(s))).toBe(false);
          return;
        }
        const restriction = unionRestrictions([
          { name: 'A', restriction: ra, portion: portions[0]! },
          { name: 'B', restriction: rb, portion: portions[1]! },
        ]);
        if (restriction.impossible) return;
        const result = generatePlan(
          { profile, restriction, recipes, weekStart: WEEK },
          createRng(seed),
          EFFORT,
        );
        if (!result.ok) return;
        planned++;
        const bySlug = new Map(recipes.map((r) => [r.slug, r]));
        for (const meal of result.plan.days.flatMap((d) => d.meals)) {
          expect(a.slots).toContain(meal.slot);
          expect(b.slots).toContain(meal.slot);
          const recipe = bySlug.get(meal.recipeSlug);
          if (!recipe) throw new Error(`unknown recipe ${meal.recipeSlug}`);
          if (ra.excludeTreats || rb.excludeTreats) expect(recipe.treat ?? false).toBe(false);
          for (const food of recipe.ingredients) {
            expect(findViolations(food, ra), `${meal.id} ${food.name} for A`).toEqual([]);
            expect(findViolations(food, rb), `${meal.id} ${food.name} for B`).toEqual([]);
          }
        }
      }),
      { numRuns: 300, seed: 20261206 },
    );
    // the property is only worth something if many pairs got a plan
    expect(planned).toBeGreaterThan(60);
  });
});
