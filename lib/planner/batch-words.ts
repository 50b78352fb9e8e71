import { weekdayName } from '../export/dates';
import { formatShare } from '../units/format';
import type { BatchPlace, CookBatch } from './batches';

/**
 * The words for what to cook and what each person eats, one wording for the plan page, the
 * exports and the API: "cook ½ recipe (2 servings)", "1½ servings each".
 */

/** "½ serving", "1 serving", "1½ servings". */
export function servingsWords(servings: number): string {
  return `${formatShare(servings)} ${servings > 1 ? 'servings' : 'serving'}`;
}

/** "½ recipe", "1 recipe", "1½ recipes". */
export function recipeWords(multiple: number): string {
  return `${formatShare(multiple)} ${multiple > 1 ? 'recipes' : 'recipe'}`;
}

/** "cook ½ recipe (2 servings)". */
export function cookText(batch: CookBatch): string {
  return `cook ${recipeWords(batch.recipeMultiple)} (${servingsWords(batch.servings)})`;
}

/** "½ serving spare", or null when the batch is eaten to the last serving. */
export function spareText(batch: CookBatch): string | null {
  // shown in quarters: float noise of a rescaled household is not a spare serving
  const spare = Math.round(batch.spareServings * 4) / 4;
  return spare > 0 ? `${servingsWords(spare)} spare` : null;
}

/** Each person's portion of one written serving: "1½ servings each", "1 serving each". */
export function portionText(portion: number): string {
  return `${servingsWords(portion)} each`;
}

/** A batch with its words, as the plan API and the JSON export carry it. */
export type CookLine = CookBatch & { text: string; spareText: string | null };

export function cookLine(batch: CookBatch): CookLine {
  return { ...batch, text: cookText(batch), spareText: spareText(batch) };
}

/**
 * "cooked Monday, 2 of 3 meals": where a meal sits in a batch that feeds several; a portion
 * eaten after the fridge days adds ", from the freezer".
 */
export function batchText(place: BatchPlace & { frozen?: boolean }): string {
  const frozen = place.frozen ? ', from the freezer' : '';
  return `cooked ${weekdayName(place.cookedOn)}, ${place.portion} of ${place.of} meals${frozen}`;
}
