import { describe, expect, it } from 'vitest';
import { EVIDENCE_WEIGHTS, weightedInflammation } from '@/lib/foods/inflammation';
import { addDays, isWeekend, weekDates } from '@/lib/planner/dates';
import { createRng } from '@/lib/planner/rng';
import {
  carbsPenalty,
  energyPenalty,
  fiberPenalty,
  inflammationPenalty,
  proteinPenalty,
  SCORE_WEIGHTS,
} from '@/lib/planner/score';
import { scorePlan } from '@/lib/planner/score-plan';
import type { PlannedMeal, WeekPlan } from '@/lib/planner/types';
import { makeInput, makeProfile, makeRecipe } from './fixtures';

const W = SCORE_WEIGHTS;

describe('penalty terms', () => {
  it.each([
    { energy: 2000, target: 2000, expected: 0 },
    { energy: 2200, target: 2000, expected: 0 },
    { energy: 1800, target: 2000, expected: 0 },
    { energy: 2300, target: 2000, expected: 5 * W.energyPerPct },
    { energy: 1500, target: 2000, expected: 15 * W.energyPerPct },
    { energy: 500, target: 0, expected: 0 },
  ])('energy $energy kcal vs $target kcal → $expected', ({ energy, target, expected }) => {
    expect(energyPenalty(energy, target)).toBeCloseTo(expected, 9);
  });

  it.each([
    { value: 80, target: 80, protein: 0, fiber: 0 },
    { value: 100, target: 80, protein: 0, fiber: 0 },
    { value: 60, target: 80, protein: 25 * W.proteinPerPct, fiber: 25 * W.fiberPerPct },
    { value: 0, target: 40, protein: 100 * W.proteinPerPct, fiber: 100 * W.fiberPerPct },
  ])('protein and fibre $value g vs $target g', ({ value, target, protein, fiber }) => {
    expect(proteinPenalty(value, target)).toBeCloseTo(protein, 9);
    expect(fiberPenalty(value, target)).toBeCloseTo(fiber, 9);
  });

  it.each([
    { carbs: 50, spec: { target: 50, tolerance: 5 }, expected: 0 },
    { carbs: 55, spec: { target: 50, tolerance: 5 }, expected: 0 },
    { carbs: 65, spec: { target: 50, tolerance: 5 }, expected: 10 * W.carbsPerG },
    { carbs: 30, spec: { target: 50, tolerance: 5 }, expected: 15 * W.carbsPerG },
    { carbs: 90, spec: null, expected: 0 },
  ])('carbs $carbs g with $spec', ({ carbs, spec, expected }) => {
    expect(carbsPenalty(carbs, spec)).toBeCloseTo(expected, 9);
  });

  it.each([
    { score: 1, expected: 0 },
    { score: 0, expected: W.inflammationPerMeal / 2 },
    { score: -1, expected: W.inflammationPerMeal },
    { score: -3, expected: W.inflammationPerMeal },
  ])('inflammation score $score', ({ score, expected }) => {
    expect(inflammationPenalty(score)).toBeCloseTo(expected, 9);
  });
});

describe('evidence-weighted inflammation', () => {
  it('weights strong 1, moderate 0.6, weak 0.3, debated 0.1', () => {
    expect(EVIDENCE_WEIGHTS).toEqual({ strong: 1, moderate: 0.6, weak: 0.3, debated: 0.1 });
  });

  it.each([
    { cls: 'inflammatory', evidence: 'strong', v: -1, penalty: 3 },
    { cls: 'inflammatory', evidence: 'weak', v: -0.3, penalty: 1.95 },
    { cls: 'inflammatory', evidence: 'debated', v: -0.1, penalty: 1.65 },
    { cls: 'neutral', evidence: 'debated', v: 0, penalty: 1.5 },
    { cls: 'gut-healing', evidence: 'weak', v: 0.3, penalty: 1.05 },
    { cls: 'gut-healing', evidence: 'moderate', v: 0.6, penalty: 0.6 },
    { cls: 'gut-healing', evidence: 'strong', v: 1, penalty: 0 },
  ] as const)(
    'a meal made only of $cls ($evidence) foods: s = $v, penalty $penalty',
    ({ cls, evidence, v, penalty }) => {
      // penalty = wI · (1 − s) / 2 with wI = 3, worked out by hand
      expect(W.inflammationPerMeal).toBe(3);
      expect(weightedInflammation({ class: cls, evidence })).toBeCloseTo(v, 12);
      expect(inflammationPenalty(v)).toBeCloseTo(penalty, 12);
    },
  );

  it('a debated claim costs less per meal than missing 1 % of the fibre target for a day', () => {
    const debatedExtra = inflammationPenalty(-0.1) - inflammationPenalty(0);
    expect(debatedExtra).toBeCloseTo(0.15, 12);
    expect(debatedExtra).toBeLessThan(fiberPenalty(29.7, 30));
  });
});

describe('scorePlan', () => {
  it('adds every term of a hand-built week, with leftovers neither cooked nor bought twice', () => {
    const bowl = makeRecipe({
      slug: 'bowl',
      foods: ['chicken', 'rice'],
      inflammationScore: 0,
      perServing: { energyKcal: 1000, proteinG: 40, fiberG: 10, carbsG: 60 },
    });
    const profile = makeProfile({
      householdSize: 2,
      slots: ['lunch', 'dinner'],
      energyKcal: 2000,
      proteinG: 100,
      fiberG: 25,
      carbsPerMealG: { target: 50, tolerance: 5 },
    });
    const input = makeInput({ recipes: [bowl], profile });
    const meal = (
      date: string,
      slot: 'lunch' | 'dinner',
      over: Partial<PlannedMeal> = {},
    ): PlannedMeal => ({
      id: `${date}-${slot}`,
      date,
      slot,
      recipeSlug: 'bowl',
      servings: 2,
      locked: false,
      leftoverOf: null,
      explanation: { total: 0, parts: [] },
      ...over,
    });
    const totals = {
      energyKcal: 0,
      proteinG: 0,
      fiberG: 0,
      carbsG: 0,
      targets: { energyKcal: 2000, proteinG: 100, fiberG: 25 },
      energyInBand: true,
      proteinMet: false,
      fiberMet: false,
    };
    const plan: WeekPlan = {
      weekStart: '2026-11-30',
      days: [
        {
          date: '2026-11-30',
          totals,
          meals: [meal('2026-11-30', 'lunch'), meal('2026-11-30', 'dinner', { servings: 4 })],
        },
        {
          date: '2026-12-01',
          totals,
          meals: [
            meal('2026-12-01', 'lunch', { leftoverOf: '2026-11-30-dinner' }),
            meal('2026-12-01', 'dinner'),
          ],
        },
      ],
    };
    // Each day: 2 meals × 1 portion → 2000 kcal, 80 g protein, 20 g fibre; each meal 60 g carbs.
    const perDay = proteinPenalty(80, 100) + fiberPenalty(20, 25);
    const expected = {
      energy: 0,
      protein: 2 * proteinPenalty(80, 100),
      fiber: 2 * fiberPenalty(20, 25),
      carbs: 4 * 5 * W.carbsPerG,
      inflammation: 4 * (W.inflammationPerMeal / 2),
      // cooking a recipe again is a hard rule, not a term: this hand-built week breaks it (the
      // scorer prices any week as given) and pays nothing for it; rice is its one plant
      variety: -W.plant,
      ingredients: 2 * W.ingredient,
    };
    const score = scorePlan(input, plan);
    expect(score.parts.protein + score.parts.fiber).toBeCloseTo(2 * perDay, 3);
    for (const [key, value] of Object.entries(expected)) {
      expect(score.parts[key as keyof typeof expected]).toBeCloseTo(value, 3);
    }
    expect(score.distinctIngredients).toBe(2);
    expect(score.plants).toBe(1);
    expect(score.total).toBeCloseTo(
      Object.values(expected).reduce((a, b) => a + b, 0),
      3,
    );
  });
});

describe('createRng', () => {
  it('repeats its sequence for a seed and stays in range', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b.next()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBeGreaterThan(990);
    const ints = Array.from({ length: 1000 }, () => a.int(7));
    expect(new Set(ints)).toEqual(new Set([0, 1, 2, 3, 4, 5, 6]));
  });

  it('differs between seeds', () => {
    expect(createRng(1).next()).not.toBe(createRng(2).next());
  });
});

describe('dates', () => {
  it.each([
    { iso: '2026-11-30', days: 6, expected: '2026-12-06' },
    { iso: '2026-12-28', days: 5, expected: '2027-01-02' },
    { iso: '2028-02-28', days: 1, expected: '2028-02-29' },
  ])('$iso + $days days = $expected', ({ iso, days, expected }) => {
    expect(addDays(iso, days)).toBe(expected);
  });

  it('marks Saturday and Sunday as the weekend', () => {
    expect(weekDates('2026-11-30').map(isWeekend)).toEqual([
      false,
      false,
      false,
      false,
      false,
      true,
      true,
    ]);
  });

  it('rejects a string that is not a calendar date', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow();
  });
});
