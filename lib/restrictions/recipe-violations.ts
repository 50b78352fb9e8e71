import type { Restriction, TaggedFoodRef, Violation } from './types';
import { findViolations } from './violations';

/** Every violation of every ingredient: a recipe is only as compliant as its least compliant food. */
export function findRecipeViolations(
  ingredients: TaggedFoodRef[],
  restriction: Restriction,
): Violation[] {
  return ingredients.flatMap((food) => findViolations(food, restriction));
}

export type ViolationSummary = { code: string; reason: string; foods: string[] };

/** Groups violations by rule for display: "nightshade — not in AIP · Elimination: paprika, tomato". */
export function summarizeViolations(violations: Violation[]): ViolationSummary[] {
  const byKey = new Map<string, ViolationSummary>();
  for (const v of violations) {
    const key = `${v.origin}:${v.kind}:${v.code}`;
    const entry = byKey.get(key) ?? { code: v.code, reason: v.reason, foods: [] };
    const label = v.certainty === 'may-contain' ? `${v.foodName} (may contain)` : v.foodName;
    if (!entry.foods.includes(label)) entry.foods.push(label);
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}
