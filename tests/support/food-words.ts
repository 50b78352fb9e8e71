import { loadFoods } from '@/seeds/load-foods';
import { FOOD_NAMES } from './reference-files';

/** SR21 long descriptions of the named catalog foods that read as database strings. */
const DESCRIPTIONS = loadFoods()
  .filter((f) => FOOD_NAMES.has(f.ndb) && f.longDesc.includes(','))
  .map((f) => f.longDesc.toLowerCase());

/** The SR21 descriptions of catalog foods that `text` shows instead of their names. */
export function descriptionLeaks(text: string): string[] {
  const lower = text.toLowerCase();
  return DESCRIPTIONS.filter((d) => lower.includes(d));
}
