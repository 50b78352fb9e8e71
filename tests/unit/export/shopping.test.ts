import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  SHOPPING_CSV_COLUMNS,
  shoppingListToCsv,
  shoppingListToJson,
  shoppingListToMarkdown,
  shoppingListToText,
} from '@/lib/export/shopping';
import { buildShoppingList } from '@/lib/shopping/build-list';
import type { Food, Recipe } from '@/lib/shopping/types';
import {
  food,
  makeInput,
  makeMeal,
  makePlan,
  makeRecipe,
  NDB,
  RECIPES,
  realFoods,
  recipeMap,
  sampleWeek,
} from '../shopping/fixtures';

// A real SR21 name with both commas and double quotes, plus a name that looks like a formula.
const DINOSAUR_OATMEAL = '08411';
const formulaFood: Food = {
  ndb: '99001',
  name: '=HYPERLINK("x"), raw',
  groupCode: '2000',
  measures: [],
};
const oddRecipe: Recipe = makeRecipe({
  slug: 'odd-breakfast',
  servings: 1,
  ingredients: [
    { ndb: DINOSAUR_OATMEAL, grams: 40, text: '40 g' },
    { ndb: formulaFood.ndb, grams: 10, text: '10 g' },
    { ndb: NDB.cannedTomatoes, grams: 400, text: '400 g' },
  ],
});

function listWithOddNames() {
  const plan = {
    ...sampleWeek(),
    days: sampleWeek().days.map((d) =>
      d.date === '2026-12-04'
        ? { ...d, meals: [makeMeal('2026-12-04', 'breakfast', 'odd-breakfast', { servings: 1 })] }
        : d,
    ),
  };
  const foods = new Map(realFoods());
  foods.set(formulaFood.ndb, formulaFood);
  const potato = { checked: true, gramsAtCheck: 520 };
  return buildShoppingList(
    makeInput({
      plan,
      foods,
      recipes: recipeMap([...RECIPES, oddRecipe]),
      checked: new Map([[NDB.sweetPotato, potato]]),
    }),
  );
}

describe('shoppingListToCsv', () => {
  const list = listWithOddNames();
  const csv = shoppingListToCsv(list);
  const rows = parse(csv, { columns: true, bom: true }) as Record<string, string>[];

  it('starts with a BOM and a header row, and ends records with CRLF', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')[0]).toBe(SHOPPING_CSV_COLUMNS.join(','));
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '').includes('\n')).toBe(false);
  });

  it('round-trips every item, names with commas and quotes included', () => {
    expect(rows).toHaveLength(list.items.length);
    const defused = (text: string) => (/^[=+\-@]/.test(text) ? `'${text}` : text);
    expect(rows.map((r) => [r.item, r.quantity, r.buy])).toEqual(
      list.items.map((i) => [defused(i.name), i.quantity, i.display]),
    );
    const oatmeal = rows.find((r) => r.ndb === DINOSAUR_OATMEAL)!;
    expect(oatmeal.item).toContain('"DINOSAUR BONES"');
    expect(oatmeal.item).toContain(',');
    expect(rows.find((r) => r.ndb === NDB.cannedTomatoes)?.buy).toBe(
      '3 cans ripe red tomatoes, canned, packed in tomato juice',
    );
  });

  it('keeps the exact grams, checked and pantry flags and the meals', () => {
    const potato = rows.find((r) => r.ndb === NDB.sweetPotato)!;
    expect(potato).toMatchObject({
      aisle: 'Produce',
      exact_grams: '520.0',
      checked: 'yes',
      in_pantry: 'no',
      meals: '2026-11-30-dinner',
    });
    expect(rows.find((r) => r.ndb === NDB.salt)).toMatchObject({
      aisle: 'You likely have',
      in_pantry: 'yes',
    });
  });

  it('defuses a cell a spreadsheet would run as a formula', () => {
    const row = rows.find((r) => r.ndb === formulaFood.ndb)!;
    expect(row.item).toMatch(/^'=/);
  });

  it('can leave out the BOM', () => {
    expect(shoppingListToCsv(list, { bom: false }).startsWith('aisle,')).toBe(true);
  });
});

describe('shoppingListToMarkdown', () => {
  const list = buildShoppingList(
    makeInput({ checked: new Map([[NDB.sweetPotato, { checked: true, gramsAtCheck: 520 }]]) }),
  );
  const md = shoppingListToMarkdown(list, { title: 'Shopping list, week of 30 November' });
  const lines = md.split('\n');

  it('has one checklist line per item under aisle headings', () => {
    expect(lines.filter((l) => /^- \[[ x]\] /.test(l))).toHaveLength(list.items.length);
    expect(lines[0]).toBe('# Shopping list, week of 30 November');
    expect(lines).toContain('## Produce');
    expect(lines).toContain('## You likely have');
  });

  it('ticks checked items and shows the exact need', () => {
    expect(lines).toContain('- [x] 4 sweet potatoes (about 520 g)');
    expect(lines).toContain('- [ ] 600 g chicken thigh (about 600 g)');
  });

  it('escapes Markdown in names', () => {
    const plan = makePlan([makeMeal('2026-11-30', 'dinner', 'x')]);
    const foods = new Map([
      ['99002', { ndb: '99002', name: 'Sauce *hot* [mild]', groupCode: '0600', measures: [] }],
    ]);
    const recipes = recipeMap([
      makeRecipe({ slug: 'x', ingredients: [{ ndb: '99002', grams: 50, text: '50 g' }] }),
    ]);
    const out = shoppingListToMarkdown(buildShoppingList(makeInput({ plan, foods, recipes })));
    expect(out).toContain('- [ ] 30 g sauce \\*hot\\* \\[mild\\]');
  });
});

describe('shoppingListToText', () => {
  const list = buildShoppingList(
    makeInput({ checked: new Map([[NDB.sweetPotato, { checked: true, gramsAtCheck: 520 }]]) }),
  );
  const text = shoppingListToText(list);
  const lines = text.split('\n');

  it('uses aisle names as headers and a bullet per item, without Markdown', () => {
    expect(lines.filter((l) => l.startsWith('• ') || l.startsWith('✓ '))).toHaveLength(
      list.items.length,
    );
    expect(lines).toContain('Produce');
    expect(text).not.toMatch(/^#|\[ \]|\*\*/m);
  });

  it('marks checked items', () => {
    expect(lines).toContain('✓ 4 sweet potatoes (about 520 g)');
    // 150 g is under half a 340 g bunch, so not "1 bunch"; SR21's 10 oz package is 284 g (issue 12)
    expect(lines).toContain('• 1 package (10 oz) spinach (about 150 g)');
  });
});

describe('shoppingListToJson', () => {
  it('is the list itself', () => {
    const list = buildShoppingList(makeInput());
    expect(JSON.parse(shoppingListToJson(list))).toEqual(list);
    expect(food(NDB.sweetPotato).name).toBe('Sweet potato, raw, unprepared');
  });
});
