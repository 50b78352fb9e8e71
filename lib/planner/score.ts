import type { MealType } from '../foods/codes';
import type { PlanScore } from './types';
/**
 * The plan's objective, in penalty points: lower is better; 0 is ideal but for the small reward
 * for plant variety (the one term ≤ 0). Nutrition is per person,
 * a meal's nutrition is `portion × perServing`, and `portion` comes from {@link PORTIONS}.
 *
 * ```
 * penalty = Σ_day  wE · 100 · max(0, |E_d − T_E| − 0.1·T_E) / T_E     energy outside ±10 %
 *        + Σ_day  wP · 100 · max(0, T_P − P_d) / T_P                   protein shortfall
 *        + Σ_day  wF · 100 · max(0, T_F − F_d) / T_F                   fibre shortfall
 *        + Σ_meal  wD · max(0, |100·E_m / T_E − σ_slot| − 10)           meal's energy share of the
 *                                                                      day's target outside ±10
 *                                                                      points of its slot's share
 *        + Σ_main meal  wC · max(0, |C_m − T_C| − tol_C)               carbs (only when set)
 *        + Σ_snack  wC · max(0, |C_m − T_S| − tol_S)                   snack carbs (only when set)
 *        + Σ_day  wF · 100 · max(0, F_d − c·T_F) / T_F                 fibre above c × target (c = 1.5)
 *        + Σ_n  wM · 100 · max(0, T_n − A_n) / T_n                     micronutrient n's weekly
 *                                                                      average A_n = Σ_day x_n,d / 7
 *                                                                      below its daily target T_n
 *        + Σ_n  wX · [A_n < T_n]                                       a target missed at all
 *        + Σ_day  wS · 100 · max(0, 9·SF_d − s·E_d) / T_E              saturated fat above s of energy
 *        + Σ_day  wR · 100 · max(0, 4·P_d − q·E_d) / T_E               protein above q of energy
 *        + Σ_day  wA · 100 · max(0, 9·FAT_d − a_max·E_d,               total fat outside
 *                                   a_min·E_d − 9·FAT_d) / T_E          [a_min, a_max] of energy
 *        + Σ_meal  wI · (1 − s_m) / 2                                  s = inflammationScore ∈ [−1, 1]
 *        + wN · |distinct ingredient foods (ndb) of the cooked recipes|
 *        − wPl · |distinct kinds of plant food among those ingredients|
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
 * the inflammation term, never as new ingredients. A target ≤ 0
 * switches its term off. Main meals are breakfast, lunch and dinner; snacks have their own carb
 * target (`carbsPerSnackG`). The nutrient terms below the carbs line apply only when the
 * profile's `nutrition` sets them (see `nutrition.ts`).
 *
 * Plant variety: the different plant foods of the week (ingredient foods of a plant food group:
 * vegetables, fruits, legumes, nuts and seeds, cereal grains, herbs and spices; one per kind, so
 * lemons and lemon juice are one plant; `variety.ts`) earn wPl = 0.2 each, reported as the
 * `variety` part (≤ 0) and as `PlanScore.plants` ("24 different plants this week"). Plant
 * diversity is associated with a more diverse gut microbiome (observational evidence). wPl is
 * less than wN = 0.5, the cost of a food to buy: a new plant always costs at least one new food,
 * so the pair still costs 0.3 and the planner never buys a food only for variety; among weeks
 * with the same shopping it prefers more plants. In the MIP a kind k is q_k ≤ Σ_{i ∈ k} z_i,
 * q_k ≤ 1, priced −wPl.
 *
 * The energy split σ (percent of the day per slot; default breakfast 25, lunch 35, dinner 30,
 * snack 10, renormalised over the profile's slots) keeps days balanced: a 250 kcal breakfast
 * beside a 1,200 kcal dinner is what a plan made only for the day's total can do. It is measured
 * against the day's energy target T_E, not the day's energy, so it stays linear (a per-meal
 * cost); wD = 0.5 per point outside the band, so a dinner at 60 % of a 30 % slot costs 10, as
 * much as a day 10 % outside the energy band. Off with one slot or no energy target.
 *
 * Weights of the nutrient terms: wM = 0.08 and wX = 2, so one micronutrient entirely missing for
 * the week (A_n = 0) costs 8 + 2 = 10 points, as much as one day 10 % outside the energy band
 * (10 × wE). The step wX makes the last few percent worth closing: with a linear term alone a
 * week 3 % short of calcium costs 0.3, less than one more food to buy, and weeks that could meet
 * every target stopped just short of them (26 % of bench weeks met every target without the
 * step, 42 % with it). In the MIP the step is one binary per nutrient. The
 * energy shares are measured in percent of the day's energy target (T_E, not the day's energy,
 * so every term stays linear): wS = wR = wA = 0.5 per percentage point, so a day at 50 % fat
 * costs 7.5 and a day at 15 % saturated fat 2.5: a week running at 47–56 % fat costs more than
 * a few extra foods to buy, but never more than a day out of the energy band.
 * The fibre ceiling uses the fibre floor's weight wF. Saturated fat and fat sums are lower
 * bounds where an ingredient's value is unknown; micronutrient sums likewise (a shortfall may be
 * overstated, never hidden by a 0).
 *
 * Caps are not soft terms: a day over the sodium or retinol cap is priced `DAILY_CAP_WEIGHT` per
 * percent over (`daily-caps.ts`) only so the search climbs out of it, and such a week is never
 * returned. The cooking budget (sessions and hands-on minutes per day, `cooking.ts`) and the
 * main-protein limit (meals a week of one main protein, `variety.ts`) are hard in the same way,
 * priced `COOKING_BUDGET_WEIGHT` per session or minute over and `PROTEIN_LIMIT_WEIGHT` per meal
 * over. A recipe is cooked at most once a week (a leftover meal of it is fine): a hard rule kept
 * by every move, so there is no repeat term.
 */
export const SCORE_WEIGHTS = {
  /** per percent of the energy target outside the ±10 % band, per day */
  energyPerPct: 1,
  /** per percent of the protein target missing, per day */
  proteinPerPct: 0.6,
  /** per percent of the fibre target missing, per day */
  fiberPerPct: 0.25,
  /** per percentage point of the day's energy target a meal is outside its slot's share ±10 */
  mealSharePerPct: 0.5,
  /** per gram of carbohydrate beyond the tolerance, per main meal */
  carbsPerG: 0.3,
  /** per meal, from 0 (s = +1, gut-healing) to this value (s = −1, inflammatory); s is evidence-weighted */
  inflammationPerMeal: 3,
  /** per distinct ingredient food to buy */
  ingredient: 0.5,
  /** reward per different plant food of the week (a negative term; see the formula) */
  plant: 0.2,
  /** per percent of a micronutrient's daily target missing from the week's average */
  micronutrientPerPct: 0.08,
  /** per micronutrient whose weekly average misses its target at all */
  micronutrientMissed: 2,
  /** per percentage point of energy (of the target) of saturated fat above its share, per day */
  saturatedFatPerPct: 0.5,
  /** per percentage point of energy (of the target) of protein above its share, per day */
  proteinMaxPerPct: 0.5,
  /** per percentage point of energy (of the target) of total fat outside its range, per day */
  fatPerPct: 0.5,
} as const;

/** Default share of the day's energy per slot, percent (renormalised over the profile's slots). */
export const DEFAULT_ENERGY_SPLIT: Readonly<Record<MealType, number>> = {
  breakfast: 25,
  lunch: 35,
  dinner: 30,
  snack: 10,
};

/** Half-width of a slot's energy-share band, percentage points of the day's target. */
export const MEAL_SHARE_BAND_PCT = 10;

/**
 * Shares (fractions summing to 1) of the day's energy target for `slots`, from `split` (percent,
 * absent slots take the default); null when the split cannot apply (one slot).
 */
export function slotShares(
  slots: readonly MealType[],
  split: Partial<Record<MealType, number>> = {},
): number[] | null {
  if (slots.length < 2) return null;
  const raw = slots.map((s) => split[s] ?? DEFAULT_ENERGY_SPLIT[s]);
  const sum = raw.reduce((a, b) => a + b, 0);
  return sum > 0 ? raw.map((x) => x / sum) : null;
}

/** A meal's energy outside its slot's share of the day's target (see the formula above). */
export function mealSharePenalty(energyKcal: number, share: number, targetKcal: number): number {
  if (targetKcal <= 0) return 0;
  const outside = Math.abs((100 * energyKcal) / targetKcal - 100 * share) - MEAL_SHARE_BAND_PCT;
  return outside > 0 ? SCORE_WEIGHTS.mealSharePerPct * outside : 0;
}

/** Energy band half-width as a share of the target (DOMAIN §7.5). */
export const ENERGY_BAND = 0.1;

/**
 * Portion factors per person a meal may use; 1 = one written serving. Half steps only: a cook
 * serves "1½ servings each", never 1.25 or 0.75 of a serving.
 */
export const PORTIONS = [0.5, 1, 1.5, 2] as const;

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

/** Fibre above `factor` × target (a ceiling); `factor` ≤ 0 or absent target switches it off. */
export function fiberCeilingPenalty(fiberG: number, targetG: number, factor: number): number {
  if (targetG <= 0 || factor <= 0) return 0;
  const over = fiberG - factor * targetG;
  return over > 0 ? (SCORE_WEIGHTS.fiberPerPct * 100 * over) / targetG : 0;
}

/** Week sums within this of 7 × target count as meeting it (float sums of many portions). */
export const MICRO_MET_TOLERANCE = 1e-9;

/**
 * Shortfall of one micronutrient's weekly average (`weekSum` / 7) below its daily target, plus
 * the step for missing it at all.
 */
export function micronutrientPenalty(weekSum: number, dailyTarget: number): number {
  if (dailyTarget <= 0) return 0;
  const gap = 7 * dailyTarget - weekSum;
  if (gap <= MICRO_MET_TOLERANCE) return 0;
  return (
    (SCORE_WEIGHTS.micronutrientPerPct * 100 * gap) / (7 * dailyTarget) +
    SCORE_WEIGHTS.micronutrientMissed
  );
}

/** Shares of energy a profile limits, as fractions (0.1 = 10 %); null = no such limit. */
export type EnergyShareLimits = {
  saturatedFatMax: number | null;
  proteinMax: number | null;
  fatMin: number | null;
  fatMax: number | null;
};

/**
 * A day's saturated-fat, protein and total-fat terms (see the formula above): excess energy from
 * each, in percent of the energy target, times its weight.
 */
export function energySharePenalty(
  energyKcal: number,
  proteinG: number,
  saturatedFatG: number,
  fatG: number,
  targetKcal: number,
  limits: EnergyShareLimits,
): number {
  if (targetKcal <= 0) return 0;
  let pen = 0;
  if (limits.saturatedFatMax !== null) {
    const over = 9 * saturatedFatG - limits.saturatedFatMax * energyKcal;
    if (over > 0) pen += SCORE_WEIGHTS.saturatedFatPerPct * over;
  }
  if (limits.proteinMax !== null) {
    const over = 4 * proteinG - limits.proteinMax * energyKcal;
    if (over > 0) pen += SCORE_WEIGHTS.proteinMaxPerPct * over;
  }
  const fatKcal = 9 * fatG;
  if (limits.fatMax !== null && fatKcal > limits.fatMax * energyKcal) {
    pen += SCORE_WEIGHTS.fatPerPct * (fatKcal - limits.fatMax * energyKcal);
  } else if (limits.fatMin !== null && fatKcal < limits.fatMin * energyKcal) {
    pen += SCORE_WEIGHTS.fatPerPct * (limits.fatMin * energyKcal - fatKcal);
  }
  return pen === 0 ? 0 : (100 * pen) / targetKcal;
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
export function finishScore(
  parts: PlanScore['parts'],
  distinctIngredients: number,
  plants: number,
): PlanScore {
  const total = Object.values(parts).reduce((a, b) => a + b, 0);
  const rounded = Object.fromEntries(
    Object.entries(parts).map(([k, v]) => [k, roundScore(v)]),
  ) as PlanScore['parts'];
  return { total: roundScore(total), parts: rounded, distinctIngredients, plants };
}
