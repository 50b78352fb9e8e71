import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  shoppingListToCsv,
  shoppingListToMarkdown,
  shoppingListToText,
} from '@/lib/export/shopping';
import { kitchenLine } from '@/lib/recipes/kitchen-words';
import { resolveQuantity } from '@/lib/recipes/resolve-quantity';
import { resolveAisle } from '@/lib/shopping/aisles';
import { buildShoppingList } from '@/lib/shopping/build-list';
import { parseFoodNames } from '@/lib/shopping/food-names';
import { describePurchase } from '@/lib/shopping/purchase';
import { parsePurchaseUnits } from '@/lib/shopping/purchase-units';
import type { Food, PlanMeal, UnitSystem } from '@/lib/shopping/types';
import { FOOD_NAMES, PURCHASE_UNITS } from '../../support/reference-files';
import { catalogNdbs, catalogRecipes, catalogShoppingRecipes, namedFood } from './catalog-words';
import {
  expectedMultiple,
  food,
  makeInput,
  makeMeal,
  makePlan,
  makeRecipe,
  readSeedJson,
  realFoods,
  recipeMap,
  seedAisleRules,
  WEEK_DATES,
} from './fixtures';

const rules = seedAisleRules();

function buy(f: Food, grams: number, units: UnitSystem = 'metric') {
  const aisle = rules.aisles.find((a) => a.id === resolveAisle(f, rules))!;
  return describePurchase(f, grams, aisle, units);
}

/** Foods with their shopping names, for every food a list may need. */
function namedFoods(): Map<string, Food> {
  const out = new Map(realFoods());
  for (const ndb of FOOD_NAMES.keys()) out.set(ndb, namedFood(ndb));
  return out;
}

/** SR21 long descriptions of the catalog foods that read as database strings (with a comma). */
function sr21Descriptions(): string[] {
  return catalogNdbs()
    .map((ndb) => food(ndb).name)
    .filter((d) => d.includes(','));
}

describe('seeds/food-names.json', () => {
  it('names every food a catalog recipe uses, derived foods included', () => {
    const ndbs = catalogNdbs();
    expect(ndbs.length).toBeGreaterThan(250);
    expect(ndbs.some((n) => n.startsWith('99'))).toBe(true);
    expect(ndbs.filter((n) => !FOOD_NAMES.has(n))).toEqual([]);
  });

  it('never uses an SR21 description as a name', () => {
    const descriptions = new Set(sr21Descriptions().map((d) => d.toLowerCase()));
    for (const [ndb, row] of FOOD_NAMES) {
      expect(descriptions.has(row.display.toLowerCase()), ndb).toBe(false);
      expect(descriptions.has(row.shopping.toLowerCase()), ndb).toBe(false);
      expect(row.display, ndb).not.toMatch(/^[A-Z][a-z]+, /);
    }
  });

  it('uses the words from the issue', () => {
    expect(FOOD_NAMES.get('15149')?.shopping).toBe('shrimp');
    expect(FOOD_NAMES.get('11112')?.display).toBe('red cabbage');
    expect(FOOD_NAMES.get('12108')?.display).toBe('desiccated coconut');
    expect(FOOD_NAMES.get('99013')?.display).toBe('canned tuna in water');
    expect(FOOD_NAMES.get('99004')?.display).toBe('spring onion greens');
  });

  it('fails a bad row with its path', () => {
    expect(() => parseFoodNames({ foods: { '11112': { display: 'red cabbage' } } })).toThrow(
      /foods\.11112\.shopping/,
    );
    expect(() => parseFoodNames({ foods: { '1111': { display: 'a', shopping: 'a' } } })).toThrow(
      /foods\.1111/,
    );
    expect(() =>
      parseFoodNames({ foods: { '11112': { display: ' red', shopping: 'red cabbage' } } }),
    ).toThrow(/foods\.11112\.display/);
  });

  it('has shop units only for shopping names that exist, each with a source', () => {
    const shopping = new Set([...FOOD_NAMES.values()].map((r) => r.shopping));
    for (const name of PURCHASE_UNITS.keys()) expect(shopping.has(name), name).toBe(true);
    expect(() =>
      parsePurchaseUnits({ units: { 'red cabbage': [{ unit: 'head', grams: 839, step: 0.25 }] } }),
    ).toThrow(/units\.red cabbage\.0\.source/);
    expect(() => parsePurchaseUnits(readSeedJson('purchase-units.json'))).not.toThrow();
  });
});

// Hand-computed from seeds/purchase-units.json and SR21 WEIGHT.txt (grams in the comments).
describe('quantities a shop sells, never contradicting their grams', () => {
  it.each([
    // red cabbage head 839 g, sold in quarters: 93 / 839 = 0.11 → ¼ head
    ['11112', 93, '¼ head red cabbage'],
    // 300 / 839 = 0.36 → ½ head; 900 / 839 = 1.07 → 1¼ heads
    ['11112', 300, '½ head red cabbage'],
    ['11112', 900, '1¼ heads red cabbage'],
    // cauliflower head 575 g, sold in halves: 250 / 575 = 0.43 → ½; 300 / 575 = 0.52 → 1
    ['11135', 250, '½ head cauliflower'],
    ['11135', 300, '1 head cauliflower'],
    // canned tomatoes: a 400 g can (SR21's "1 can" is 190 g): 520 / 400 = 1.3 → 2 cans
    ['11531', 520, '2 cans (400 g) tomatoes'],
    // canned coconut milk: 400 ml can = 382 g; 200 g → 1 can
    ['12118', 200, '1 can (400 ml) coconut milk'],
    // sweet potato 130 g each (WEIGHT.txt), no shop-unit row: 390 / 130 = 3
    ['11507', 390, '3 sweet potatoes'],
    // shrimp by weight: 600 g
    ['15149', 600, '600 g shrimp'],
    // eggs: 50 g each; 150 g → 3 counted; 960 g = 1.6 dozen → 2 dozen (sold by the half dozen)
    ['01123', 150, '3 large eggs'],
    ['01123', 960, '2 dozen large eggs'],
    ['01123', 700, '1½ dozen large eggs'],
    // canned mackerel, 1 can (15 oz) = 361 g (WEIGHT.txt): 440 / 361 = 1.2 → 2; "canned" said once
    ['15048', 440, '2 cans (15 oz) mackerel'],
    // red chili, 1 pepper = 45 g: 32 g → 1
    ['11819', 32, '1 red chili'],
  ] as const)('%s × %d g → %s', (ndb, grams, display) => {
    const p = buy(namedFood(ndb), grams);
    expect(p.display).toBe(display);
    expect(p.exact).toBe(`about ${grams} g`);
  });

  it('does not buy a whole large item for under half of it, even without shop units', () => {
    // WEIGHT.txt only: red cabbage heads are 567-1134 g; 93 g is bought by weight (93 → 100 g)
    expect(buy(food('11112'), 93).display).toBe('100 g red cabbage');
    // pineapple: 1 fruit = 905 g; 165 g → 170 g, 500 g → 1 pineapple
    expect(buy(namedFood('09266'), 165).display).toBe('170 g pineapple');
    expect(buy(namedFood('09266'), 500).display).toBe('1 pineapple');
  });
});

describe('one line per thing a shopper buys', () => {
  const recipes = recipeMap([
    makeRecipe({
      slug: 'coconut-mint',
      servings: 2,
      ingredients: [
        { ndb: '12108', grams: 30, text: '30 g' },
        { ndb: '12114', grams: 20, text: '20 g' },
        { ndb: '02064', grams: 3.2, text: '2 tbsp' },
        { ndb: '11507', grams: 260, text: '260 g' },
      ],
    }),
    makeRecipe({
      slug: 'mint-salad',
      servings: 2,
      ingredients: [
        { ndb: '02065', grams: 5, text: '5 g' },
        { ndb: '12177', grams: 40, text: '40 g' },
      ],
    }),
  ]);
  const plan = makePlan([
    makeMeal('2026-11-30', 'breakfast', 'coconut-mint', { servings: 2 }),
    makeMeal('2026-12-01', 'lunch', 'mint-salad', { servings: 4 }),
  ]);
  const list = buildShoppingList(makeInput({ plan, recipes, foods: namedFoods() }));

  it('merges the desiccated coconuts and the two mints, summing grams', () => {
    const coconut = list.items.filter((i) => i.name === 'desiccated coconut, unsweetened');
    expect(coconut).toHaveLength(1);
    expect(coconut[0]?.ndbs).toEqual(['12108', '12114']);
    expect(coconut[0]?.ndb).toBe('12108');
    expect(coconut[0]?.grams).toBeCloseTo(50, 9);
    const mint = list.items.filter((i) => i.name === 'fresh mint');
    expect(mint).toHaveLength(1);
    expect(mint[0]?.ndbs).toEqual(['02064', '02065']);
    // 3.2 g × 2/2 + 5 g × 4/2 = 13.2 g
    expect(mint[0]?.grams).toBeCloseTo(13.2, 9);
    expect(mint[0]?.meals).toEqual(['2026-11-30-breakfast', '2026-12-01-lunch']);
    // coconut butter is a different purchase
    expect(list.items.filter((i) => i.ndbs.includes('12177'))).toHaveLength(1);
    expect(list.items).toHaveLength(4);
  });

  it('keeps a merged line checked under its key while its grams are unchanged', () => {
    const again = buildShoppingList(
      makeInput({
        plan,
        recipes,
        foods: namedFoods(),
        checked: new Map([['02064', { checked: true, gramsAtCheck: 13.2 }]]),
      }),
    );
    expect(again.items.find((i) => i.name === 'fresh mint')?.checked).toBe(true);
  });
});

describe('shopping totals equal the plan sums after merging by shopping name', () => {
  const all = catalogShoppingRecipes();
  const recipes = recipeMap(all);
  const foods = namedFoods();
  const slots = ['breakfast', 'lunch', 'dinner', 'snack'] as const;

  it('holds for random weeks of catalog recipes', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            recipe: fc.nat({ max: all.length - 1 }),
            servings: fc.integer({ min: 1, max: 6 }),
          }),
          { minLength: 1, maxLength: 28 },
        ),
        (specs) => {
          const meals: PlanMeal[] = specs.map((s, i) =>
            makeMeal(WEEK_DATES[Math.floor(i / 4)]!, slots[i % 4]!, all[s.recipe]!.slug, {
              servings: s.servings,
            }),
          );
          const plan = makePlan(meals);
          const list = buildShoppingList(makeInput({ plan, recipes, foods }));
          // oracle: per shopping name, Σ ingredient grams × the whole or half recipes cooked
          const expected = new Map<string, number>();
          for (const m of meals) {
            const r = recipes.get(m.recipeSlug)!;
            const multiple = expectedMultiple(m.servings, r.servings);
            for (const ing of r.ingredients) {
              const name = FOOD_NAMES.get(ing.ndb)!.shopping;
              expected.set(name, (expected.get(name) ?? 0) + ing.grams * multiple);
            }
          }
          for (const [name, grams] of expected) if (!(grams > 0)) expected.delete(name);
          expect(new Set(list.items.map((i) => i.name))).toEqual(new Set(expected.keys()));
          for (const item of list.items) {
            expect(Math.abs(item.grams - expected.get(item.name)!)).toBeLessThan(1e-6);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('no SR21 description reaches what a shopper or a cook reads', () => {
  const descriptions = sr21Descriptions();
  const leaks = (text: string) =>
    descriptions.filter((d) => text.toLowerCase().includes(d.toLowerCase()));

  it('the shopping list of every catalog recipe, on the page and in every export', () => {
    const all = catalogShoppingRecipes();
    const meals = all.map((r, i) =>
      makeMeal(WEEK_DATES[i % 7]!, 'dinner', r.slug, { id: `${WEEK_DATES[i % 7]}-dinner-${i}` }),
    );
    const list = buildShoppingList(
      makeInput({ plan: makePlan(meals), recipes: recipeMap(all), foods: namedFoods() }),
    );
    expect(list.items.length).toBeGreaterThan(200);
    const page = list.items.map((i) => `${i.name}\n${i.display}\n${i.quantity}\n${i.exact}`);
    expect(leaks(page.join('\n'))).toEqual([]);
    expect(leaks(shoppingListToCsv(list))).toEqual([]);
    expect(leaks(shoppingListToMarkdown(list))).toEqual([]);
    expect(leaks(shoppingListToText(list))).toEqual([]);
  });

  it('the recipe page ingredient lines of every catalog recipe', () => {
    const lines = catalogRecipes().flatMap((r) =>
      r.ingredients.map((i) => {
        const q = resolveQuantity(i as never, food(i.ndb).measures);
        if (!q.ok) throw new Error(q.message);
        return kitchenLine({
          name: FOOD_NAMES.get(i.ndb)!.display,
          grams: q.grams,
          amount: i.amount ?? null,
          label: i.measure ?? null,
          note: i.note ?? null,
        }).text;
      }),
    );
    expect(lines.length).toBeGreaterThan(2000);
    expect(leaks(lines.join('\n'))).toEqual([]);
    // and no USDA measure string either
    expect(lines.filter((l) => /\d"|\bdia\b|yields|refuse|NLEA/.test(l))).toEqual([]);
  });
});
