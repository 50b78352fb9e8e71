import { orderAisles, resolveAisle } from './aisles';
import { shortFoodName } from './food-name';
import { sumFoodNeeds } from './needs';
import { compilePantryRules } from './pantry';
import { describePurchase } from './purchase';
import type {
  Aisle,
  ShoppingList,
  ShoppingListInput,
  ShoppingListItem,
  ShoppingListSection,
} from './types';

/** The section that collects what the household likely has; never an aisle id. */
export const IN_PANTRY_SECTION = { id: 'in-pantry', name: 'You likely have' } as const;

/** Grams that still count as "unchanged" (float noise from re-summing, not a real swap). */
export const GRAMS_TOLERANCE = 0.01;

export function gramsDiffer(a: number, b: number): boolean {
  return Math.abs(a - b) > GRAMS_TOLERANCE;
}

function byName(a: ShoppingListItem, b: ShoppingListItem): number {
  return a.name.localeCompare(b.name, 'en') || a.ndb.localeCompare(b.ndb);
}

/**
 * The shopping list for a plan: one line per food with the exact grams summed over cooking
 * meals (leftover meals add nothing), a purchasable amount, its aisle, pantry and checked state.
 * A checked line stays checked while its grams are unchanged; when a swap changes them it is
 * `changed` and unchecked. Sections follow `aisleOrder` (default: the rules' order), then the
 * "You likely have" section. Missing recipes or foods are caller bugs and throw.
 */
export function buildShoppingList(input: ShoppingListInput): ShoppingList {
  const { plan, foods, aisles: rules, pantry, checked, units } = input;
  const order = orderAisles(rules, input.aisleOrder);
  const aisleById = new Map<string, Aisle>(rules.aisles.map((a) => [a.id, a]));
  const inPantryDefault = compilePantryRules(pantry.defaults);

  const lines: ShoppingListItem[] = sumFoodNeeds(plan, input.recipes).map((need) => {
    const food = foods.get(need.ndb);
    if (!food) throw new Error(`food ${need.ndb} needed by ${need.meals.join(', ')} not loaded`);
    const aisleId = resolveAisle(food, rules);
    const aisle = aisleById.get(aisleId);
    if (!aisle) throw new Error(`aisle "${aisleId}" of food ${food.ndb} is not defined`);
    const purchase = describePurchase(food, need.grams, aisle, units);
    const state = checked.get(need.ndb);
    const wasChecked = state?.checked === true;
    const changed = wasChecked && gramsDiffer(state.gramsAtCheck, need.grams);
    return {
      ndb: need.ndb,
      name: shortFoodName(food.name),
      aisle: aisleId,
      grams: need.grams,
      quantity: purchase.quantity,
      display: purchase.display,
      exact: purchase.exact,
      checked: wasChecked && !changed,
      changed,
      inPantry: pantry.explicit.get(food.ndb) ?? inPantryDefault(food, aisleId),
      meals: need.meals,
      notes: need.notes,
    };
  });

  const sections: { section: ShoppingListSection; items: ShoppingListItem[] }[] = [];
  for (const aisle of order) {
    const items = lines.filter((l) => l.aisle === aisle.id && !l.inPantry).sort(byName);
    if (items.length > 0) {
      sections.push({ section: { id: aisle.id, name: aisle.name, items: [] }, items });
    }
  }
  const rank = new Map(order.map((a, i) => [a.id, i]));
  const pantryItems = lines
    .filter((l) => l.inPantry)
    .sort((a, b) => (rank.get(a.aisle) ?? 0) - (rank.get(b.aisle) ?? 0) || byName(a, b));
  if (pantryItems.length > 0) {
    sections.push({ section: { ...IN_PANTRY_SECTION, items: [] }, items: pantryItems });
  }

  const items = sections.flatMap((s) => s.items);
  return {
    planId: plan.id,
    items,
    aisles: sections.map((s) => ({ ...s.section, items: s.items.map((i) => i.ndb) })),
    totals: {
      items: items.length,
      toBuy: items.filter((i) => !i.checked && !i.inPantry).length,
      inPantry: items.filter((i) => i.inPantry).length,
      checked: items.filter((i) => i.checked).length,
    },
  };
}
