import type { MealType } from '../foods/codes';
import { addDays } from './dates';
import {
  isMakeAhead,
  type LeadTimes,
  leadDays,
  type PassiveKind,
  passiveKindOf,
} from './make-ahead';

/**
 * One prep task of a week: a make-ahead meal's prep, on the day it starts (its latest start, see
 * `leadDays`). Derived from the meals whenever a plan is read, never stored.
 */
export type PrepLine = {
  recipeSlug: string;
  recipeName: string;
  /** Hands-on minutes (prep + cook when unknown). */
  activeMinutes: number;
  passiveMinutes: number;
  /** What the wait is, in a word (`passiveKindOf`). */
  passiveKind: PassiveKind;
  /** The date of the meal it is for. */
  readyOn: string;
  /** Id of that meal. */
  forMeal: string;
};

/** A planned meal with what its recipe's prep needs. */
export type PrepMeal = LeadTimes & {
  id: string;
  date: string;
  slot: MealType;
  /** A leftover meal is served from a batch already made: it has no prep of its own. */
  leftoverOf: string | null;
  recipeSlug: string;
  recipeName: string;
};

/**
 * The prep lines of `meals` by the date their prep starts, in the order of the meals. A
 * make-ahead meal served on its start day (a slow-cooker dinner started that morning) gets a
 * line that day too.
 */
export function prepLinesByDate(meals: readonly PrepMeal[]): Map<string, PrepLine[]> {
  const out = new Map<string, PrepLine[]>();
  for (const meal of meals) {
    if (meal.leftoverOf !== null || !isMakeAhead(meal)) continue;
    const start = addDays(meal.date, -leadDays(meal.slot, meal));
    const list = out.get(start) ?? [];
    list.push({
      recipeSlug: meal.recipeSlug,
      recipeName: meal.recipeName,
      activeMinutes: meal.activeMinutes ?? meal.prepMinutes + meal.cookMinutes,
      passiveMinutes: meal.passiveMinutes ?? 0,
      passiveKind: passiveKindOf(meal),
      readyOn: meal.date,
      forMeal: meal.id,
    });
    out.set(start, list);
  }
  return out;
}
