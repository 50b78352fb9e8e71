import { describe, expect, it } from 'vitest';
import { generatePlan } from '@/lib/planner/generate-plan';
import { getModel, recipeViolations } from '@/lib/planner/model';
import { createRng } from '@/lib/planner/rng';
import { applySwap, rankAlternatives } from '@/lib/planner/swap';
import type { PlannerInput, PlannerRecipe } from '@/lib/planner/types';
import type { Restriction, TagRef } from '@/lib/restrictions/types';
import { allMeals, CATALOG, makeInput, makeProfile, makeRecipe } from './fixtures';

const dosed = (green: number, subgroup: string): TagRef[] =>
  ['high-fodmap', subgroup].map((code) => ({
    code,
    certainty: 'contains' as const,
    greenMaxG: green,
    subgroupsAbove: [subgroup],
  }));

const ELIMINATION: Restriction = {
  rules: ['high-fodmap', 'fodmap-mannitol', 'fodmap-sorbitol'].map((code) => ({
    kind: 'group' as const,
    code,
    origin: 'protocol' as const,
    reason: 'not in low-FODMAP · Elimination',
  })),
  allow: [],
  dislikes: [],
  fodmapDoses: true,
};

/** A lunch/dinner recipe with sweet potato (green 75 g, mannitol) at `grams` per serving. */
function sweetPotatoRecipe(
  slug: string,
  grams: number,
  extra: Partial<PlannerRecipe> = {},
): PlannerRecipe {
  const base = makeRecipe({ slug, name: slug, foods: ['chicken', 'oliveOil'] });
  return {
    ...base,
    ingredients: [
      ...base.ingredients.map((i) => ({ ...i, gramsPerServing: 100 })),
      {
        ndb: '11507',
        name: 'sweet potato',
        allergens: [],
        tags: dosed(75, 'fodmap-mannitol'),
        gramsPerServing: grams,
      },
    ],
    ...extra,
  };
}

describe('dose-aware compliance in the planner model', () => {
  // 90 g per serving of a 75 g serve: max portion 75/90 ≈ 0.833 → ½ fits, 1 does not
  const fits = sweetPotatoRecipe('sp-90', 90);
  // 160 g per serving: max portion 0.47 → even ½ is over
  const over = sweetPotatoRecipe('sp-160', 160);
  const input = makeInput({ restriction: ELIMINATION, recipes: [...CATALOG, fits, over] });

  it('keeps a recipe that fits at a smaller portion and drops one over at every portion', () => {
    const m = getModel(input);
    const r1 = m.bySlug.get('sp-90')!;
    const r2 = m.bySlug.get('sp-160')!;
    expect(m.maxPortion[r1]).toBeCloseTo(75 / 90, 12);
    expect(m.compliant[r1]).toBe(1);
    expect(m.compliant[r2]).toBe(0);
    expect(recipeViolations(input, over).map((v) => v.reason)).toEqual([
      'not in low-FODMAP · Elimination: over the low-FODMAP serve even at 0.5 serving per person',
    ]);
    expect(recipeViolations(input, fits)).toEqual([]);
  });

  it('the yes/no model excludes both', () => {
    const m = getModel({ ...input, restriction: { ...ELIMINATION, fodmapDoses: false } });
    expect(m.compliant[m.bySlug.get('sp-90')!]).toBe(0);
  });

  it('a swap to the over-serve recipe is refused with its reason; the fitting one is served at ½', () => {
    const profile = makeProfile({ householdSize: 2, slots: ['lunch', 'dinner'], leftovers: false });
    const x: PlannerInput = { ...input, profile };
    const result = generatePlan(x, createRng(3));
    if (!result.ok) throw new Error('plannable');
    const lunch = allMeals(result.plan).find(
      (m) => m.slot === 'lunch' && m.recipeSlug !== 'sp-90',
    )!;
    const refused = applySwap(x, result.plan, lunch.id, 'sp-160');
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.code).toBe('not-compliant');
      expect(refused.message).toMatch(/sweet potato: .*over the low-FODMAP serve/);
    }
    const alternatives = rankAlternatives(x, result.plan, lunch.id, 500).map((a) => a.recipeSlug);
    expect(alternatives).not.toContain('sp-160');
    if (alternatives.includes('sp-90')) {
      const swapped = applySwap(x, result.plan, lunch.id, 'sp-90');
      expect(swapped.ok).toBe(true);
      if (swapped.ok) {
        const meal = allMeals(swapped.plan).find((m) => m.id === lunch.id)!;
        expect(meal.servings).toBe(2 * 0.5);
      }
    }
  });

  it('a kept meal over its serve makes the answer a diagnosis that names it', () => {
    const profile = makeProfile({ householdSize: 1, slots: ['lunch', 'dinner'], leftovers: false });
    const x: PlannerInput = { ...input, profile };
    const kept = {
      id: '2026-11-30-lunch',
      date: '2026-11-30',
      slot: 'lunch' as const,
      recipeSlug: 'sp-90',
      servings: 1.25,
      locked: true,
      leftoverOf: null,
      explanation: { total: 0, parts: [] },
    };
    const result = generatePlan(x, createRng(1), { locked: [kept] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const rules = result.diagnosis.slots.flatMap((s) => s.blockers.map((b) => b.rule));
      expect(rules.some((r) => /sp-90.*over the low-FODMAP serve/.test(r))).toBe(true);
    }
  });
});
