import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePlan, regeneratePlan } from '@/lib/planner/generate-plan';
import { createRng } from '@/lib/planner/rng';
import { applySwap, rankAlternatives } from '@/lib/planner/swap';
import type { PlannerIngredient, PlannerInput, PlannerRecipe } from '@/lib/planner/types';
import type { Restriction, TagRef } from '@/lib/restrictions/types';
import { findViolations } from '@/lib/restrictions/violations';
import { FAST, PROPERTY_TIMEOUT_MS, profileArb, seedArb, weekStartArb } from './arbitraries';
import { CATALOG, FOODS, RULE_OPTIONS } from './fixtures';
import { doseProblems } from './fodmap-check';

/** Green serves (g) and subgroups for some fixture foods, as the serving table would give them. */
const DOSES: Record<string, { green: number; subgroups: string[] }> = {
  [FOODS.sweetPotato.food.ndb]: { green: 75, subgroups: ['fodmap-mannitol'] },
  [FOODS.broccoli.food.ndb]: { green: 75, subgroups: ['fodmap-fructose'] },
  [FOODS.tomato.food.ndb]: { green: 65, subgroups: ['fodmap-fructose'] },
  [FOODS.zucchini.food.ndb]: { green: 65, subgroups: ['fodmap-fructan'] },
  [FOODS.oats.food.ndb]: { green: 40, subgroups: ['fodmap-fructan', 'fodmap-gos'] },
  [FOODS.quinoa.food.ndb]: { green: 500, subgroups: [] },
  [FOODS.spinach.food.ndb]: { green: 75, subgroups: ['fodmap-fructan'] },
  [FOODS.kale.food.ndb]: { green: 75, subgroups: [] },
};

/** Grams per serving as a share of the green serve, varied by recipe so loads differ. */
const SHARES = [0.2, 0.45, 0.7, 0.95, 1.3];

function dosedTags(d: { green: number; subgroups: string[] }): TagRef[] {
  const above = d.subgroups.length > 0 ? d.subgroups : ['high-fodmap'];
  return ['high-fodmap', ...d.subgroups].map((code) => ({
    code,
    certainty: 'contains' as const,
    greenMaxG: d.green,
    subgroupsAbove: above,
  }));
}

/** The fixture catalog with FODMAP doses and grams per serving on its ingredients. */
const DOSED_CATALOG: PlannerRecipe[] = CATALOG.map((recipe, i) => ({
  ...recipe,
  ingredients: recipe.ingredients.map((ing, j): PlannerIngredient => {
    const dose = DOSES[ing.ndb];
    if (!dose) return { ...ing, gramsPerServing: 50 };
    const share = SHARES[(i + j) % SHARES.length]!;
    return {
      ...ing,
      tags: [...ing.tags.filter((t) => t.code !== 'high-fodmap'), ...dosedTags(dose)],
      gramsPerServing: Math.round(dose.green * share * 10) / 10,
    };
  }),
}));

const ELIMINATION = [
  'high-fodmap',
  'fodmap-fructose',
  'fodmap-fructan',
  'fodmap-gos',
  'fodmap-mannitol',
  'fodmap-sorbitol',
  'fodmap-lactose',
].map((code) => ({
  kind: 'group' as const,
  code,
  origin: 'protocol' as const,
  reason: 'not in low-FODMAP · Elimination',
}));

const restrictionArb: fc.Arbitrary<Restriction> = fc
  .subarray(
    RULE_OPTIONS.filter((r) => r.origin !== 'protocol'),
    { maxLength: 2 },
  )
  .map((extra) => ({
    rules: [...extra, ...ELIMINATION],
    allow: [],
    dislikes: [],
    fodmapDoses: true,
  }));

const inputArb: fc.Arbitrary<PlannerInput> = fc
  .record({ profile: profileArb, restriction: restrictionArb, weekStart: weekStartArb })
  .map((x) => ({ ...x, recipes: DOSED_CATALOG }));

function excluded(input: PlannerInput, slugs: string[]): string[] {
  const bySlug = new Map(input.recipes.map((r) => [r.slug, r]));
  return slugs.flatMap((s) =>
    (bySlug.get(s)?.ingredients ?? []).flatMap((f) =>
      findViolations(f, input.restriction).map((v) => `${s}: ${v.reason}`),
    ),
  );
}

describe('low-FODMAP elimination with doses (fixture catalog)', () => {
  it('the dose model changes which recipes comply', () => {
    const input: PlannerInput = {
      profile: {
        householdSize: 1,
        slots: ['lunch'],
        energyKcal: 2000,
        proteinG: 60,
        fiberG: 25,
        maxMinutes: { weekday: 120, weekend: 120 },
        leftovers: false,
        carbsPerMealG: null,
      },
      restriction: { rules: ELIMINATION, allow: [], dislikes: [], fodmapDoses: true },
      recipes: DOSED_CATALOG,
      weekStart: '2026-11-30',
    };
    const yesNo = { ...input, restriction: { ...input.restriction, fodmapDoses: false } };
    const count = (x: PlannerInput) =>
      x.recipes.filter((r) =>
        r.ingredients.every((f) => findViolations(f, x.restriction).length === 0),
      ).length;
    expect(count(input)).toBeGreaterThan(count(yesNo));
  });

  it(
    'never serves a meal over a green serve or the stacking limit: generate, swap, regenerate',
    () => {
      let planned = 0;
      fc.assert(
        fc.property(
          inputArb,
          seedArb,
          fc.nat(),
          fc.nat(),
          fc.boolean(),
          (input, seed, mealPick, altPick, week) => {
            const result = generatePlan(input, createRng(seed), FAST);
            if (!result.ok) return;
            planned++;
            const slugs = (p: typeof result.plan) =>
              p.days.flatMap((d) => d.meals.map((m) => m.recipeSlug));
            expect(doseProblems(input, result.plan)).toEqual([]);
            expect(excluded(input, slugs(result.plan))).toEqual([]);

            const meals = result.plan.days.flatMap((d) => d.meals);
            const meal = meals[mealPick % meals.length]!;
            const alternatives = rankAlternatives(input, result.plan, meal.id, 5);
            if (alternatives.length > 0) {
              const alt = alternatives[altPick % alternatives.length]!;
              const swapped = applySwap(input, result.plan, meal.id, alt.recipeSlug);
              expect(swapped.ok).toBe(true);
              if (swapped.ok) {
                expect(doseProblems(input, swapped.plan)).toEqual([]);
                expect(excluded(input, slugs(swapped.plan))).toEqual([]);
              }
            }
            const scope = week
              ? ({ scope: 'week' } as const)
              : ({ scope: 'day', date: meal.date } as const);
            const again = regeneratePlan(input, result.plan, scope, createRng(seed + 1), FAST);
            if (again.ok) {
              expect(doseProblems(input, again.plan)).toEqual([]);
              expect(excluded(input, slugs(again.plan))).toEqual([]);
            }
          },
        ),
        { numRuns: 300, seed: 20261206 },
      );
      expect(planned).toBeGreaterThan(100);
    },
    PROPERTY_TIMEOUT_MS,
  );
});
