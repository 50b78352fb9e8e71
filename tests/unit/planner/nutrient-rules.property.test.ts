import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TRACKED_MICRONUTRIENTS } from '@/lib/nutrition/nutrient-model';
import { generatePlan, regeneratePlan } from '@/lib/planner/generate-plan';
import { PREGNANCY_RISK_CODES } from '@/lib/planner/nutrition';
import { createRng } from '@/lib/planner/rng';
import { scorePlan } from '@/lib/planner/score-plan';
import { applySwap, rankAlternatives } from '@/lib/planner/swap';
import type { PlannerInput, PlannerNutrition, PlannerRecipe, WeekPlan } from '@/lib/planner/types';
import { FAST, PROPERTY_TIMEOUT_MS, profileArb, seedArb, weekStartArb } from './arbitraries';
import { allMeals, CATALOG, hardRuleProblems, makeFood, RULE_OPTIONS } from './fixtures';

const LIVER = makeFood({
  ndb: '13325',
  name: 'beef liver',
  tags: [
    { code: 'organ-meat', certainty: 'contains' },
    { code: 'meat', certainty: 'contains' },
  ],
});
const SWORDFISH = makeFood({
  ndb: '15110',
  name: 'swordfish',
  tags: [
    { code: 'high-mercury-fish', certainty: 'contains' },
    { code: 'fish', certainty: 'contains' },
  ],
  allergens: [{ code: 'fish', certainty: 'contains' }],
});

/**
 * The shared catalog with sodium, retinol, fats and micronutrients per serving. Some recipes are
 * liver dishes (retinol far over half a day's limit at any portion, or only at big portions),
 * some have swordfish, some have an ingredient of unknown sodium or retinol, or no figure at all:
 * those must never be planned under the caps, whatever their known sums say.
 */
const SODIUM_STEPS = [120, 480, 900, 1400, 300, 650, 60, 1100, 2400];
const RETINOL_STEPS = [0, 0, 12, 150, 0, 40, 700, 0, 1200, 5000];
const NUTRIENT_CATALOG: PlannerRecipe[] = CATALOG.map((r, i) => {
  const micro = Object.fromEntries(
    TRACKED_MICRONUTRIENTS.map((k, j) => [k, ((i * 7 + j * 13) % 11) * (j < 4 ? 60 : 0.6)]),
  );
  const retinol = RETINOL_STEPS[i % RETINOL_STEPS.length]!;
  const ingredients =
    retinol >= 1200
      ? [...r.ingredients, LIVER]
      : i % 13 === 4
        ? [...r.ingredients, SWORDFISH]
        : r.ingredients;
  const perServing: PlannerRecipe['perServing'] = {
    ...r.perServing,
    ...micro,
    retinolUg: retinol,
    saturatedFatG: (i % 9) * 1.5,
    fatG: 4 + (i % 7) * 5,
    ...(i % 23 === 11 ? {} : { sodiumMg: SODIUM_STEPS[i % SODIUM_STEPS.length]! }),
  };
  const unknownNutrients =
    i % 19 === 7 ? { sodiumMg: 1 } : i % 29 === 3 ? { retinolUg: 2, calciumMg: 2 } : undefined;
  return { ...r, ingredients, perServing, ...(unknownNutrients ? { unknownNutrients } : {}) };
});

const UNKNOWN_SODIUM = new Set(
  NUTRIENT_CATALOG.filter(
    (r) => r.perServing.sodiumMg === undefined || (r.unknownNutrients?.sodiumMg ?? 0) > 0,
  ).map((r) => r.slug),
);
const UNKNOWN_RETINOL = new Set(
  NUTRIENT_CATALOG.filter(
    (r) => r.perServing.retinolUg === undefined || (r.unknownNutrients?.retinolUg ?? 0) > 0,
  ).map((r) => r.slug),
);

const nutritionArb: fc.Arbitrary<PlannerNutrition> = fc.record({
  caps: fc.record({
    sodiumMg: fc.constantFrom(1500, 2300, 3000),
    retinolUg: fc.constantFrom(2800, 3000),
  }),
  avoidPregnancyRisks: fc.boolean(),
  micronutrients: fc.constantFrom(
    {},
    { calciumMg: 1000, ironMg: 18, vitaminB12Ug: 2.4 },
    { calciumMg: 1300, potassiumMg: 2600, zincMg: 8, vitaminCMg: 75, folateDfeUg: 600 },
  ),
  saturatedFatMaxPct: fc.constantFrom(10, 100),
  proteinMaxPct: fc.constant(35),
  fatPct: fc.constant({ min: 20, max: 35 }),
  fiberMaxFactor: fc.constant(1.5),
});

const nutrientInputArb: fc.Arbitrary<PlannerInput> = fc
  .record({
    profile: profileArb,
    nutrition: nutritionArb,
    snack: fc.option(fc.record({ target: fc.constantFrom(15, 25), tolerance: fc.constant(5) })),
    rules: fc.subarray(RULE_OPTIONS, { maxLength: 2 }),
    weekStart: weekStartArb,
  })
  .map(({ profile, nutrition, snack, rules, weekStart }) => ({
    profile: { ...profile, nutrition, carbsPerSnackG: snack },
    restriction: { rules, allow: [], dislikes: [] },
    weekStart,
    recipes: NUTRIENT_CATALOG,
  }));

type MealAmount = { id: string; day: number; sodium: number; retinol: number };

/**
 * Per-person sodium and retinol of each meal, from the stored meals alone: portion = servings ÷
 * household, less the servings of a leftover meal that reuses it. An unknown value becomes
 * +Infinity: reaching a total compared with a cap is itself the failure.
 */
function mealAmounts(input: PlannerInput, plan: WeekPlan): MealAmount[] {
  const bySlug = new Map(input.recipes.map((r) => [r.slug, r]));
  const meals = allMeals(plan);
  const out: MealAmount[] = [];
  plan.days.forEach((day, d) => {
    for (const meal of day.meals) {
      const fed = meals.filter((x) => x.leftoverOf === meal.id).reduce((a, x) => a + x.servings, 0);
      const portion = (meal.servings - fed) / input.profile.householdSize;
      const r = bySlug.get(meal.recipeSlug)!;
      const value = (key: 'sodiumMg' | 'retinolUg'): number => {
        const v = r.perServing[key];
        if (v === undefined || (r.unknownNutrients?.[key] ?? 0) > 0) {
          return Number.POSITIVE_INFINITY;
        }
        return portion * v;
      };
      out.push({ id: meal.id, day: d, sodium: value('sodiumMg'), retinol: value('retinolUg') });
    }
  });
  return out;
}

function expectWithinCaps(input: PlannerInput, plan: WeekPlan): void {
  expect(hardRuleProblems(input, plan)).toEqual([]);
  const caps = input.profile.nutrition!.caps!;
  const sodiumCap = caps.sodiumMg!;
  const retinolCap = caps.retinolUg!;
  const amounts = mealAmounts(input, plan);
  for (let d = 0; d < 7; d++) {
    const today = amounts.filter((a) => a.day === d);
    expect(today.reduce((s, a) => s + a.sodium, 0)).toBeLessThanOrEqual(sodiumCap + 1e-6);
    expect(today.reduce((s, a) => s + a.retinol, 0)).toBeLessThanOrEqual(retinolCap + 1e-6);
  }
  for (const a of amounts) expect(a.retinol).toBeLessThanOrEqual(retinolCap / 2 + 1e-6);
  for (const meal of allMeals(plan)) {
    expect(UNKNOWN_SODIUM.has(meal.recipeSlug)).toBe(false);
    expect(UNKNOWN_RETINOL.has(meal.recipeSlug)).toBe(false);
  }
  if (input.profile.nutrition?.avoidPregnancyRisks) {
    const bySlug = new Map(input.recipes.map((r) => [r.slug, r]));
    for (const meal of allMeals(plan)) {
      for (const ing of bySlug.get(meal.recipeSlug)!.ingredients) {
        for (const t of ing.tags) {
          expect(PREGNANCY_RISK_CODES as readonly string[]).not.toContain(t.code);
        }
      }
    }
  }
}

describe('nutrient caps and pregnancy exclusions (hard rules)', () => {
  it(
    'no generated, swapped or regenerated plan breaks a sodium or retinol cap, plans an unknown, or gives a pregnant profile liver or high-mercury fish',
    () => {
      let planned = 0;
      let runs = 0;
      fc.assert(
        fc.property(nutrientInputArb, seedArb, fc.nat(), fc.nat(), (input, seed, pick, pick2) => {
          runs++;
          const result = generatePlan(input, createRng(seed), FAST);
          if (!result.ok) return;
          planned++;
          expectWithinCaps(input, result.plan);
          // the incremental scorer and the reference scorer agree with every nutrient term on
          expect(scorePlan(input, result.plan).total).toBeCloseTo(result.score.total, 2);
          for (const day of result.plan.days) {
            expect(day.totals.sodiumMg?.max).toBe(input.profile.nutrition!.caps!.sodiumMg);
            expect(day.totals.retinolUg?.max).toBe(input.profile.nutrition!.caps!.retinolUg);
          }

          const meals = allMeals(result.plan);
          const meal = meals[pick % meals.length]!;
          for (const alt of rankAlternatives(input, result.plan, meal.id, 3)) {
            const swapped = applySwap(input, result.plan, meal.id, alt.recipeSlug);
            expect(swapped.ok).toBe(true);
            if (swapped.ok) expectWithinCaps(input, swapped.plan);
          }
          // Any recipe at all: either refused, or the week stays within every cap.
          const any = NUTRIENT_CATALOG[pick2 % NUTRIENT_CATALOG.length]!;
          const forced = applySwap(input, result.plan, meal.id, any.slug);
          if (forced.ok) expectWithinCaps(input, forced.plan);
          else if (UNKNOWN_SODIUM.has(any.slug) || UNKNOWN_RETINOL.has(any.slug)) {
            expect(forced.code).toBe('not-compliant');
          }

          const date = result.plan.days[pick2 % 7]!.date;
          for (const scope of [{ scope: 'week' as const }, { scope: 'day' as const, date }]) {
            const again = regeneratePlan(input, result.plan, scope, createRng(seed + 1), FAST);
            if (again.ok) expectWithinCaps(input, again.plan);
          }
        }),
        { numRuns: 300 },
      );
      expect(planned / runs).toBeGreaterThan(0.5);
    },
    PROPERTY_TIMEOUT_MS,
  );
});

describe('nutrient caps: named reasons', () => {
  const base: PlannerInput = {
    profile: {
      householdSize: 1,
      slots: ['breakfast', 'lunch', 'dinner'],
      energyKcal: 2000,
      proteinG: 70,
      fiberG: 25,
      maxMinutes: { weekday: 240, weekend: 240 },
      leftovers: false,
      carbsPerMealG: null,
      nutrition: { caps: { sodiumMg: 2300, retinolUg: 3000 }, avoidPregnancyRisks: true },
    },
    restriction: { rules: [], allow: [], dislikes: [] },
    weekStart: '2026-11-30',
    recipes: CATALOG.map((r) => ({
      ...r,
      perServing: { ...r.perServing, sodiumMg: 300, retinolUg: 0 },
    })),
  };

  it('refuses a liver dinner (over half the day’s retinol even at the smallest portion), an unknown, and organ meat in pregnancy, each with its reason', () => {
    const recipes = base.recipes.map((r) => ({ ...r }));
    const dinners = recipes.filter((r) => r.mealTypes.includes('dinner'));
    // 300 g beef liver holds about 28,000 µg retinol; one serving of a liver dinner ~ 7,000 µg
    const liver = dinners[0]!;
    liver.perServing = { ...liver.perServing, retinolUg: 7000 };
    const unknown = dinners[1]!;
    unknown.unknownNutrients = { sodiumMg: 1 };
    const organ = dinners[2]!;
    organ.ingredients = [...organ.ingredients, LIVER];
    const input = { ...base, recipes };
    const result = generatePlan(input, createRng(1), FAST);
    if (!result.ok) throw new Error('expected a plan');
    const dinner = result.plan.days[0]!.meals.find((m) => m.slot === 'dinner')!;
    for (const [recipe, code, words] of [
      [liver, 'retinol-cap', 'per-meal limit of 1500'],
      [unknown, 'sodium-unknown', 'sodium unknown'],
      [organ, 'organ-meat', 'beef liver: not planned during pregnancy'],
    ] as const) {
      const swapped = applySwap(input, result.plan, dinner.id, recipe.slug);
      expect(swapped.ok).toBe(false);
      if (!swapped.ok) {
        expect(swapped.code).toBe('not-compliant');
        expect(swapped.violations?.map((v) => v.code)).toContain(code);
        expect(swapped.message).toContain(words);
      }
    }
  });

  it('never scales a capped food past its cap: a retinol-rich dinner keeps to portions within half the day’s limit', () => {
    // 1,000 µg a serving: 1.5 servings = 1,500 µg is the largest portion within half of 3,000
    const recipes = base.recipes.map((r) =>
      r.mealTypes.includes('dinner')
        ? { ...r, perServing: { ...r.perServing, energyKcal: 250, retinolUg: 1000 } }
        : r,
    );
    const input: PlannerInput = {
      ...base,
      profile: { ...base.profile, energyKcal: 3200 },
      recipes,
    };
    const result = generatePlan(input, createRng(2), FAST);
    if (!result.ok) throw new Error('expected a plan');
    for (const m of allMeals(result.plan)) {
      if (m.slot === 'dinner') expect(m.servings).toBeLessThanOrEqual(1.5);
    }
    for (const day of result.plan.days)
      expect(day.totals.retinolUg!.total).toBeLessThanOrEqual(3000);
  });

  it('a swap that takes a day over the sodium cap is refused and names sodium; a week that cannot fit is a diagnosis', () => {
    const salty = base.recipes.map((r) => ({
      ...r,
      perServing: { ...r.perServing, sodiumMg: r.mealTypes.includes('breakfast') ? 1400 : 600 },
    }));
    const rich = salty.find(
      (r) => r.mealTypes.includes('dinner') && !r.mealTypes.includes('breakfast'),
    )!;
    // at ½ a serving 1,400 mg: fits alone, not beside a breakfast (≥ 700) and a lunch (≥ 300)
    rich.perServing = { ...rich.perServing, sodiumMg: 2800 };
    const input = { ...base, recipes: salty };
    const result = generatePlan(input, createRng(3), FAST);
    if (!result.ok) throw new Error('expected a plan');
    const dinner = result.plan.days[0]!.meals.find((m) => m.slot === 'dinner')!;
    expect(
      rankAlternatives(input, result.plan, dinner.id, 100).map((a) => a.recipeSlug),
    ).not.toContain(rich.slug);
    const swapped = applySwap(input, result.plan, dinner.id, rich.slug);
    expect(swapped.ok).toBe(false);
    if (!swapped.ok) {
      expect(swapped.code).toBe('over-daily-cap');
      expect(swapped.message).toContain('sodium 2300 mg');
    }
    // every recipe 1,600 mg a serving: three meals are at least 3 × 800 mg > 2,300 mg
    const tooSalty = {
      ...base,
      recipes: base.recipes.map((r) => ({ ...r, perServing: { ...r.perServing, sodiumMg: 1600 } })),
    };
    const none = generatePlan(tooSalty, createRng(1), FAST);
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.diagnosis.suggestions.join(' ')).toContain('sodium 2300 mg');
  });

  it('a kept meal over the per-meal retinol limit makes the answer a diagnosis', () => {
    const recipes = base.recipes.map((r) => ({ ...r }));
    const rich = recipes.find((r) => r.mealTypes.includes('dinner'))!;
    rich.perServing = { ...rich.perServing, retinolUg: 1000 };
    const input = { ...base, recipes };
    const result = generatePlan(input, createRng(4), FAST);
    if (!result.ok) throw new Error('expected a plan');
    const dinner = result.plan.days[0]!.meals.find((m) => m.slot === 'dinner')!;
    const locked = [{ ...dinner, recipeSlug: rich.slug, servings: 2, locked: true }];
    const again = generatePlan(input, createRng(4), { ...FAST, locked });
    expect(again.ok).toBe(false);
  });
});
