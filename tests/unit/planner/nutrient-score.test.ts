import { describe, expect, it } from 'vitest';
import type { NutrientTarget, NutrientTargets } from '@/lib/nutrition/nutrient-model';
import { plannerNutritionFrom, snackCarbsFor } from '@/lib/planner/nutrition';
import {
  energyPenalty,
  energySharePenalty,
  fiberCeilingPenalty,
  micronutrientPenalty,
  SCORE_WEIGHTS as W,
} from '@/lib/planner/score';
import { scorePlan } from '@/lib/planner/score-plan';
import type { PlannedMeal, WeekPlan } from '@/lib/planner/types';
import { makeInput, makeProfile, makeRecipe } from './fixtures';

const LIMITS = { saturatedFatMax: 0.1, proteinMax: 0.35, fatMin: 0.2, fatMax: 0.35 };

describe('nutrient terms of the objective (hand-computed)', () => {
  it('prices a micronutrient by its weekly average plus a step for missing it: half costs 6, none 10', () => {
    // 7 days × 500 mg = 3,500 mg: average 500 of 1,000 → 50 % short × 0.08 = 4, + 2 for missing
    expect(micronutrientPenalty(3500, 1000)).toBeCloseTo(6, 12);
    expect(micronutrientPenalty(0, 1000)).toBeCloseTo(10, 12);
    // 1 % short still pays the whole step: 0.08 + 2
    expect(micronutrientPenalty(6930, 1000)).toBeCloseTo(2.08, 12);
    expect(micronutrientPenalty(7000, 1000)).toBe(0);
    expect(micronutrientPenalty(9000, 1000)).toBe(0);
    expect(micronutrientPenalty(100, 0)).toBe(0);
  });

  it('weights one fully missing nutrient like one day 10 % outside the energy band', () => {
    // 2,000 kcal target, a day at 2,400 kcal: 20 % off, 10 points outside the ±10 % band
    expect(energyPenalty(2400, 2000)).toBeCloseTo(10, 9);
    expect(micronutrientPenalty(0, 18)).toBeCloseTo(energyPenalty(2400, 2000), 9);
  });

  it('prices saturated fat, protein and total fat by excess energy in percent of the target', () => {
    // 30 g saturated fat = 270 kcal; 10 % of 2,000 = 200 → 70 kcal = 3.5 % of target × 0.5
    expect(energySharePenalty(2000, 80, 30, 60, 2000, LIMITS)).toBeCloseTo(1.75, 9);
    // 100 g fat = 900 kcal; 35 % = 700 → 200 kcal = 10 % × 0.5 = 5 (saturated fat 0)
    expect(energySharePenalty(2000, 80, 0, 100, 2000, LIMITS)).toBeCloseTo(5, 9);
    // 30 g fat = 270 kcal; 20 % = 400 → 130 kcal short = 6.5 % × 0.5 = 3.25
    expect(energySharePenalty(2000, 80, 0, 30, 2000, LIMITS)).toBeCloseTo(3.25, 9);
    // 200 g protein = 800 kcal; 35 % = 700 → 100 kcal = 5 % × 0.5 = 2.5 (fat 60 g = 27 %: fine)
    expect(energySharePenalty(2000, 200, 0, 60, 2000, LIMITS)).toBeCloseTo(2.5, 9);
    // within every share
    expect(energySharePenalty(2000, 100, 20, 60, 2000, LIMITS)).toBe(0);
    // no limits set
    const none = { saturatedFatMax: null, proteinMax: null, fatMin: null, fatMax: null };
    expect(energySharePenalty(2000, 300, 90, 200, 2000, none)).toBe(0);
  });

  it('prices fibre above 1.5 × the target like a fibre shortfall', () => {
    // target 30 g, ceiling 45 g, a day at 50 g: 5 g = 16.7 % of target × 0.25
    expect(fiberCeilingPenalty(50, 30, 1.5)).toBeCloseTo((0.25 * 100 * 5) / 30, 9);
    expect(fiberCeilingPenalty(45, 30, 1.5)).toBe(0);
    expect(fiberCeilingPenalty(80, 30, 0)).toBe(0);
  });

  it('gives a snack half the meal carb target with the same tolerance', () => {
    expect(snackCarbsFor({ target: 60, tolerance: 10 })).toEqual({ target: 30, tolerance: 10 });
    expect(snackCarbsFor(null)).toBeNull();
  });
});

describe('scorePlan with nutrient goals', () => {
  it('adds the micronutrient, energy-share, fibre-ceiling and snack-carb terms of a hand-built day', () => {
    const bowl = makeRecipe({
      slug: 'bowl',
      foods: ['chicken', 'rice'],
      mealTypes: ['lunch', 'dinner'],
      inflammationScore: 0,
      perServing: {
        energyKcal: 1000,
        proteinG: 40,
        fiberG: 10,
        carbsG: 60,
        fatG: 50,
        saturatedFatG: 25,
        calciumMg: 200,
      },
    });
    const bar = makeRecipe({
      slug: 'bar',
      foods: ['quinoa'],
      mealTypes: ['snack'],
      inflammationScore: 0,
      perServing: { energyKcal: 200, proteinG: 5, fiberG: 20, carbsG: 40 },
    });
    const profile = makeProfile({
      householdSize: 1,
      slots: ['lunch', 'dinner', 'snack'],
      energyKcal: 2200,
      proteinG: 100,
      fiberG: 25,
      carbsPerMealG: null,
      carbsPerSnackG: { target: 20, tolerance: 5 },
      nutrition: {
        micronutrients: { calciumMg: 1000 },
        saturatedFatMaxPct: 10,
        proteinMaxPct: 35,
        fatPct: { min: 20, max: 35 },
        fiberMaxFactor: 1.5,
      },
    });
    const input = makeInput({ recipes: [bowl, bar], profile });
    const date = '2026-11-30';
    const meal = (slot: 'lunch' | 'dinner' | 'snack', slug: string): PlannedMeal => ({
      id: `${date}-${slot}`,
      date,
      slot,
      recipeSlug: slug,
      servings: 1,
      locked: false,
      leftoverOf: null,
      explanation: { total: 0, parts: [] },
    });
    const plan: WeekPlan = {
      weekStart: date,
      days: [
        {
          date,
          totals: {
            energyKcal: 0,
            proteinG: 0,
            fiberG: 0,
            carbsG: 0,
            targets: { energyKcal: 2200, proteinG: 100, fiberG: 25 },
            energyInBand: true,
            proteinMet: false,
            fiberMet: false,
          },
          meals: [meal('lunch', 'bowl'), meal('dinner', 'bowl'), meal('snack', 'bar')],
        },
      ],
    };
    // The day: 2,200 kcal, 85 g protein, 40 g fibre, 100 g fat, 50 g saturated fat, 400 mg calcium.
    const expected = {
      energy: 0,
      protein: (0.6 * 100 * 15) / 100,
      // floor met; ceiling 37.5 g: 2.5 g over = 10 % of 25 g × 0.25
      fiber: 2.5,
      // snack: 40 g vs 20 ± 5 → 15 g × 0.3; main meals have no target
      carbs: 4.5,
      inflammation: 3 * 1.5,
      // a second cooking is a hard rule the planner keeps, never a priced term; rice and quinoa
      // are the day's plants
      variety: -2 * W.plant,
      ingredients: 3 * W.ingredient,
      // calcium: 400 mg in the week, average 57.14 of 1,000 → 94.29 % short × 0.1
      micronutrients: (0.08 * 100 * (1000 - 400 / 7)) / 1000 + 2,
      // saturated fat 450 − 220 = 230 kcal, fat 900 − 770 = 130 kcal, protein 340 < 770:
      // (230 + 130) × 0.5 = 180 kcal of 2,200 → 8.18
      energyShares: (100 * 180) / 2200,
    };
    const score = scorePlan(input, plan);
    for (const [key, value] of Object.entries(expected)) {
      expect(score.parts[key as keyof typeof expected]).toBeCloseTo(value, 3);
    }
    expect(score.total).toBeCloseTo(
      Object.values(expected).reduce((a, b) => a + b, 0),
      2,
    );
  });
});

describe('plannerNutritionFrom', () => {
  const t = (amount: number, unit: string): NutrientTarget => ({
    amount,
    unit,
    source: 'default',
    basis: 'test',
  });
  const targets: NutrientTargets = {
    lifeStage: 'pregnancy 19-30',
    targets: {
      calciumMg: t(1000, 'mg'),
      ironMg: t(27, 'mg'),
      magnesiumMg: t(350, 'mg'),
      potassiumMg: t(2900, 'mg'),
      zincMg: t(11, 'mg'),
      vitaminCMg: t(85, 'mg'),
      folateDfeUg: t(600, 'µg'),
      vitaminB12Ug: t(2.6, 'µg'),
      vitaminARaeUg: t(770, 'µg'),
    },
    caps: { sodiumMg: { ...t(1500, 'mg'), source: 'set' }, retinolUg: t(3000, 'µg') },
    energyShares: {
      saturatedFatMaxPct: t(10, '%'),
      proteinMaxPct: t(35, '%'),
      fatMinPct: t(20, '%'),
      fatMaxPct: t(35, '%'),
    },
    avoidPregnancyRisks: true,
  };

  it('maps caps, floors, shares and pregnancy to the planner input', () => {
    expect(plannerNutritionFrom(targets)).toEqual({
      caps: { sodiumMg: 1500, retinolUg: 3000 },
      avoidPregnancyRisks: true,
      micronutrients: {
        calciumMg: 1000,
        ironMg: 27,
        magnesiumMg: 350,
        potassiumMg: 2900,
        zincMg: 11,
        vitaminCMg: 85,
        folateDfeUg: 600,
        vitaminB12Ug: 2.6,
        vitaminARaeUg: 770,
      },
      saturatedFatMaxPct: 10,
      proteinMaxPct: 35,
      fatPct: { min: 20, max: 35 },
      fiberMaxFactor: 1.5,
    });
  });
});
