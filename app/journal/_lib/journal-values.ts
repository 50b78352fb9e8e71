import { MEAL_TYPES } from '@/lib/foods/codes';
import {
  type JournalEntry,
  type MealReaction,
  RATED_SYMPTOMS,
  type Symptoms,
} from '@/lib/journal/schema';

/** A new day starts at 0 (none) for every rating, so a good day takes one tap on Save. */
export const EMPTY_SYMPTOMS: Symptoms = {
  bloating: 0,
  pain: 0,
  stool: null,
  fatigue: 0,
  joints: 0,
  skin: 0,
  brainFog: 0,
  headache: 0,
  sleep: 0,
};

export type Reactions = Record<string, string>;

/** The form's reaction boxes (one per meal slot) from an entry's meals. */
export function reactionsOf(date: string, meals: readonly MealReaction[]): Reactions {
  const out: Reactions = {};
  for (const slot of MEAL_TYPES) {
    out[slot] = meals.find((m) => m.mealId === `${date}-${slot}`)?.reaction ?? '';
  }
  return out;
}

/** The API's `meals` from the boxes that say something. */
export function mealsOf(date: string, reactions: Reactions): MealReaction[] {
  return MEAL_TYPES.flatMap((slot) => {
    const reaction = (reactions[slot] ?? '').trim();
    return reaction ? [{ mealId: `${date}-${slot}`, reaction }] : [];
  });
}

/** "bloating 4 · pain 2": a recent day's worst ratings, for the list of days. */
export function summaryOf(entry: Pick<JournalEntry, 'symptoms'>, labels: Record<string, string>) {
  const worst = RATED_SYMPTOMS.map((k) => [k, entry.symptoms[k]] as const)
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3);
  return worst.length === 0
    ? 'no symptoms'
    : worst.map(([k, v]) => `${(labels[k] ?? k).toLowerCase()} ${v}`).join(' · ');
}
