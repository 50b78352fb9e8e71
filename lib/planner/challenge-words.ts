import type { MealType } from '../foods/codes';
import type { MealChallenge } from './challenges';

/** What a washout day says: the clean background, nothing added. */
export const WASHOUT_TEXT = 'Washout: elimination foods only';

/** "lactose", "lactose 2" (a retest): the challenge as the schedule names it. */
function challengeName(c: Pick<MealChallenge, 'challengeId'>): string {
  return c.challengeId.replace(/-/g, ' ');
}

/** "lactose, day 2 of 3" ("day 2" when the number of days is not known). */
export function challengeDayText(c: Pick<MealChallenge, 'challengeId' | 'day' | 'days'>): string {
  return `${challengeName(c)}, day ${c.day}${c.days ? ` of ${c.days}` : ''}`;
}

/** The add-on line: "add ½ cup milk to breakfast", naming the meal it goes with. */
export function addOnText(c: Pick<MealChallenge, 'words'>, mealSlot: MealType): string {
  return `add ${c.words} to ${mealSlot}`;
}

/** "Challenge · lactose, day 2 of 3: add ½ cup milk to breakfast". */
export function challengeText(c: MealChallenge, mealSlot: MealType): string {
  return `Challenge · ${challengeDayText(c)}: ${addOnText(c, mealSlot)}`;
}
