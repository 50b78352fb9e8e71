import { itemNotes } from '../shopping/challenge-text';
import type { ShoppingList, ShoppingListItem } from '../shopping/types';
import { spreadsheetCsv } from './csv';
import { escapeMarkdown } from './markdown';

export const SHOPPING_CSV_COLUMNS = [
  'aisle',
  'item',
  'quantity',
  'buy',
  'exact',
  'exact_grams',
  'checked',
  'in_pantry',
  'meals',
  'ndb',
  'notes',
] as const;

function sectionsWithItems(list: ShoppingList) {
  const byNdb = new Map(list.items.map((i) => [i.ndb, i]));
  return list.aisles.map((section) => ({
    section,
    items: section.items
      .map((ndb) => byNdb.get(ndb))
      .filter((i): i is ShoppingListItem => i !== undefined),
  }));
}

function line(item: ShoppingListItem): string {
  const all = itemNotes(item);
  const notes = all.length > 0 ? ` — ${all.join('; ')}` : '';
  return `${item.display} (${item.exact})${notes}`;
}

/** One row per item in list order (see `spreadsheetCsv` for the CSV conventions). */
export function shoppingListToCsv(list: ShoppingList, options: { bom?: boolean } = {}): string {
  const rows = sectionsWithItems(list).flatMap(({ section, items }) =>
    items.map((item) => ({
      aisle: section.name,
      item: item.name,
      quantity: item.quantity,
      buy: item.display,
      exact: item.exact,
      exact_grams: (Math.round(item.grams * 10) / 10).toFixed(1),
      checked: item.checked ? 'yes' : 'no',
      in_pantry: item.inPantry ? 'yes' : 'no',
      meals: item.meals.join(' '),
      ndb: item.ndb,
      notes: itemNotes(item).join('; '),
    })),
  );
  return spreadsheetCsv(rows, SHOPPING_CSV_COLUMNS, options);
}

/** A GitHub-style task list: `## Produce` headings, `- [ ]` lines, `- [x]` when checked. */
export function shoppingListToMarkdown(
  list: ShoppingList,
  options: { title?: string } = {},
): string {
  const out = [`# ${escapeMarkdown(options.title ?? 'Shopping list')}`];
  for (const { section, items } of sectionsWithItems(list)) {
    out.push('', `## ${escapeMarkdown(section.name)}`, '');
    for (const item of items)
      out.push(`- [${item.checked ? 'x' : ' '}] ${escapeMarkdown(line(item))}`);
  }
  return `${out.join('\n')}\n`;
}

/** Plain text for messaging apps: aisle names as headers, "• " to buy, "✓ " already checked. */
export function shoppingListToText(list: ShoppingList, options: { title?: string } = {}): string {
  const out = [options.title ?? 'Shopping list'];
  for (const { section, items } of sectionsWithItems(list)) {
    out.push('', section.name);
    for (const item of items) out.push(`${item.checked ? '✓' : '•'} ${line(item)}`);
  }
  return `${out.join('\n')}\n`;
}

/** The list itself, pretty-printed. */
export function shoppingListToJson(list: ShoppingList): string {
  return `${JSON.stringify(list, null, 2)}\n`;
}
