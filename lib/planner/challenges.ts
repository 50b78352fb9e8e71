import type { MealType } from '../foods/codes';
import type { ChallengeMeal } from '../reintroduction/types';
import type { PlanDay, PlannedMeal, WeekPlan } from './types';

/**
 * A reintroduction challenge on a planned meal: the challenge food eaten with it, as an explicit
 * add-on line ("add 1 tbsp honey to breakfast"); the recipe itself stays on the elimination
 * background. `slot` is the slot the challenge asked for; the meal's own slot may differ when
 * the profile has no meal there.
 */
export type MealChallenge = ChallengeMeal;

/** A week's calendar as plans take it. */
export type ChallengeCalendar = {
  challenges: Readonly<Record<string, MealChallenge>>;
  washout: readonly string[];
};

/** Meal slots in the order of a day, for "the nearest slot". */
const DAY_ORDER: readonly MealType[] = ['breakfast', 'lunch', 'snack', 'dinner'];

/**
 * The slot of `slots` that carries a challenge asked for `wanted`: that slot when planned, else
 * the nearest one in the day's order (breakfast, lunch, snack, dinner), the earlier on a tie;
 * null when the day has no meal.
 */
export function challengeSlotFor(wanted: MealType, slots: readonly MealType[]): MealType | null {
  const at = DAY_ORDER.indexOf(wanted);
  let best: MealType | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const slot of DAY_ORDER) {
    if (!slots.includes(slot)) continue;
    const distance = Math.abs(DAY_ORDER.indexOf(slot) - at);
    if (distance < bestDistance) {
      best = slot;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The plan with the calendar on it: each meal carries its challenge or null, each day whether
 * it is a washout day. A challenge date's one challenge goes on the meal of the challenge's slot
 * (or the nearest planned slot, `challengeSlotFor`), whatever its recipe, leftover meals
 * included: the challenge belongs to the date and slot. A date that is both a challenge and a
 * washout date in the calendar is a challenge day. Dates outside the plan are ignored. Pure.
 */
export function placeChallenges(plan: WeekPlan, calendar: ChallengeCalendar): WeekPlan {
  const washout = new Set(calendar.washout);
  return {
    ...plan,
    days: plan.days.map((day): PlanDay => {
      const challenge = calendar.challenges[day.date] ?? null;
      const slot = challenge
        ? challengeSlotFor(
            challenge.slot,
            day.meals.map((m) => m.slot),
          )
        : null;
      return {
        ...day,
        washout: challenge === null && washout.has(day.date),
        meals: day.meals.map(
          (meal): PlannedMeal => ({
            ...meal,
            challenge: challenge !== null && meal.slot === slot ? { ...challenge } : null,
          }),
        ),
      };
    }),
  };
}

/** The calendar a plan carries (its challenge meals and washout days), to keep it through a change. */
export function calendarOf(plan: WeekPlan): ChallengeCalendar {
  const challenges: Record<string, MealChallenge> = {};
  const washout: string[] = [];
  for (const day of plan.days) {
    if (day.washout) washout.push(day.date);
    for (const meal of day.meals) if (meal.challenge) challenges[day.date] = meal.challenge;
  }
  return { challenges, washout };
}
