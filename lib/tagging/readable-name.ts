import type { UsdaFood } from '../foods/types';

/**
 * USDA's long description, tidied for display but kept close to the source text
 * ("Apples, raw, with skin"): commodity-code asides are dropped, spacing and stray
 * punctuation are normalised, and the first letter is capitalised.
 */
export function readableFoodName(food: UsdaFood): string {
  const tidy = food.longDesc
    // procurement asides say nothing about the food itself
    .replace(/\s*[({]\s*includes? (all )?(usda )?commodit[^)}]*[)}]/gi, '')
    .replace(/\s*\{[^}]*\}/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:)])/g, '$1')
    .replace(/\(\s+/g, '(')
    .replace(/,(?=\S)/g, ', ')
    .replace(/,\s*,+/g, ',')
    .replace(/^[\s,]+|[\s,]+$/g, '')
    .trim();
  if (tidy.length === 0) return food.ndb;
  return tidy.charAt(0).toUpperCase() + tidy.slice(1);
}
