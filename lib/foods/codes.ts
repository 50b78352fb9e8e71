/** Allergen codes: the US major nine plus the rest of the EU fourteen. */
export const ALLERGEN_CODES = [
  'milk',
  'egg',
  'fish',
  'crustacean',
  'mollusc',
  'tree-nut',
  'peanut',
  'wheat',
  'gluten',
  'soy',
  'sesame',
  'celery',
  'mustard',
  'lupin',
  'sulphite',
] as const;
export type AllergenCode = (typeof ALLERGEN_CODES)[number];

/** FODMAP subgroups; a food with any of them also carries `high-fodmap`. */
export const FODMAP_SUBGROUP_CODES = [
  'fodmap-fructose',
  'fodmap-lactose',
  'fodmap-fructan',
  'fodmap-gos',
  'fodmap-sorbitol',
  'fodmap-mannitol',
] as const;

/**
 * Fructans split by source for reintroduction (Monash teaching: grains, garlic, onion), so a
 * person can keep one and avoid another. Each implies `fodmap-fructan`; fruit and vegetable
 * fructans (artichoke, dates…) carry only `fodmap-fructan`.
 */
export const FRUCTAN_PART_CODES = ['fructan-wheat', 'fructan-garlic', 'fructan-onion'] as const;

/** Every code that says "a FODMAP rises in this food": the ones a serving dose can relieve. */
export const FODMAP_CODES: readonly string[] = [
  'high-fodmap',
  ...FODMAP_SUBGROUP_CODES,
  ...FRUCTAN_PART_CODES,
];

export function isFodmapCode(code: string): boolean {
  return FODMAP_CODES.includes(code);
}

/**
 * Diet-rule group codes. The first block is the public contract; the second block holds
 * finer codes that protocols use as exceptions (e.g. Whole30 allows ghee although it is dairy).
 */
export const GROUP_CODES = [
  'gluten',
  'dairy',
  'egg',
  'soy',
  'nightshade',
  'legume',
  'grain',
  'pseudo-grain',
  'nut',
  'seed',
  'alcohol',
  'added-sugar',
  'coffee',
  'processed',
  'red-meat',
  'pork',
  'poultry',
  'fish',
  'shellfish',
  'meat',
  'animal',
  'high-fodmap',
  ...FODMAP_SUBGROUP_CODES,
  // finer codes used as protocol exceptions and reintroduction steps
  'ghee',
  'butter',
  'fermented-dairy',
  'egg-yolk',
  'edible-pod-legume',
  'seed-spice',
  'berry-spice',
  'nightshade-spice',
  'seed-oil',
  'nut-oil',
  'cocoa',
  'unrefined-sweetener',
  'rice',
  'organ-meat',
  'high-mercury-fish',
  // exceptions a protocol may allow although the parent code is excluded
  'soy-lecithin',
  'refined-soy-oil',
  'botanical-extract',
  ...FRUCTAN_PART_CODES,
] as const;
export type GroupCode = (typeof GROUP_CODES)[number];

export const CERTAINTIES = ['contains', 'may-contain'] as const;
export type Certainty = (typeof CERTAINTIES)[number];

export const INFLAMMATION_CLASSES = ['inflammatory', 'gut-healing', 'neutral'] as const;
export type InflammationClass = (typeof INFLAMMATION_CLASSES)[number];

export const EVIDENCE_LEVELS = ['strong', 'moderate', 'weak', 'debated'] as const;
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];

export const MEAL_TYPES = ['breakfast', 'lunch', 'dinner', 'snack'] as const;
export type MealType = (typeof MEAL_TYPES)[number];

/** USDA SR21 food groups (FdGrp_Cd → name). */
export const FOOD_GROUPS: Record<string, string> = {
  '0100': 'Dairy and Egg Products',
  '0200': 'Spices and Herbs',
  '0300': 'Baby Foods',
  '0400': 'Fats and Oils',
  '0500': 'Poultry Products',
  '0600': 'Soups, Sauces, and Gravies',
  '0700': 'Sausages and Luncheon Meats',
  '0800': 'Breakfast Cereals',
  '0900': 'Fruits and Fruit Juices',
  '1000': 'Pork Products',
  '1100': 'Vegetables and Vegetable Products',
  '1200': 'Nut and Seed Products',
  '1300': 'Beef Products',
  '1400': 'Beverages',
  '1500': 'Finfish and Shellfish Products',
  '1600': 'Legumes and Legume Products',
  '1700': 'Lamb, Veal, and Game Products',
  '1800': 'Baked Products',
  '1900': 'Sweets',
  '2000': 'Cereal Grains and Pasta',
  '2100': 'Fast Foods',
  '2200': 'Meals, Entrees, and Side Dishes',
  '2500': 'Snacks',
  '3500': 'American Indian/Alaska Native Foods',
};
