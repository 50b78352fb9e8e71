import type { PlanScore } from './types';
/**
 * The plan's objective, in penalty points: 0 is ideal, lower is better. Nutrition is per person,
 * a meal's nutrition is `portion × perServing`, and `portion` comes from {@link PORTIONS}.
 *
 * ```
 * penalty = Σ_day  wE · 100 · max(0, |E_d − T_E| − 0.1·T_E) / T_E     energy outside ±10 %
 *        + Σ_day  wP · 100 · max(0, T_P − P_d) / T_P                   protein shortfall
 *        + Σ_day  wF · 100 · max(0, T_F − F_d) / T_F                   fibre shortfall
 *        + Σ_main meal  wC · max(0, |C_m − T_C| − tol_C)               carbs (only when set)
 *        + Σ_meal  wI · (1 − s_m) / 2                                  s = inflammationScore ∈ [−1, 1]
 *        + Σ_recipe  wV · max(0, cooked_r − 1)                         second cooking of a recipe
 *        + wN · |distinct ingredient foods (ndb) of the cooked recipes|
 * ```
 * The inflammation score of a recipe is weighted by the evidence for each ingredient's class
 * (computed in lib/recipes/derive.ts; the weights live in lib/foods/inflammation.ts):
 *
 * ```
 * s_r = Σ_i c_i · e_i · g_i / Σ_i g_i        over the recipe's ingredients i, g_i in grams
 * c_i = +1 gut-healing, 0 neutral, −1 inflammatory
 * e_i = 1 strong, 0.6 moderate, 0.3 weak, 0.1 debated     (EVIDENCE_WEIGHTS)
 * ```
 * So a meal made only of foods whose inflammatory claim is debated (dairy, sweets: s = −0.1)
 * costs wI · 1.1 / 2 = 1.65, only 0.15 more than a neutral meal (1.5), and cannot outweigh the
 * fibre or protein terms; a meal of strong-evidence foods spans the full 0 (whole grains) to
 * wI = 3 (alcohol).
 *
 * Every term is linear or a max of linear functions of the 0/1 meal choices, so the whole
 * objective is a mixed-integer program. A leftover meal counts in the day's nutrition and in
 * the inflammation term, never as a second cooking and never as new ingredients. A target ≤ 0
 * switches its term off. Main meals are breakfast, lunch and dinner (snacks have no carb target).
 */
export const SCORE_WEIGHTS = {
  /** per percent of the energy target outside the ±10 % band, per day */
  energyPerPct: 1,
  /** per percent of the protein target missing, per day */
  proteinPerPct: 0.6,
  /** per percent of the fibre target missing, per day */
  fiberPerPct: 0.25,
  /** per gram of carbohydrate beyond the tolerance, per main meal */
  carbsPerG: 0.3,
  /** per meal, from 0 (s = +1, gut-healing) to this value (s = −1, inflammatory); s is evidence-weighted */
  inflammationPerMeal: 3,
  /** per second cooking of the same recipe in the week */
  repeat: 2,
  /** per distinct ingredient food to buy */
  ingredient: 0.5,
} as const;

/** Energy band half-width as a share of the target (DOMAIN §7.5). */
export const ENERGY_BAND = 0.1;

/** Portion factors per person a meal may use; 1 = one written serving. */
export const PORTIONS = [0.75, 1, 1.25, 1.5, 2] as const;

export function energyPenalty(energyKcal: number, targetKcal: number): number {
  if (targetKcal <= 0) return 0;
  const outside = Math.abs(energyKcal - targetKcal) - ENERGY_BAND * targetKcal;
  return outside > 0 ? (SCORE_WEIGHTS.energyPerPct * 100 * outside) / targetKcal : 0;
}

export function proteinPenalty(proteinG: number, targetG: number): number {
  if (targetG <= 0 || proteinG >= targetG) return 0;
  return (SCORE_WEIGHTS.proteinPerPct * 100 * (targetG - proteinG)) / targetG;
}

export function fiberPenalty(fiberG: number, targetG: number): number {
  if (targetG <= 0 || fiberG >= targetG) return 0;
  return (SCORE_WEIGHTS.fiberPerPct * 100 * (targetG - fiberG)) / targetG;
}

export function carbsPenalty(
  carbsG: number,
  spec: { target: number; tolerance: number } | null,
): number {
  if (!spec) return 0;
  const outside = Math.abs(carbsG - spec.target) - spec.tolerance;
  return outside > 0 ? SCORE_WEIGHTS.carbsPerG * outside : 0;
}

export function inflammationPenalty(inflammationScore: number): number {
  const s = Math.max(-1, Math.min(1, inflammationScore));
  return (SCORE_WEIGHTS.inflammationPerMeal * (1 - s)) / 2;
}

export function isInEnergyBand(energyKcal: number, targetKcal: number): boolean {
  return Math.abs(energyKcal - targetKcal) <= ENERGY_BAND * targetKcal + 1e-9;
}

/** Rounds a score for display and storage; the search works with full precision. */
export function roundScore(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Rounds the parts and adds them up: the one place a PlanScore is assembled. */
export function finishScore(parts: PlanScore['parts'], distinctIngredients: number): PlanScore {
  const total = Object.values(parts).reduce((a, b) => a + b, 0);
  const rounded = Object.fromEntries(
    Object.entries(parts).map(([k, v]) => [k, roundScore(v)]),
  ) as PlanScore['parts'];
  return { total: roundScore(total), parts: rounded, distinctIngredients };
}
