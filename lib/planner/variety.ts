/**
 * Variety of the week, HARD (like the cooking budget in `cooking.ts`):
 * - a recipe is cooked at most once a week (a leftover meal of it is fine), kept by every move;
 * - one main protein (a recipe's `mainProtein`: salmon, chicken, beans; derived from its foods,
 *   lib/recipes/main-protein.ts) is served at most `maxProteinMeals` meals a week, leftover meals
 *   included. The search prices a meal over the limit `PROTEIN_LIMIT_WEIGHT` only so it climbs
 *   out; a week still over it is never returned.
 */

/** Penalty points per meal over the main-protein limit: never traded. */
export const PROTEIN_LIMIT_WEIGHT = 1000;

/** Penalty of one main protein served at `meals` meals against the limit `max` (0 within it). */
export function proteinExcessPenalty(meals: number, max: number): number {
  return meals > max ? PROTEIN_LIMIT_WEIGHT * (meals - max) : 0;
}

/** "3 meals", "1 meal". */
export function mealsText(n: number): string {
  return `${n} ${n === 1 ? 'meal' : 'meals'}`;
}
