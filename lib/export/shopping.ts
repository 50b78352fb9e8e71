import { stringify } from 'csv-stringify/sync';
import { itemNotes } from '../shopping/challenge-text';
import type { ShoppingList, ShoppingListItem } from '../shopping/types';
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

/**
 * RFC 4180 CSV, one row per item in list order, with a header row and CRLF line ends.
 * Starts with a UTF-8 byte order mark by default: Excel on Windows otherwise reads the file
 * in the legacy code page and garbles non-ASCII names; Sheets, Numbers and LibreOffice skip it.
 * Cells starting with = + - @ are prefixed with ' so a spreadsheet never runs them as formulas.
 */
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
  return stringify(rows, {
    header: true,
    columns: [...SHOPPING_CSV_COLUMNS],
    record_delimiter: 'windows',
    bom: options.bom ?? true,
    escape_formulas: true,
  });
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
