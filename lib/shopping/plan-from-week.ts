import type { WeekPlan } from '../planner/types';
import type { Plan } from './types';

/** The shopping domain's view of a planner week. */
export function toShoppingPlan(planId: number, profileId: number, plan: WeekPlan): Plan {
  return {
    id: String(planId),
    profileId: String(profileId),
    weekStart: plan.weekStart,
    days: plan.days.map((d) => ({
      date: d.date,
      meals: d.meals.map((m) => ({
        id: m.id,
        slot: m.slot,
        recipeSlug: m.recipeSlug,
        servings: m.servings,
        locked: m.locked,
        leftoverOf: m.leftoverOf,
      })),
    })),
  };
}
