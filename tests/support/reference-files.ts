import { parseFoodNames } from '../../lib/shopping/food-names';
import { parsePurchaseUnits } from '../../lib/shopping/purchase-units';
import foodNamesJson from '../../seeds/food-names.json';
import purchaseUnitsJson from '../../seeds/purchase-units.json';

/** The seed files' shopper words, parsed as the seed parses them (tests only). */
export const FOOD_NAMES = parseFoodNames(foodNamesJson);
export const PURCHASE_UNITS = parsePurchaseUnits(purchaseUnitsJson);
