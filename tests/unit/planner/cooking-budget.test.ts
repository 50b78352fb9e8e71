import { describe, expect, it } from 'vitest';
import { generatePlan } from '@/lib/planner/generate-plan';
import { createRng } from '@/lib/planner/rng';
import { alternativesReport, applySwap, rankAlternatives } from '@/lib/planner/swap';
import type { PlannerInput, PlannerRecipe, PlanResult } from '@/lib/planner/types';
import { type FoodKey, makeInput, makeProfile, makeRecipe } from './fixtures';

const PROTEINS: FoodKey[] = ['chicken', 'beef', 'pork', 'salmon', 'cod', 'shrimp', 'tofu', 'eggs'];
const SIDES: FoodKey[] = ['rice', 'quinoa', 'potato', 'sweetPotato', 'cassava', 'pasta'];
const VEG: FoodKey[] = ['spinach', 'kale', 'broccoli', 'carrot', 'zucchini', 'greenBeans'];

/** Ten recipes of one slot, each with `activeMinutes` hands-on, varied foods. */
function recipes(
  slot: 'breakfast' | 'lunch' | 'dinner',
  activeMinutes: number,
  over: Partial<PlannerRecipe> = {},
): PlannerRecipe[] {
  return Array.from({ length: 10 }, (_, i) =>
    makeRecipe({
      slug: `${slot}-${i}`,
      mealTypes: [slot],
      foods: [PROTEINS[i % PROTEINS.length]!, SIDES[i % SIDES.length]!, VEG[i % VEG.length]!],
      prepMinutes: activeMinutes,
      cookMinutes: 10,
      activeMinutes,
      leftoverDays: 0,
      ...over,
    }),
  );
}

const assembled = { assembly: true, cookMinutes: 0 } as const;

function inputOf(catalog: PlannerRecipe[], weekday: { sessions: number; activeMinutes: number }) {
  return makeInput({
    recipes: catalog,
    profile: makeProfile({
      slots: ['breakfast', 'lunch', 'dinner'],
      leftovers: false,
      maxMinutes: { weekday: 90, weekend: 90 },
      cooking: { weekday, weekend: { sessions: 3, activeMinutes: 180 } },
    }),
  });
}

function planOf(input: PlannerInput) {
  const result = generatePlan(input, createRng(5));
  if (!result.ok) throw new Error(`expected a plan: ${result.diagnosis.suggestions.join('; ')}`);
  return result.plan;
}

function diagnosisOf(result: PlanResult) {
  if (result.ok) throw new Error('expected an infeasible answer');
  return result.diagnosis;
}

describe('cooking budget: swaps', () => {
  // Assembled breakfasts (5 min), cooked lunches (15) and dinners (20): 2 sessions and 40
  // hands-on minutes a day, within a weekday budget of 2 sessions and 60 minutes.
  const slowDinner = makeRecipe({
    slug: 'slow-dinner',
    mealTypes: ['dinner'],
    foods: ['lentils', 'carrot', 'onion'],
    prepMinutes: 40,
    cookMinutes: 30,
    activeMinutes: 50,
    leftoverDays: 0,
    // worse than every other dinner, so the search leaves it out and a swap can ask for it
    inflammationScore: -1,
  });
  const cookedBreakfast = makeRecipe({
    slug: 'cooked-breakfast',
    mealTypes: ['breakfast'],
    foods: ['eggs', 'spinach', 'oliveOil'],
    prepMinutes: 5,
    cookMinutes: 10,
    activeMinutes: 10,
    leftoverDays: 0,
    inflammationScore: -1,
  });
  const input = inputOf(
    [
      ...recipes('breakfast', 5, { ...assembled, prepMinutes: 5 }),
      ...recipes('lunch', 15),
      ...recipes('dinner', 20),
      slowDinner,
      cookedBreakfast,
    ],
    { sessions: 2, activeMinutes: 60 },
  );
  const plan = planOf(input);
  const monday = plan.days[0]!;
  const meal = (slot: string) => monday.meals.find((m) => m.slot === slot)!;

  it('plans within the budget and shows it in the day totals', () => {
    for (const day of plan.days.slice(0, 5)) {
      expect(day.totals.cooking!.budget).toEqual({ sessions: 2, activeMinutes: 60 });
      expect(day.totals.cooking!.sessions).toBeLessThanOrEqual(2);
      expect(day.totals.cooking!.activeMinutes).toBeLessThanOrEqual(60);
    }
    expect(plan.days[5]!.totals.cooking!.budget).toEqual({ sessions: 3, activeMinutes: 180 });
  });

  it('refuses a swap over the day’s hands-on minutes and names the budget', () => {
    const result = applySwap(input, plan, meal('dinner').id, slowDinner.slug);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('over-cooking-budget');
    expect(result.message).toBe(
      `${slowDinner.name} would break your cooking budget: 2026-11-30 would take 70 hands-on minutes; your weekday budget is 60 minutes.`,
    );
    expect(
      rankAlternatives(input, plan, meal('dinner').id, 100).map((a) => a.recipeSlug),
    ).not.toContain(slowDinner.slug);
    const report = alternativesReport(input, plan, meal('dinner').id)!;
    expect(report.rejected.overBudget.activeMinutes).toBe(1);
    expect(report.day.cooking).toEqual({
      sessions: 2,
      activeMinutes: 40,
      budget: { sessions: 2, activeMinutes: 60 },
    });
  });

  it('refuses a swap that needs one more cooking session and names the budget', () => {
    const result = applySwap(input, plan, meal('breakfast').id, cookedBreakfast.slug);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('over-cooking-budget');
    expect(result.message).toBe(
      `${cookedBreakfast.name} would break your cooking budget: 2026-11-30 would need 3 cooking sessions; your weekday budget is 2 cooking sessions.`,
    );
    expect(
      rankAlternatives(input, plan, meal('breakfast').id, 100).map((a) => a.recipeSlug),
    ).not.toContain(cookedBreakfast.slug);
    expect(alternativesReport(input, plan, meal('breakfast').id)!.rejected.overBudget).toEqual({
      sessions: 1,
      activeMinutes: 0,
    });
  });

  it('allows the same swaps at the weekend, whose budget has room', () => {
    const saturday = plan.days[5]!.meals.find((m) => m.slot === 'breakfast')!;
    const result = applySwap(input, plan, saturday.id, cookedBreakfast.slug);
    expect(result.ok).toBe(true);
  });
});

describe('cooking budget: diagnosis', () => {
  it('suggests one more cooking session on weekdays when three cooked meals are needed', () => {
    const input = inputOf(
      [...recipes('breakfast', 10), ...recipes('lunch', 15), ...recipes('dinner', 20)],
      { sessions: 2, activeMinutes: 60 },
    );
    const diagnosis = diagnosisOf(generatePlan(input, createRng(1)));
    expect(diagnosis.suggestions).toContain('Allow 3 cooking sessions on weekdays');
    expect(diagnosis.suggestions.some((s) => s.includes('weekday cooking budget'))).toBe(true);
    expect(diagnosis.suggestions.join()).not.toContain('at weekends');
  });

  it('suggests the hands-on minutes a weekday needs', () => {
    // three meals of 30 hands-on minutes: 90 a day against 60
    const input = inputOf(
      [...recipes('breakfast', 30), ...recipes('lunch', 30), ...recipes('dinner', 30)],
      { sessions: 3, activeMinutes: 60 },
    );
    const diagnosis = diagnosisOf(generatePlan(input, createRng(1)));
    expect(diagnosis.suggestions).toContain('Allow 90 hands-on minutes on weekdays');
    expect(diagnosis.suggestions).not.toContain('Allow 75 hands-on minutes on weekdays');
  });

  it('names the budget as the blocker when a recipe alone is over it', () => {
    const input = inputOf(
      [...recipes('breakfast', 5, assembled), ...recipes('lunch', 15), ...recipes('dinner', 70)],
      { sessions: 3, activeMinutes: 60 },
    );
    const diagnosis = diagnosisOf(generatePlan(input, createRng(1)));
    const dinner = diagnosis.slots.find((s) => s.slot === 'dinner')!;
    expect(dinner.blockers[0]).toEqual({
      rule: 'weekday cooking budget 3 cooking sessions and 60 hands-on minutes a day',
      recipesExcluded: 10,
    });
    // 5 + 15 + 70 minutes a day
    expect(diagnosis.suggestions).toContain('Allow 90 hands-on minutes on weekdays');
  });
});
