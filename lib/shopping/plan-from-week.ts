import type { WeekPlan } from '../planner/types';
import type { Plan } from './types';

/**
 * The shopping domain's view of a planner week for a household of `householdSize`: a challenge
 * meal's add-on is bought for each person (doseG × householdSize).
 */
export function toShoppingPlan(
  planId: number,
  profileId: number,
  plan: WeekPlan,
  householdSize: number,
): Plan {
  return {
    id: String(planId),
    profileId: String(profileId),
    weekStart: plan.weekStart,
    days: plan.days.map((d) => ({
      date: d.date,
      washout: d.washout === true,
      meals: d.meals.map((m) => ({
        id: m.id,
        slot: m.slot,
        recipeSlug: m.recipeSlug,
        servings: m.servings,
        locked: m.locked,
        leftoverOf: m.leftoverOf,
        challenge: m.challenge
          ? { ...m.challenge, householdG: m.challenge.doseG * householdSize }
          : null,
      })),
    })),
  };
}
