import { describe, expect, it } from 'vitest';
import type { AllergenCode, Certainty, GroupCode } from '@/lib/foods/codes';
import type { FoodTagging } from '@/lib/foods/types';
import { tagFood } from '@/lib/tagging';
import { loadTagRules } from '@/seeds/tagging/load';
import { loadFixture } from './fixtures';

/**
 * The corrected tag classes, each checked on a few real SR21 foods it covers, with certainty.
 * `C` = contains, `M` = may-contain, `any` = either, `none` = absent.
 */
const { tagged, foods, byNdb, rules } = loadFixture();

type Want = Certainty | 'any' | 'none';
const C: Want = 'contains';
const M: Want = 'may-contain';
const NONE: Want = 'none';

function tagging(ndb: string): FoodTagging {
  const t = tagged.get(ndb);
  if (!t) throw new Error(`no food ${ndb}`);
  return t;
}

const allergen = (ndb: string, code: AllergenCode) =>
  tagging(ndb).allergens.find((t) => t.code === code)?.certainty ?? NONE;
const group = (ndb: string, code: GroupCode) =>
  tagging(ndb).tags.find((t) => t.code === code)?.certainty ?? NONE;
const fits = (actual: Want, want: Want) => (want === 'any' ? actual !== NONE : actual === want);

type Row = [ndb: string, name: string, want: Want];

function checkAllergen(code: AllergenCode, rows: Row[]) {
  it.each(rows)(`%s %s: ${code} allergen %s`, (ndb, _name, want) => {
    const actual = allergen(ndb, code);
    expect(fits(actual, want) ? want : actual).toBe(want);
  });
}

function checkGroup(code: GroupCode, rows: Row[]) {
  it.each(rows)(`%s %s: ${code} %s`, (ndb, _name, want) => {
    const actual = group(ndb, code);
    expect(fits(actual, want) ? want : actual).toBe(want);
  });
}

describe('hidden sesame', () => {
  checkAllergen('sesame', [
    ['16137', 'Hummus, home prepared', C],
    ['16158', 'Hummus, commercial', C],
    ['12166', 'Tahini', C],
    ['04016', 'Sesame seed dressing', C],
    ['16056', 'Chickpeas (no tahini)', NONE],
  ]);
  checkGroup('seed', [
    ['16137', 'Hummus, home prepared', C],
    ['16158', 'Hummus, commercial', C],
  ]);
});

describe('soy is a legume', () => {
  checkGroup('legume', [
    ['01067', 'Cream substitute with soy protein', C],
    ['16260', 'SILK Original Creamer', C],
    ['03843', 'Infant formula, SIMILAC ISOMIL (soy)', C],
    ['03823', 'Infant formula, PROSOBEE (soy)', C],
    ['16139', 'Soymilk', C],
    ['16426', 'Tofu, firm', C],
    ['16114', 'Tempeh', C],
    ['16112', 'Miso', C],
    ['16113', 'Natto', C],
    ['11211', 'Edamame, frozen', C],
    ['04044', 'Soybean oil', C],
    ['15121', 'Tuna in vegetable broth (soy may-contain)', M],
  ]);

  it('holds for every SR21 food: soy at a certainty means legume at least as certain', () => {
    for (const f of foods) {
      const soy = group(f.ndb, 'soy');
      if (soy === NONE) continue;
      const legume = group(f.ndb, 'legume');
      expect(legume === C || legume === soy, `${f.ndb} ${f.longDesc}`).toBe(true);
    }
  });
});

describe('canned fish and poultry packed in broth', () => {
  const canned: Row[] = [
    ['15121', 'Tuna, light, canned in water', M],
    ['15119', 'Tuna, light, canned in oil', M],
    ['15126', 'Tuna, white, canned in water', M],
    ['05277', 'Chicken, canned, with broth', M],
    ['05284', 'Turkey, canned, with broth', M],
    ['05311', 'Chicken, canned, no broth', NONE],
    ['15084', 'Salmon, pink, canned (no broth)', NONE],
  ];
  checkAllergen('soy', canned);
  checkGroup('nightshade', canned);

  it('says why in the rationale', () => {
    const soy = tagging('15121').allergens.find((t) => t.code === 'soy');
    expect(soy?.rationale).toMatch(/broth/);
    expect(soy?.rationale).toMatch(/packed in water/);
  });
});

describe('added sugar in every food group', () => {
  checkGroup('added-sugar', [
    // drinks and drink mixes
    ['14009', 'Daiquiri, canned', C],
    ['14034', 'Creme de menthe', C],
    ['14028', 'Whiskey sour mix', C],
    ['44203', 'Cocktail mix, non-alcoholic', C],
    ['14287', 'Lemonade, powder', C],
    ['43345', 'Fruit-flavored drink, powder, low calorie', NONE],
    ['47011', 'Fruit-flavored drink mix, unsweetened', NONE],
    ['14236', 'Coffee substitute, cereal grain beverage', M],
    // toppings
    ['01054', 'Cream topping, pressurized', C],
    ['19137', 'Toppings, strawberry', C],
    // vegetables and fruit
    ['11659', 'Sweet potato, candied', C],
    ['11605', 'Beets, harvard', C],
    ['11609', 'Beets, pickled', C],
    ['09241', 'Peaches, canned, heavy syrup', C],
    ['09250', 'Peaches, frozen, sweetened', C],
    ['09238', 'Peaches, canned, juice pack', NONE],
    ['09237', 'Peaches, canned, water pack', NONE],
    ['09019', 'Applesauce, unsweetened', NONE],
    ['11944', 'Pickle relish, hot dog', C],
    // sweet pastes and fillings, syrups
    ['12071', 'Almond paste', C],
    ['16098', 'Peanut butter, smooth (commercial recipes add sugar)', M],
    ['16004', 'Yokan (sweet adzuki paste)', C],
    ['19353', 'Maple syrup', C],
    // sweetened dairy and dairy alternatives
    ['01195', 'BREYERS strawberry yogurt', C],
    ['01198', 'BREYERS LIGHT yogurt with aspartame and fructose', C],
    ['01102', 'Chocolate milk', C],
    ['19095', 'Ice cream, vanilla', C],
    ['01127', 'Egg yolk, sugared', C],
    ['03843', 'Infant formula, ISOMIL (soy; corn syrup solids, sugar)', C],
    ['03805', 'Infant formula, ENFAMIL (milk; lactose only)', NONE],
    ['16236', 'SILK Vanilla soymilk', C],
    ['16253', 'SILK Strawberry soy yogurt', C],
    ['16235', 'SILK Plain soymilk (sweetened unless it says so)', M],
    ['16244', 'SILK Unsweetened soymilk', NONE],
    ['01077', 'Milk, whole', NONE],
    ['01116', 'Yogurt, plain', NONE],
    // cereals
    ['08069', 'Frosted flakes', C],
    ['08124', 'Instant oatmeal, apples and cinnamon', C],
    ['08120', 'Oats, plain', NONE],
    // spice blends named after desserts are not sweets
    ['02035', 'Pumpkin pie spice', NONE],
  ]);
});

describe('mixed dishes, stews and soups inherit the cereal and seafood they name', () => {
  checkGroup('grain', [
    ['35146', 'Stew, mutton, corn, squash (Navajo)', C],
    ['43312', 'Vegetables, mixed (corn, lima beans…)', C],
    ['06022', 'Soup, chicken rice', C],
    ['06042', 'Soup, mushroom barley', C],
    ['21080', 'Nachos with beans and beef', C],
  ]);
  checkGroup('rice', [['19052', 'Rice cakes with buckwheat (wheat inside buckwheat)', C]]);
  checkAllergen('gluten', [['06042', 'Soup, mushroom barley', C]]);
  checkAllergen('mollusc', [
    ['06030', 'Soup, clam chowder, new england', C],
    ['06048', 'Soup, oyster stew', C],
    ['21055', 'Salad with pasta and seafood', M],
  ]);
  checkAllergen('fish', [
    ['21055', 'Salad with pasta and seafood', M],
    ['06174', 'Stock, fish', C],
    ['06180', 'Soup, shark fin', C],
  ]);
  checkAllergen('crustacean', [['21055', 'Salad with pasta and seafood', M]]);
});

describe('refined seed oils are processed', () => {
  checkGroup('processed', [
    ['04582', 'Canola oil', C],
    ['04518', 'Corn oil', C],
    ['04060', 'Sunflower oil', C],
    ['04510', 'Safflower oil', C],
    ['04502', 'Cottonseed oil', C],
    ['04044', 'Soybean oil', C],
    ['04517', 'Grapeseed oil', C],
    ['42289', 'Corn and canola oil', C],
    ['04058', 'Sesame oil', NONE],
    ['04528', 'Walnut oil', NONE],
    ['42231', 'Flaxseed oil', NONE],
    ['04053', 'Olive oil', NONE],
  ]);
});

describe('shop-bought stock and broth', () => {
  const stocks: [string, string][] = [
    ['06170', 'Stock, beef'],
    ['06172', 'Stock, chicken'],
    ['06174', 'Stock, fish'],
    ['06194', 'Chicken broth, canned'],
    ['06080', 'Chicken bouillon, dry'],
  ];
  it.each(stocks)('%s %s may contain pepper, yeast extract, onion/garlic and sugar', (ndb) => {
    expect(group(ndb, 'berry-spice')).not.toBe(NONE);
    expect(group(ndb, 'processed')).not.toBe(NONE);
    expect(group(ndb, 'fodmap-fructan')).not.toBe(NONE);
    expect(group(ndb, 'added-sugar')).not.toBe(NONE);
  });

  it('no override removes a tag on the strength of a Villi stock or broth recipe', () => {
    const removals = loadTagRules().overrides.filter((o) => o.action === 'remove');
    expect(removals.filter((o) => /(stock|broth)[\w\s-]*recipes?/i.test(o.reason))).toEqual([]);
  });

  checkGroup('nightshade-spice', [['02046', 'Mustard, prepared, yellow', M]]);
  checkGroup('nightshade', [['02046', 'Mustard, prepared, yellow', M]]);
});

describe('exception codes sit only on the foods they name', () => {
  checkGroup('soy-lecithin', [
    ['04531', 'Soybean lecithin', C],
    ['19120', 'Milk chocolate (lecithin among other ingredients)', NONE],
  ]);
  checkGroup('refined-soy-oil', [
    ['04044', 'Soybean oil', C],
    ['04650', 'Industrial soy oil, refined', C],
    ['04073', 'Margarine, soybean', NONE],
    ['04025', 'Mayonnaise, soybean oil', NONE],
  ]);
  checkGroup('botanical-extract', [
    ['02050', 'Vanilla extract', C],
    ['02051', 'Vanilla extract, imitation', NONE],
    ['43406', 'Yeast extract spread', NONE],
  ]);
});

describe('oats labelled certified gluten-free (a derived food built from SR21 oats)', () => {
  const oats = byNdb.get('20038');
  if (!oats) throw new Error('no oats');
  const gf = tagFood(
    { ...oats, ndb: '99006', longDesc: 'Oats, certified gluten-free, dry', shortDesc: 'OATS,GF' },
    rules,
  );
  const codes = new Set<string>([...gf.allergens, ...gf.tags].map((t) => t.code));

  it('are a grain but carry no gluten or wheat tag; plain oats keep gluten', () => {
    expect(codes.has('grain')).toBe(true);
    expect(['gluten', 'wheat'].filter((c) => codes.has(c))).toEqual([]);
    expect(allergen('20038', 'gluten')).not.toBe(NONE);
  });
});

describe('canned tuna that says "no broth" (how a derived plain product would read)', () => {
  const tuna = byNdb.get('15121');
  if (!tuna) throw new Error('no tuna');
  const plain = tagFood(
    {
      ...tuna,
      ndb: '99011',
      longDesc: 'Fish, tuna, light, canned in water, no broth, drained solids',
    },
    rules,
  );

  it('carries fish but no soy or nightshade from the broth rule', () => {
    const codes = new Set<string>([...plain.allergens, ...plain.tags].map((t) => t.code));
    expect(codes.has('fish')).toBe(true);
    expect(['soy', 'nightshade', 'legume'].filter((c) => codes.has(c))).toEqual([]);
  });
});
