import type { FoodNames } from './food-names';
import type { PurchaseUnit } from './purchase-units';

/**
 * The words fields of a shopping-domain food: its cook's and shopper's names and what a shop
 * sells, when the names data has the food.
 */
export function shoppingWords(
  names: ReadonlyMap<string, FoodNames>,
  units: ReadonlyMap<string, PurchaseUnit[]>,
  ndb: string,
): { display?: string; shopping?: string; buy?: PurchaseUnit[] } {
  const row = names.get(ndb);
  if (!row) return {};
  const buy = units.get(row.shopping);
  const words = { display: row.display, shopping: row.shopping };
  return buy ? { ...words, buy } : words;
}
