import { daysBetween } from './dates';

/**
 * What a household cooks for a meal. Portions per person come in halves of a serving, but a home
 * cook makes a whole or a half recipe, not 2½ of its 4 servings: a freshly cooked meal makes the
 * smallest multiple of half the recipe that covers the servings eaten (the leftovers it feeds
 * included). The shopping list buys exactly that.
 */

/** The finest share of a written recipe a household cooks. */
export const RECIPE_STEP = 0.5;

/** Float noise in servings (a household rescaled by a fraction) never adds another half recipe. */
const EPSILON = 1e-9;

export type CookBatch = {
  /** Whole or half recipes to cook: ½, 1, 1½, … */
  recipeMultiple: number;
  /** Servings the batch makes: recipeMultiple × the recipe's written servings. */
  servings: number;
  /** Servings made beyond those eaten (the meal's and the leftovers'). */
  spareServings: number;
};

/** The batch that covers `servingsEaten` of a recipe written for `recipeServings`. */
export function cookBatch(servingsEaten: number, recipeServings: number): CookBatch {
  if (!(recipeServings > 0)) throw new Error(`a recipe yields servings, got ${recipeServings}`);
  const steps = Math.ceil(servingsEaten / recipeServings / RECIPE_STEP - EPSILON);
  const recipeMultiple = Math.max(1, steps) * RECIPE_STEP;
  const servings = recipeMultiple * recipeServings;
  return { recipeMultiple, servings, spareServings: Math.max(0, servings - servingsEaten) };
}

/** A meal's batch: null for a leftover meal, which cooks nothing. */
export function mealBatch(
  meal: { servings: number; leftoverOf: string | null },
  recipeServings: number,
): CookBatch | null {
  return meal.leftoverOf === null ? cookBatch(meal.servings, recipeServings) : null;
}

/**
 * Each meal's per-person portion of one written serving: a cooking meal's servings count the
 * leftover portions it feeds, so those come off before dividing by the household.
 */
export function mealPortions(
  meals: readonly { id: string; servings: number; leftoverOf: string | null }[],
  householdSize: number,
): Map<string, number> {
  const fed = new Map<string, number>();
  for (const m of meals) {
    if (m.leftoverOf) fed.set(m.leftoverOf, (fed.get(m.leftoverOf) ?? 0) + m.servings);
  }
  return new Map(meals.map((m) => [m.id, (m.servings - (fed.get(m.id) ?? 0)) / householdSize]));
}

/** A meal's place in a batch that feeds several meals: "cooked Monday, 2 of 3 meals". */
export type BatchPlace = {
  /** Date of the meal the batch is cooked at. */
  cookedOn: string;
  /** 1-based: the cooking meal is 1, its leftover meals follow in week order. */
  portion: number;
  /** Meals the batch feeds, the cooking meal included. */
  of: number;
};

/**
 * A batch meal eaten later than the dish keeps in the fridge (`leftoverDays`): the planner only
 * allows that for a dish that freezes, so the portion goes into the freezer on the cooking day.
 */
export function isFrozenPortion(place: BatchPlace, eatenOn: string, fridgeDays: number): boolean {
  return place.portion > 1 && daysBetween(place.cookedOn, eatenOn) > fridgeDays;
}

/**
 * Each meal's place in its batch, for the meals of batches that feed leftover meals (a meal
 * cooked for itself alone has none). `meals` come in week order, which numbers the leftovers.
 */
export function batchPlaces(
  meals: readonly { id: string; date: string; leftoverOf: string | null }[],
): Map<string, BatchPlace> {
  const byId = new Map(meals.map((m) => [m.id, m]));
  const fed = new Map<string, string[]>();
  for (const m of meals) {
    if (m.leftoverOf !== null && byId.has(m.leftoverOf)) {
      fed.set(m.leftoverOf, [...(fed.get(m.leftoverOf) ?? []), m.id]);
    }
  }
  const out = new Map<string, BatchPlace>();
  for (const [sourceId, leftovers] of fed) {
    const cookedOn = byId.get(sourceId)!.date;
    const of = leftovers.length + 1;
    out.set(sourceId, { cookedOn, portion: 1, of });
    for (const [i, id] of leftovers.entries()) out.set(id, { cookedOn, portion: i + 2, of });
  }
  return out;
}
