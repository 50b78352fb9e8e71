import { FODMAP_SUBGROUP_CODES, isFodmapCode } from '../foods/codes';
import type { TagRef } from '../restrictions/types';
import { hasFodmapDose } from '../restrictions/violations';

/** Slack for floating-point sums: a load of exactly 1 is within the limit. */
export const LOAD_EPS = 1e-9;

/** An ingredient of one serving, as the dose model needs it. */
export type DoseIngredient = {
  ndb: string;
  /** Grams in one written serving; null or absent = unknown. */
  gramsPerServing?: number | null;
  tags: TagRef[];
};

const SUBGROUPS: readonly string[] = FODMAP_SUBGROUP_CODES;

/** The smallest green serve among a food's FODMAP tags, grams (they normally agree). */
function greenOf(tags: TagRef[]): number {
  let green = Number.POSITIVE_INFINITY;
  for (const t of tags)
    if (isFodmapCode(t.code) && t.greenMaxG !== undefined) green = Math.min(green, t.greenMaxG);
  return green;
}

/**
 * FODMAP load of one serving, per subgroup: Σ over dosed foods carrying the subgroup of
 * (grams per serving ÷ greenMaxG). A dosed food that names no subgroup gets its own key
 * `food:<ndb>` (its serve still caps it). Foods without a dose are not counted here: a dose-aware
 * restriction excludes them. Several lines of one food add up. A dosed food with unknown grams
 * makes the load infinite (unknown is never zero).
 *
 * Invariant used by the planner: a meal of portion p is within every green serve and the
 * stacking limit exactly when p × load ≤ 1 for every key.
 */
export function servingLoads(ingredients: DoseIngredient[]): Map<string, number> {
  const grams = new Map<string, { grams: number | null; tags: TagRef[] }>();
  for (const ing of ingredients) {
    if (!hasFodmapDose({ ndb: ing.ndb, name: '', allergens: [], tags: ing.tags })) continue;
    const prev = grams.get(ing.ndb);
    const own = ing.gramsPerServing ?? null;
    const g =
      prev === undefined ? own : prev.grams === null || own === null ? null : prev.grams + own;
    grams.set(ing.ndb, { grams: g, tags: ing.tags });
  }
  const loads = new Map<string, number>();
  for (const [ndb, { grams: g, tags }] of grams) {
    const share = g === null ? Number.POSITIVE_INFINITY : g / greenOf(tags);
    const keys = [...new Set(tags.map((t) => t.code).filter((c) => SUBGROUPS.includes(c)))];
    for (const key of keys.length > 0 ? keys : [`food:${ndb}`]) {
      loads.set(key, (loads.get(key) ?? 0) + share);
    }
  }
  return loads;
}

/**
 * The largest portion factor (servings per person per meal) that keeps every dosed food within
 * its green serve and every subgroup within the stacking limit: 1 ÷ the largest load.
 * Infinity when nothing is dosed.
 */
export function maxPortionOf(ingredients: DoseIngredient[]): number {
  let worst = 0;
  for (const load of servingLoads(ingredients).values()) worst = Math.max(worst, load);
  return worst === 0 ? Number.POSITIVE_INFINITY : 1 / worst;
}

/** Whether `portion` servings per person stay within `maxPortion` (with float slack). */
export function portionFits(portion: number, maxPortion: number): boolean {
  return portion <= maxPortion * (1 + LOAD_EPS);
}

/**
 * The dosed foods that take part in a limit broken at `portion` servings per person: the foods
 * of every subgroup (or own key) whose load × portion is over 1. Empty when the portion fits.
 */
export function foodsOverLimit(ingredients: DoseIngredient[], portion: number): string[] {
  const loads = servingLoads(ingredients);
  const over = new Set<string>();
  for (const [key, load] of loads) {
    if (portionFits(portion, 1 / load)) continue;
    for (const ing of ingredients) {
      if (!hasFodmapDose({ ndb: ing.ndb, name: '', allergens: [], tags: ing.tags })) continue;
      const codes = ing.tags.map((t) => t.code);
      if (key === `food:${ing.ndb}` || codes.includes(key)) over.add(ing.ndb);
    }
  }
  return [...over];
}
