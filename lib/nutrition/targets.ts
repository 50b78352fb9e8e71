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
  pregnant?: boolean;
  lactating?: boolean;
};

export type TargetsProfile = {
  energyKcal?: number | null;
  body?: BodyMetrics | null;
  proteinG?: number | null;
  fiberG?: number | null;
  /** A clinician or dietitian is involved: a typed energy target may go below the floor. */
  clinicianSupervised?: boolean;
};

export type NutritionTargets = {
  energyKcal: number;
  proteinG: number;
  fiberG: number;
  energySource: 'typed' | 'mifflin-st-jeor' | 'default';
  /** Why the energy target is not the typed or estimated value (the floor applied), or a reminder that it is below the floor under supervision; absent otherwise. */
  energyNote?: string;
};

/**
 * The lowest daily energy Villi plans without a clinician (DOMAIN §7.1, §9): 1,200 kcal for
 * women, 1,500 kcal for men. Without body data the sex is unknown and the women's floor applies
 * (the same default as the nutrient targets' female 31–50 life stage).
 */
export const ENERGY_FLOOR_KCAL: Record<Sex, number> = { female: 1200, male: 1500 };

export function energyFloorKcal(body: Pick<BodyMetrics, 'sex'> | null | undefined): number {
  return ENERGY_FLOOR_KCAL[body?.sex ?? 'female'];
}

const kcal = (n: number) => `${Math.round(n).toLocaleString('en-US')} kcal`;

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
 * (the equation is only ±10% accurate), else 2000 kcal; never below the floor
 * (`energyFloorKcal`) unless the profile is clinician-supervised and the value was typed, with
 * `energyNote` saying why. Protein: typed, else 1.0 g per kg body weight, else 15% of energy.
 * Fibre: typed, else 14 g per 1000 kcal. Grams are whole numbers.
 */
export function computeTargets(profile: TargetsProfile): NutritionTargets {
  const { energyKcal, energySource, energyNote } = applyFloor(profile, pickEnergy(profile));
  const proteinG =
    profile.proteinG ??
    (profile.body
      ? profile.body.weightKg * PROTEIN_G_PER_KG
      : (energyKcal * PROTEIN_ENERGY_SHARE) / 4);
  const fiberG = profile.fiberG ?? (energyKcal / 1000) * FIBER_G_PER_1000_KCAL;
  return {
    energyKcal,
    proteinG: Math.round(proteinG),
    fiberG: Math.round(fiberG),
    energySource,
    ...(energyNote ? { energyNote } : {}),
  };
}

function applyFloor(
  profile: TargetsProfile,
  picked: Pick<NutritionTargets, 'energyKcal' | 'energySource'>,
): Pick<NutritionTargets, 'energyKcal' | 'energySource' | 'energyNote'> {
  const floor = energyFloorKcal(profile.body);
  if (picked.energyKcal >= floor) return picked;
  const who = profile.body ? (profile.body.sex === 'male' ? 'men' : 'women') : 'adults';
  if (picked.energySource === 'typed' && profile.clinicianSupervised) {
    return {
      ...picked,
      energyNote: `${kcal(picked.energyKcal)} is below the usual floor of ${kcal(floor)} for ${who}; planned as set, with a clinician involved.`,
    };
  }
  const what = picked.energySource === 'typed' ? 'The typed target' : 'The estimate from your body';
  return {
    energyKcal: floor,
    energySource: picked.energySource,
    energyNote: `${what} (${kcal(picked.energyKcal)}) is below ${kcal(floor)}, the lowest Villi plans for ${who} without a clinician, so plans use ${kcal(floor)}.`,
  };
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
