import { orderAisles, resolveAisle } from './aisles';
import { shortFoodName } from './food-name';
import { type FoodNeed, sumFoodNeeds } from './needs';
import { compilePantryRules } from './pantry';
import { describePurchase } from './purchase';
import type {
  Aisle,
  Food,
  Plan,
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

/** The needs of foods bought as one thing (the same shopping name), in first-use order. */
type LineNeed = {
  ndbs: string[];
  food: Food;
  grams: number;
  meals: string[];
  notes: string[];
  challenge: ShoppingListItem['challenge'];
};

/** Two lines' challenge parts as one. */
function mergeChallenge(
  a: ShoppingListItem['challenge'],
  b: FoodNeed['challenge'],
): ShoppingListItem['challenge'] {
  if (!b) return a;
  if (!a) return { challengeIds: [...b.challengeIds], grams: b.grams };
  const ids = [...a.challengeIds, ...b.challengeIds.filter((id) => !a.challengeIds.includes(id))];
  return { challengeIds: ids, grams: a.grams + b.grams };
}

/**
 * Folds the per-food needs into shopping lines: foods sharing a shopping name are one line with
 * their grams summed, meals in plan order and notes in first-use order. A food without a
 * shopping name is a line of its own. The line buys with its lowest NDB number's food.
 */
function mergeByShoppingName(
  needs: FoodNeed[],
  foods: ReadonlyMap<string, Food>,
  plan: Plan,
): LineNeed[] {
  const mealOrder = new Map(plan.days.flatMap((d) => d.meals).map((m, i) => [m.id, i] as const));
  const lines = new Map<string, LineNeed>();
  for (const need of needs) {
    const food = foods.get(need.ndb);
    if (!food) throw new Error(`food ${need.ndb} needed by ${need.meals.join(', ')} not loaded`);
    const key = food.shopping === undefined ? `ndb:${food.ndb}` : `name:${food.shopping}`;
    const line = lines.get(key);
    if (!line) {
      lines.set(key, {
        ndbs: [need.ndb],
        food,
        grams: need.grams,
        meals: [...need.meals],
        notes: [...need.notes],
        challenge: mergeChallenge(null, need.challenge),
      });
      continue;
    }
    line.challenge = mergeChallenge(line.challenge, need.challenge);
    line.ndbs.push(need.ndb);
    line.grams += need.grams;
    for (const m of need.meals) if (!line.meals.includes(m)) line.meals.push(m);
    for (const n of need.notes) if (!line.notes.includes(n)) line.notes.push(n);
    if (need.ndb < line.food.ndb) line.food = food;
  }
  for (const line of lines.values()) {
    line.ndbs.sort();
    line.meals.sort((a, b) => (mealOrder.get(a) ?? 0) - (mealOrder.get(b) ?? 0));
  }
  return [...lines.values()];
}

/**
 * The shopping list for a plan: one line per thing a shopper buys (foods sharing a shopping
 * name are one line) with the exact grams summed over cooking
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

  const needs = mergeByShoppingName(sumFoodNeeds(plan, input.recipes), foods, plan);
  const lines: ShoppingListItem[] = needs.map((need) => {
    const food = need.food;
    const aisleId = resolveAisle(food, rules);
    const aisle = aisleById.get(aisleId);
    if (!aisle) throw new Error(`aisle "${aisleId}" of food ${food.ndb} is not defined`);
    const purchase = describePurchase(food, need.grams, aisle, units);
    const state = checked.get(food.ndb);
    const wasChecked = state?.checked === true;
    const changed = wasChecked && gramsDiffer(state.gramsAtCheck, need.grams);
    return {
      ndb: food.ndb,
      ndbs: need.ndbs,
      name: food.shopping ?? shortFoodName(food.name),
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
      challenge: need.challenge,
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
