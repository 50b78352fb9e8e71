import type { AllergenCode, GroupCode } from '../foods/codes';

/** Plain plural nouns for group codes, as in "you avoid nightshades". */
export const GROUP_LABELS: Record<GroupCode, string> = {
  gluten: 'gluten',
  dairy: 'dairy',
  egg: 'eggs',
  soy: 'soy',
  nightshade: 'nightshades',
  legume: 'legumes',
  grain: 'grains',
  'pseudo-grain': 'pseudo-grains',
  nut: 'nuts',
  seed: 'seeds',
  alcohol: 'alcohol',
  'added-sugar': 'added sugar',
  coffee: 'coffee',
  processed: 'processed foods',
  'red-meat': 'red meat',
  pork: 'pork',
  poultry: 'poultry',
  fish: 'fish',
  shellfish: 'shellfish',
  meat: 'meat',
  animal: 'animal products',
  'high-fodmap': 'high-FODMAP foods',
  'fodmap-fructose': 'excess fructose',
  'fodmap-lactose': 'lactose',
  'fodmap-fructan': 'fructans',
  'fodmap-gos': 'GOS',
  'fodmap-sorbitol': 'sorbitol',
  'fodmap-mannitol': 'mannitol',
  ghee: 'ghee',
  butter: 'butter',
  'fermented-dairy': 'fermented dairy',
  'egg-yolk': 'egg yolks',
  'edible-pod-legume': 'legumes with edible pods',
  'seed-spice': 'seed spices',
  'berry-spice': 'berry spices',
  'nightshade-spice': 'nightshade spices',
  'seed-oil': 'seed oils',
  'nut-oil': 'nut oils',
  cocoa: 'cocoa',
  'unrefined-sweetener': 'unrefined sweeteners',
  rice: 'rice',
  'organ-meat': 'organ meats',
  'high-mercury-fish': 'high-mercury fish',
  'soy-lecithin': 'soy lecithin',
  'refined-soy-oil': 'refined soybean oil',
  'botanical-extract': 'botanical extracts',
  'fructan-wheat': 'fructans from wheat, rye and barley',
  'fructan-garlic': 'fructans from garlic',
  'fructan-onion': 'fructans from onion, leek and shallot',
};

/** Nouns for allergen codes, as in "your tree nut allergy". */
export const ALLERGEN_LABELS: Record<AllergenCode, string> = {
  milk: 'milk',
  egg: 'egg',
  fish: 'fish',
  crustacean: 'crustacean shellfish',
  mollusc: 'mollusk',
  'tree-nut': 'tree nut',
  peanut: 'peanut',
  wheat: 'wheat',
  gluten: 'gluten',
  soy: 'soy',
  sesame: 'sesame',
  celery: 'celery',
  mustard: 'mustard',
  lupin: 'lupin',
  sulphite: 'sulfite',
};

const isKey = <K extends string>(record: Record<K, string>, key: string): key is K =>
  Object.hasOwn(record, key);

export function groupLabel(code: string): string {
  return isKey(GROUP_LABELS, code) ? GROUP_LABELS[code] : code;
}

/** "your fish allergy"; gluten and sulphites are usually not allergies, so they read differently. */
export function allergyReason(code: string): string {
  if (code === 'gluten') return 'you need to avoid gluten';
  if (code === 'sulphite') return 'your sulfite sensitivity';
  return `your ${isKey(ALLERGEN_LABELS, code) ? ALLERGEN_LABELS[code] : code} allergy`;
}

export function avoidReason(code: string): string {
  return `you avoid ${groupLabel(code)}`;
}
