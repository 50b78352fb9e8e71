import { type FoodNames, namesOf, parseFoodNames } from '../../lib/shopping/food-names';
import { type PurchaseUnit, parsePurchaseUnits } from '../../lib/shopping/purchase-units';
import foodNamesJson from '../../seeds/food-names.json';
import purchaseUnitsJson from '../../seeds/purchase-units.json';

/** Display and shopping names of the catalog foods (seeds/food-names.json). */
export const FOOD_NAMES = parseFoodNames(foodNamesJson);
/** What a shop sells, by shopping name (seeds/purchase-units.json). */
export const PURCHASE_UNITS = parsePurchaseUnits(purchaseUnitsJson);

/** The words for a food: its names row, else a name made from its USDA description. */
export function foodWords(ndb: string, longDesc: string): FoodNames {
  return namesOf(FOOD_NAMES, ndb, longDesc);
}

/**
 * The words fields of a shopping-domain food: its cook's and shopper's names and what a shop
 * sells, when the names data has the food.
 */
export function shoppingWords(ndb: string): {
  display?: string;
  shopping?: string;
  buy?: PurchaseUnit[];
} {
  const row = FOOD_NAMES.get(ndb);
  if (!row) return {};
  const buy = PURCHASE_UNITS.get(row.shopping);
  const names = { display: row.display, shopping: row.shopping };
  return buy ? { ...names, buy } : names;
}
