import type { DayCookingBudget, PlannerProfile, PlannerRecipe } from './types';

/**
 * The cooking budget, a HARD rule per day (like the daily caps in `daily-caps.ts`): at most
 * `sessions` cooked meals and at most `activeMinutes` hands-on minutes, with the weekend budget
 * on Saturday and Sunday.
 *
 * - A cooked meal is a freshly made meal of a recipe that is not `assembly`. A leftover meal costs
 *   no session and no minutes (it was cooked the day before); an assembly recipe costs its few
 *   hands-on minutes but no session.
 * - Hands-on minutes are the recipe's `activeMinutes`; unknown (null) counts prep + cook, an upper
 *   bound, never 0. They do not grow with the portion: two portions take one cooking.
 * - A make-ahead recipe (hours unattended) counts on the day it is served, the day it is planned.
 *
 * The per-meal time limit (`maxMinutes`, prep + cook) still applies on top. A recipe whose own
 * hands-on minutes are over a day's budget is no candidate that day (`Model.cellCandidates`).
 * The search prices a day over its budget `COOKING_BUDGET_WEIGHT` per session and per minute over,
 * only so it climbs out of it; a week still over budget is never returned: the answer is a
 * diagnosis that names the budget.
 */

/** Penalty points per session or hands-on minute over a day's budget: never traded. */
export const COOKING_BUDGET_WEIGHT = 1000;

/** Hands-on minutes of one cooking of `recipe` (prep + cook when unknown). */
export function activeMinutesOf(recipe: PlannerRecipe): number {
  return recipe.activeMinutes ?? recipe.prepMinutes + recipe.cookMinutes;
}

/** Whether cooking `recipe` takes a cooking session. */
export function takesSession(recipe: PlannerRecipe): boolean {
  return !recipe.assembly;
}

/** The budget of one day; null when the profile sets none. */
export function dayBudgetOf(profile: PlannerProfile, weekend: boolean): DayCookingBudget | null {
  const c = profile.cooking;
  if (!c) return null;
  return weekend ? c.weekend : c.weekday;
}

/** Penalty of a day's sessions and hands-on minutes over its budget (0 within it). */
export function budgetExcessPenalty(
  sessions: number,
  minutes: number,
  sessionBudget: number,
  minuteBudget: number,
): number {
  const overS = sessions - sessionBudget;
  const overM = minutes - minuteBudget;
  return (
    (overS > 0 ? COOKING_BUDGET_WEIGHT * overS : 0) +
    (overM > 1e-9 ? COOKING_BUDGET_WEIGHT * overM : 0)
  );
}

/** "2 cooking sessions", "1 cooking session". */
export function sessionsText(n: number): string {
  return `${n} cooking ${n === 1 ? 'session' : 'sessions'}`;
}

/** "on weekdays" / "at weekends", as suggestions phrase the kind of day. */
export function dayKindText(weekend: boolean): string {
  return weekend ? 'at weekends' : 'on weekdays';
}
