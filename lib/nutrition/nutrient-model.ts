/**
 * The shared vocabulary of Villi's nutrient model (DOMAIN §7): which micronutrients a week is
 * judged on, which limits apply per day, and how a person's targets are described. Targets come
 * from the US/Canada DRIs for the person's life stage (`seeds/dri/`) or a clinician's override.
 */

/** Micronutrients judged on the 7-day average (DRIs describe usual intake). Keys are SR21's. */
export const TRACKED_MICRONUTRIENTS = [
  'calciumMg',
  'ironMg',
  'magnesiumMg',
  'potassiumMg',
  'zincMg',
  'vitaminCMg',
  'folateDfeUg',
  'vitaminB12Ug',
  'vitaminARaeUg',
] as const;
export type MicronutrientKey = (typeof TRACKED_MICRONUTRIENTS)[number];

/** Nutrients SR21 does not report; the report says so instead of guessing (DOMAIN §7.4). */
export const UNTRACKED_NUTRIENTS = ['vitamin D', 'iodine'] as const;

/** Keys a clinician may set on a profile (`nutrientTargets: { calciumMg: 1200, sodiumMaxMg: 1500 }`). */
export const NUTRIENT_OVERRIDE_KEYS = [
  ...TRACKED_MICRONUTRIENTS,
  'sodiumMaxMg',
  'retinolMaxUg',
  'saturatedFatMaxPct',
  'proteinMaxPct',
] as const;
export type NutrientOverrideKey = (typeof NUTRIENT_OVERRIDE_KEYS)[number];
export type NutrientOverrides = Partial<Record<NutrientOverrideKey, number>>;

/** Where a number came from: the DRI default for the life stage, or set on the profile. */
export type TargetSource = 'default' | 'set';

export type NutrientTarget = {
  amount: number;
  unit: string;
  source: TargetSource;
  /** How the default was chosen, e.g. "RDA, female 31–50" or "CDRR" or "UL, preformed vitamin A". */
  basis: string;
};

/** One person's nutrient targets and limits, per day. */
export type NutrientTargets = {
  /** DRI life stage used, e.g. "female 31-50", "pregnancy 19-30", "male 14-18". */
  lifeStage: string;
  /** Why the life stage is not simply the person's own (no body data, teen pregnancy…); absent when it is. */
  lifeStageNote?: string;
  /** Weekly-average floors (RDA or AI). */
  targets: Record<MicronutrientKey, NutrientTarget>;
  /** Per-day hard limits: sodium (CDRR) and preformed vitamin A (UL). */
  caps: { sodiumMg: NutrientTarget; retinolUg: NutrientTarget };
  /** Shares of energy, percent: saturated fat below, protein at most, total fat within. */
  energyShares: {
    saturatedFatMaxPct: NutrientTarget;
    proteinMaxPct: NutrientTarget;
    fatMinPct: NutrientTarget;
    fatMaxPct: NutrientTarget;
  };
  /** Organ meats and high-mercury fish are never planned (pregnancy). */
  avoidPregnancyRisks: boolean;
};
