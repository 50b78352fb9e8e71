import type { MealType } from '../foods/codes';
import type { WeekPlan } from './types';

/**
 * A stored plan and a profile that changed its meal slots since: the slots the plan has meals
 * in that the profile no longer plans, in day order.
 */
export function slotsOutsideProfile(plan: WeekPlan, slots: readonly MealType[]): MealType[] {
  const kept = new Set(slots);
  const out: MealType[] = [];
  for (const day of plan.days) {
    for (const meal of day.meals) {
      if (!kept.has(meal.slot) && !out.includes(meal.slot)) out.push(meal.slot);
    }
  }
  return out;
}

/**
 * The plan with only the meals of `slots`, the profile's current ones. A leftover whose batch
 * was in a dropped slot becomes a freshly cooked meal, and a kept batch no longer cooks the
 * servings of a dropped leftover, so the planner reads a plan it could have made.
 */
export function planWithinSlots(plan: WeekPlan, slots: readonly MealType[]): WeekPlan {
  const kept = new Set(slots);
  const dropped = plan.days.flatMap((d) => d.meals.filter((m) => !kept.has(m.slot)));
  if (dropped.length === 0) return plan;
  const droppedIds = new Set(dropped.map((m) => m.id));
  const fedElsewhere = new Map<string, number>();
  for (const m of dropped) {
    if (m.leftoverOf !== null) {
      fedElsewhere.set(m.leftoverOf, (fedElsewhere.get(m.leftoverOf) ?? 0) + m.servings);
    }
  }
  return {
    weekStart: plan.weekStart,
    days: plan.days.map((day) => ({
      ...day,
      meals: day.meals
        .filter((m) => kept.has(m.slot))
        .map((m) => ({
          ...m,
          servings: m.servings - (fedElsewhere.get(m.id) ?? 0),
          leftoverOf: m.leftoverOf !== null && droppedIds.has(m.leftoverOf) ? null : m.leftoverOf,
        })),
    })),
  };
}
