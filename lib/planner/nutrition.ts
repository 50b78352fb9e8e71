import {
  type MicronutrientKey,
  type NutrientTargets,
  TRACKED_MICRONUTRIENTS,
} from '../nutrition/nutrient-model';
import type { EnergyShareLimits } from './score';
import type { PlannerNutrition, PlannerProfile } from './types';

/**
 * The planner's nutrient rules (DOMAIN §7), resolved once per input:
 *
 * HARD (never broken, like allergens; see `daily-caps.ts` for the recipe-level checks):
 * - per-person sodium and retinol (preformed vitamin A) per day at most the profile's caps;
 * - one meal at most half the day's retinol cap (what stops a 300 g liver dinner), and at most
 *   the whole sodium cap; both enter `Model.maxPortion`, so no portion choice can pass them;
 * - a recipe with an ingredient of unknown sodium (or retinol) is not planned while that cap
 *   applies: an unknown is never read as 0 against a cap (no upper bound is invented);
 * - `avoidPregnancyRisks`: no ingredient tagged `organ-meat` or `high-mercury-fish`.
 *
 * SOFT (priced in the objective, formula and weights in `score.ts`): weekly-average shortfall of
 * each tracked micronutrient, saturated fat and protein above their shares of energy, total fat
 * outside its range, fibre above a multiple of its target, and carbohydrate per snack. Known sums
 * are lower bounds for these: a shortfall may be overstated, never hidden.
 */

/** Group codes never planned for a profile that avoids pregnancy risks. */
export const PREGNANCY_RISK_CODES = ['organ-meat', 'high-mercury-fish'] as const;

/** Fibre ceiling as a multiple of the fibre target (issue: "fibre above 1.5 × its target"). */
export const FIBER_MAX_FACTOR = 1.5;

/** The rules of one profile in the form the model and the scorers read. */
export type NutritionSpec = {
  /** Per-person caps per day; Infinity = none. */
  sodiumCap: number;
  retinolCap: number;
  avoidPregnancyRisks: boolean;
  /** Micronutrients with a positive daily target, and those targets (same order). */
  microKeys: MicronutrientKey[];
  microTargets: number[];
  shares: EnergyShareLimits;
  /** True when any energy-share limit is set. */
  sharesOn: boolean;
  /** Fibre ceiling factor; 0 = none. */
  fiberMaxFactor: number;
  snackCarbs: { target: number; tolerance: number } | null;
};

const pct = (x: number | undefined): number | null =>
  x === undefined || !Number.isFinite(x) || x <= 0 ? null : x / 100;

const capOf = (x: number | undefined): number =>
  x === undefined || !Number.isFinite(x) || x <= 0 ? Number.POSITIVE_INFINITY : x;

const SPEC_CACHE = new WeakMap<PlannerProfile, NutritionSpec>();

/** The profile's rules, resolved once per profile object (profiles are treated as immutable). */
export function nutritionSpecOf(profile: PlannerProfile): NutritionSpec {
  let spec = SPEC_CACHE.get(profile);
  if (!spec) {
    spec = resolveSpec(profile);
    SPEC_CACHE.set(profile, spec);
  }
  return spec;
}

function resolveSpec(profile: PlannerProfile): NutritionSpec {
  const n = profile.nutrition ?? {};
  const microKeys: MicronutrientKey[] = [];
  const microTargets: number[] = [];
  for (const key of TRACKED_MICRONUTRIENTS) {
    const t = n.micronutrients?.[key];
    if (t !== undefined && Number.isFinite(t) && t > 0) {
      microKeys.push(key);
      microTargets.push(t);
    }
  }
  const shares: EnergyShareLimits = {
    saturatedFatMax: pct(n.saturatedFatMaxPct),
    proteinMax: pct(n.proteinMaxPct),
    fatMin: pct(n.fatPct?.min),
    fatMax: pct(n.fatPct?.max),
  };
  return {
    sodiumCap: capOf(n.caps?.sodiumMg),
    retinolCap: capOf(n.caps?.retinolUg),
    avoidPregnancyRisks: n.avoidPregnancyRisks === true,
    microKeys,
    microTargets,
    shares,
    sharesOn: Object.values(shares).some((v) => v !== null),
    fiberMaxFactor:
      n.fiberMaxFactor !== undefined && Number.isFinite(n.fiberMaxFactor) && n.fiberMaxFactor > 0
        ? n.fiberMaxFactor
        : 0,
    snackCarbs: profile.carbsPerSnackG ?? null,
  };
}

/**
 * The planner's nutrition input from a person's targets (`nutrientTargetsFor`): caps as hard
 * per-day limits, RDAs/AIs as weekly-average floors, energy shares as soft goals, the fibre
 * ceiling at 1.5 × the fibre target. Pure. The energy and fibre targets themselves stay on
 * `PlannerProfile` (`energyKcal`, `fiberG`): the shares are judged against them.
 */
export function plannerNutritionFrom(targets: NutrientTargets): PlannerNutrition {
  const micronutrients: Partial<Record<MicronutrientKey, number>> = {};
  for (const key of TRACKED_MICRONUTRIENTS) {
    const t = targets.targets[key];
    if (t && t.amount > 0) micronutrients[key] = t.amount;
  }
  const s = targets.energyShares;
  return {
    caps: { sodiumMg: targets.caps.sodiumMg.amount, retinolUg: targets.caps.retinolUg.amount },
    avoidPregnancyRisks: targets.avoidPregnancyRisks,
    micronutrients,
    saturatedFatMaxPct: s.saturatedFatMaxPct.amount,
    proteinMaxPct: s.proteinMaxPct.amount,
    fatPct: { min: s.fatMinPct.amount, max: s.fatMaxPct.amount },
    fiberMaxFactor: FIBER_MAX_FACTOR,
  };
}

/**
 * Carbohydrate per snack for a profile with a per-meal carb target (type 1 diabetes): half the
 * meal target with the same tolerance, so snacks carry a predictable carb count too (a week
 * without it reached 77 g in one snack). Null without a meal target.
 */
export function snackCarbsFor(
  perMeal: { target: number; tolerance: number } | null,
): { target: number; tolerance: number } | null {
  return perMeal ? { target: perMeal.target / 2, tolerance: perMeal.tolerance } : null;
}
