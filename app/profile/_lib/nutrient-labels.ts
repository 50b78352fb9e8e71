import type { NutrientOverrideKey } from '@/lib/nutrition/nutrient-model';

/** How the profile names each overridable nutrient and its unit, per day. */
export const OVERRIDE_LABELS: Record<NutrientOverrideKey, { label: string; unit: string }> = {
  calciumMg: { label: 'Calcium', unit: 'mg' },
  ironMg: { label: 'Iron', unit: 'mg' },
  magnesiumMg: { label: 'Magnesium', unit: 'mg' },
  potassiumMg: { label: 'Potassium', unit: 'mg' },
  zincMg: { label: 'Zinc', unit: 'mg' },
  vitaminCMg: { label: 'Vitamin C', unit: 'mg' },
  folateDfeUg: { label: 'Folate', unit: 'µg DFE' },
  vitaminB12Ug: { label: 'Vitamin B12', unit: 'µg' },
  vitaminARaeUg: { label: 'Vitamin A', unit: 'µg RAE' },
  sodiumMaxMg: { label: 'Sodium, at most', unit: 'mg' },
  retinolMaxUg: { label: 'Preformed vitamin A (retinol), at most', unit: 'µg' },
  saturatedFatMaxPct: { label: 'Saturated fat, below', unit: '% of energy' },
  proteinMaxPct: { label: 'Protein, at most', unit: '% of energy' },
};
