import type { ShoppingListItem } from './types';

/**
 * What marks a line bought for reintroduction challenges: "for the challenge (lactose)", or
 * "120 g of it for the challenge (lactose)" when recipes need the food too; null for other lines.
 */
export function challengeShopText(
  item: Pick<ShoppingListItem, 'grams' | 'challenge'>,
): string | null {
  const c = item.challenge;
  if (!c) return null;
  const names = c.challengeIds.map((id) => id.replace(/-/g, ' ')).join(', ');
  // recipes add less than a gram shown: the whole line is the challenge's
  const all = item.grams - c.grams < 0.5;
  return `${all ? '' : `${Math.round(c.grams)} g of it `}for the challenge (${names})`;
}

/** The line's shop notes, then its challenge mark. */
export function itemNotes(item: Pick<ShoppingListItem, 'grams' | 'challenge' | 'notes'>): string[] {
  const mark = challengeShopText(item);
  return mark === null ? item.notes : [...item.notes, mark];
}
