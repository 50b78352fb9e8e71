export const ACTIVITY_LEVELS = ['sedentary', 'light', 'moderate', 'active', 'very-active'] as const;
export type ActivityLevel = (typeof ACTIVITY_LEVELS)[number];

/** TDEE multipliers per activity level (Mifflin–St Jeor practice, e.g. Medscape). */
export const ACTIVITY_FACTORS: Record<ActivityLevel, number> = {
  sedentary: 1.2,
  light: 1.375,
  moderate: 1.55,
  active: 1.725,
  'very-active': 1.9,
};

export type Sex = 'female' | 'male';
export const SEXES = ['female', 'male'] as const satisfies readonly Sex[];

export type BodyMetrics = {
  sex: Sex;
  ageYears: number;
  heightCm: number;
  weightKg: number;
  activity: ActivityLevel;
};

export type TargetsProfile = {
  energyKcal?: number | null;
  body?: BodyMetrics | null;
  proteinG?: number | null;
  fiberG?: number | null;
};

export type NutritionTargets = {
  energyKcal: number;
  proteinG: number;
  fiberG: number;
  energySource: 'typed' | 'mifflin-st-jeor' | 'default';
};

export const DEFAULT_ENERGY_KCAL = 2000;
/** Between the 0.8 g/kg RDA (a floor) and the 1.2–1.6 g/kg of the 2025–2030 US guidelines. */
export const PROTEIN_G_PER_KG = 1.0;
/** Without a body weight: 15% of energy (inside the 10–35% AMDR), at 4 kcal per gram. */
export const PROTEIN_ENERGY_SHARE = 0.15;
export const FIBER_G_PER_1000_KCAL = 14;

/**
 * Resting energy expenditure in kcal/day, Mifflin–St Jeor (1990):
 * 10·W + 6.25·H − 5·A + 5 for men, − 161 for women. Validated for adults 19–78, not for
 * children or pregnancy.
 */
export function restingEnergyKcal(body: BodyMetrics): number {
  const base = 10 * body.weightKg + 6.25 * body.heightCm - 5 * body.ageYears;
  return base + (body.sex === 'male' ? 5 : -161);
}

/**
 * Daily targets. Energy: typed value, else REE × activity factor rounded to the nearest 10 kcal
 * (the equation is only ±10% accurate), else 2000 kcal. Protein: typed, else 1.0 g per kg body
 * weight, else 15% of energy. Fibre: typed, else 14 g per 1000 kcal. Grams are whole numbers.
 */
export function computeTargets(profile: TargetsProfile): NutritionTargets {
  const { energyKcal, energySource } = pickEnergy(profile);
  const proteinG =
    profile.proteinG ??
    (profile.body
      ? profile.body.weightKg * PROTEIN_G_PER_KG
      : (energyKcal * PROTEIN_ENERGY_SHARE) / 4);
  const fiberG = profile.fiberG ?? (energyKcal / 1000) * FIBER_G_PER_1000_KCAL;
  return { energyKcal, proteinG: Math.round(proteinG), fiberG: Math.round(fiberG), energySource };
}

function pickEnergy(
  profile: TargetsProfile,
): Pick<NutritionTargets, 'energyKcal' | 'energySource'> {
  if (profile.energyKcal != null) {
    return { energyKcal: Math.round(profile.energyKcal), energySource: 'typed' };
  }
  if (profile.body) {
    const tdee = restingEnergyKcal(profile.body) * ACTIVITY_FACTORS[profile.body.activity];
    return { energyKcal: Math.round(tdee / 10) * 10, energySource: 'mifflin-st-jeor' };
  }
  return { energyKcal: DEFAULT_ENERGY_KCAL, energySource: 'default' };
}
