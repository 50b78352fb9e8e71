import { diffShoppingNeeds } from './needs-diff';
import type { ShoppingList } from './types';

export type ShoppingListDiff = { added: string[]; removed: string[]; changed: string[] };

/**
 * What a rebuild (e.g. after a swap) did to the list, by NDB number: foods new to the list,
 * foods gone from it, and foods whose grams or meals changed (sorted by NDB number).
 */
export function diffShoppingLists(before: ShoppingList, after: ShoppingList): ShoppingListDiff {
  const needs = (list: ShoppingList) => new Map(list.items.map((i) => [i.ndb, i]));
  return diffShoppingNeeds(needs(before), needs(after));
}
