import {
  GRAMS_PER_LB,
  GRAMS_PER_OZ,
  ML_PER_CUP,
  ML_PER_TBSP,
  ML_PER_TSP,
  type UnitSystem,
} from './constants';
import { ceilTo } from './round';

/** ¼, ½ and ¾ as a cook writes them and as a glyph. */
const COOK_QUARTERS = ['1/4', '1/2', '3/4'] as const;
const GLYPH_QUARTERS = ['¼', '½', '¾'] as const;

/** A value rounded to quarters: the whole number, then `sep` and the quarter left, if any. */
function quarterText(value: number, fractions: readonly string[], sep: string): string {
  const quarters = Math.round(value * 4);
  const whole = Math.floor(quarters / 4);
  const frac = fractions[(quarters % 4) - 1];
  if (!frac) return String(whole);
  return whole > 0 ? `${whole}${sep}${frac}` : frac;
}

/** Formats a multiple of 1/4 the way a cook reads it: 0.75 → "3/4", 1.5 → "1 1/2". */
export function formatQuarters(value: number): string {
  return quarterText(value, COOK_QUARTERS, ' ');
}

/** A multiple of a quarter as a shopper reads it: 0.25 → "¼", 1.5 → "1½", 2 → "2". */
export function formatShare(value: number): string {
  return quarterText(value, GLYPH_QUARTERS, '');
}

/** Trims a number to at most `digits` decimals without trailing zeros: 1.50 → "1.5". */
export function formatDecimal(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

/**
 * A weight a shopper can ask for, rounded UP so the need is covered.
 * Metric: 10 g steps to 200 g, 50 g steps to 1 kg, then 100 g steps shown in kg.
 * US: whole ounces to 15 oz, then quarter pounds.
 */
export function formatPurchaseWeight(grams: number, units: UnitSystem): string {
  if (units === 'metric') {
    if (grams <= 200) return `${Math.max(10, ceilTo(grams, 10))} g`;
    if (grams <= 1000) return `${ceilTo(grams, 50)} g`;
    return `${formatDecimal(ceilTo(grams, 100) / 1000, 1)} kg`;
  }
  const oz = grams / GRAMS_PER_OZ;
  if (oz <= 15) return `${Math.max(1, ceilTo(oz, 1))} oz`;
  return `${formatQuarters(ceilTo(grams / GRAMS_PER_LB, 0.25))} lb`;
}

/** The exact need, for display next to a rounded purchase: "about 390 g", "about 13.8 oz". */
export function formatExactWeight(grams: number, units: UnitSystem): string {
  if (units === 'metric') {
    // a pinch of saffron is "about 0.03 g", never "about 0 g"
    if (grams < 0.1) return `about ${formatDecimal(grams, 2)} g`;
    if (grams < 10) return `about ${formatDecimal(grams, 1)} g`;
    if (grams < 1000) return `about ${Math.round(grams)} g`;
    return `about ${formatDecimal(grams / 1000, 2)} kg`;
  }
  const oz = grams / GRAMS_PER_OZ;
  if (oz < 16) return `about ${formatDecimal(oz, oz < 1 ? 2 : 1)} oz`;
  return `about ${formatDecimal(grams / GRAMS_PER_LB, 2)} lb`;
}

/**
 * A volume a cook can measure, rounded UP.
 * Metric: 5 ml steps to 50 ml, 10 ml to 250 ml, 50 ml to 1 l, then 100 ml shown in litres.
 * US: quarter teaspoons below a tablespoon, half tablespoons below 1/4 cup, then quarter cups.
 */
export function formatPurchaseVolume(ml: number, units: UnitSystem): string {
  if (units === 'metric') {
    if (ml <= 50) return `${Math.max(5, ceilTo(ml, 5))} ml`;
    if (ml <= 250) return `${ceilTo(ml, 10)} ml`;
    if (ml <= 1000) return `${ceilTo(ml, 50)} ml`;
    return `${formatDecimal(ceilTo(ml, 100) / 1000, 1)} l`;
  }
  const tsp = Math.max(0.25, ceilTo(ml / ML_PER_TSP, 0.25));
  if (tsp < 3) return `${formatQuarters(tsp)} tsp`;
  const tbsp = ceilTo(ml / ML_PER_TBSP, 0.5);
  if (tbsp < 4) return `${formatQuarters(Math.max(1, tbsp))} tbsp`;
  const cups = ceilTo(ml / ML_PER_CUP, 0.25);
  return `${formatQuarters(cups)} ${cups > 1 ? 'cups' : 'cup'}`;
}
