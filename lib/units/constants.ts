/** US customary volume units in millilitres (FDA labelling values, rounded as USDA uses them). */
export const ML_PER_TSP = 4.929;
export const ML_PER_TBSP = 14.787;
export const ML_PER_CUP = 236.6;
export const ML_PER_FL_OZ = 29.57;

/** Avoirdupois weight in grams (exact by definition). */
export const GRAMS_PER_OZ = 28.349523125;
export const GRAMS_PER_LB = 453.59237;

export type UnitSystem = 'metric' | 'us';
export const UNIT_SYSTEMS = ['metric', 'us'] as const;

export type VolumeUnit = 'tsp' | 'tbsp' | 'cup' | 'fl oz';

export const ML_PER_VOLUME_UNIT: Record<VolumeUnit, number> = {
  tsp: ML_PER_TSP,
  tbsp: ML_PER_TBSP,
  cup: ML_PER_CUP,
  'fl oz': ML_PER_FL_OZ,
};
