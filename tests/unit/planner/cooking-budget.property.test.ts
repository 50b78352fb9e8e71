import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CookingBudget, PlannerInput, WeekPlan } from '@/lib/planner/types';
import { inputArbWith, PROPERTY_TIMEOUT_MS, seedArb } from './arbitraries';
import { cookingByDay, EFFORT_CATALOG, hardRuleProblems } from './fixtures';
import { checkPlanAndChanges } from './plan-changes';

const budgetArb: fc.Arbitrary<CookingBudget> = fc
  .record({
    sessions: fc.integer({ min: 1, max: 4 }),
    minutes: fc.constantFrom(20, 30, 45, 60, 90, 120),
    extraSessions: fc.integer({ min: 0, max: 1 }),
    extraMinutes: fc.constantFrom(0, 30, 60),
  })
  .map((b) => ({
    weekday: { sessions: b.sessions, activeMinutes: b.minutes },
    weekend: { sessions: b.sessions + b.extraSessions, activeMinutes: b.minutes + b.extraMinutes },
  }));

const budgetInputArb = inputArbWith(EFFORT_CATALOG, budgetArb, (profile, cooking) => ({
  ...profile,
  cooking,
}));

/** The plan keeps every hard rule, the budget included, and its totals say so truthfully. */
function expectWithinBudget(input: PlannerInput, plan: WeekPlan): void {
  expect(hardRuleProblems(input, plan)).toEqual([]);
  const byDay = cookingByDay(input, plan);
  plan.days.forEach((day, i) => {
    expect(day.totals.cooking).toBeDefined();
    expect(day.totals.cooking!.sessions).toBe(byDay[i]!.sessions);
    expect(day.totals.cooking!.activeMinutes).toBeCloseTo(byDay[i]!.activeMinutes, 6);
  });
}

describe('cooking budget (sessions and hands-on minutes per day)', () => {
  it(
    'no generated, swapped or regenerated plan goes over the budget on any day',
    () => {
      let planned = 0;
      let runs = 0;
      fc.assert(
        fc.property(budgetInputArb, seedArb, fc.nat(), fc.nat(), (input, seed, pick, pick2) => {
          runs++;
          // any recipe at all: either refused, or the week stays within the budget
          const any = EFFORT_CATALOG[pick2 % EFFORT_CATALOG.length]!.slug;
          const check = (plan: WeekPlan) => expectWithinBudget(input, plan);
          if (checkPlanAndChanges(input, seed, pick, pick2, any, check)) planned++;
        }),
        { numRuns: 300 },
      );
      // A budget must not make planning a rarity on this catalog.
      expect(planned / runs).toBeGreaterThan(0.4);
    },
    PROPERTY_TIMEOUT_MS,
  );
});
