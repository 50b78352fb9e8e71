import { describe, expect, it } from 'vitest';
import { orderAisles, parseAisleRules, resolveAisle } from '@/lib/shopping/aisles';
import { readDerivedFoods } from '@/seeds/load-foods';
import { food, readSeedJson, realFoods, seedAisleRules } from './fixtures';

const rules = seedAisleRules();

const minimal = (over: Record<string, unknown> = {}) => ({
  aisles: [
    { id: 'produce', name: 'Produce', purchase: ['item', 'weight'] },
    { id: 'pantry', name: 'Pantry', purchase: ['volume', 'weight'] },
    { id: 'frozen', name: 'Frozen', purchase: ['weight'] },
  ],
  groups: { '1100': 'produce' },
  patterns: [{ match: 'frozen', groups: ['1100'], aisle: 'frozen', note: 'frozen veg' }],
  overrides: [{ ndb: '11463', aisle: 'pantry', note: 'test override' }],
  fallback: 'pantry',
  ...over,
});

describe('seeds/aisles.json', () => {
  it('parses and defines the ten aisles in walking order', () => {
    expect(rules.aisles.map((a) => a.id)).toEqual([
      'produce',
      'meat-poultry',
      'fish-seafood',
      'eggs-dairy-alternatives',
      'refrigerated',
      'frozen',
      'pantry',
      'spices-herbs',
      'bakery',
      'drinks',
    ]);
  });

  it('puts every SR21 and derived food in a defined aisle', () => {
    const ids = new Set(rules.aisles.map((a) => a.id));
    const foods = [...realFoods().values()];
    expect(foods.length).toBe(7413 + readDerivedFoods().length);
    for (const f of foods) expect(ids.has(resolveAisle(f, rules))).toBe(true);
  });

  it.each([
    ['11507', 'sweet potato', 'produce'],
    ['02044', 'fresh basil (USDA files it under spices)', 'produce'],
    ['02063', 'fresh rosemary', 'produce'],
    ['02003', 'dried basil', 'spices-herbs'],
    ['02047', 'table salt', 'spices-herbs'],
    ['02030', 'black pepper', 'spices-herbs'],
    ['12118', 'canned coconut milk (a nut product)', 'pantry'],
    ['11463', 'frozen spinach', 'frozen'],
    ['04053', 'olive oil', 'pantry'],
    ['02048', 'cider vinegar (a spice in USDA)', 'pantry'],
    ['05096', 'chicken thigh', 'meat-poultry'],
    ['13047', 'ground beef', 'meat-poultry'],
    ['15076', 'salmon', 'fish-seafood'],
    ['01123', 'egg', 'eggs-dairy-alternatives'],
    ['16120', 'soymilk (a legume)', 'eggs-dairy-alternatives'],
    ['16126', 'tofu', 'refrigerated'],
    ['11531', 'canned tomatoes', 'pantry'],
    ['16087', 'peanuts', 'pantry'],
    ['18372', 'baking soda (a baked product in USDA)', 'pantry'],
    ['12119', 'coconut water', 'drinks'],
    ['09298', 'raisins', 'pantry'],
  ])('%s %s → %s', (ndb, _what, aisle) => {
    expect(resolveAisle(food(ndb), rules)).toBe(aisle);
  });
});

describe('resolveAisle precedence', () => {
  const r = parseAisleRules(minimal());
  it('override beats pattern beats group beats fallback', () => {
    expect(resolveAisle({ ndb: '11463', name: 'Spinach, frozen', groupCode: '1100' }, r)).toBe(
      'pantry',
    );
    expect(resolveAisle({ ndb: '11000', name: 'Peas, frozen', groupCode: '1100' }, r)).toBe(
      'frozen',
    );
    expect(resolveAisle({ ndb: '11001', name: 'Peas, raw', groupCode: '1100' }, r)).toBe('produce');
    expect(resolveAisle({ ndb: '20001', name: 'Rice', groupCode: '2000' }, r)).toBe('pantry');
  });

  it('applies a pattern only to its groups', () => {
    expect(resolveAisle({ ndb: '19001', name: 'Yogurt, frozen', groupCode: '1900' }, r)).toBe(
      'pantry',
    );
  });
});

describe('parseAisleRules validation', () => {
  it.each([
    ['an unknown aisle in groups', { groups: { '1100': 'garden' } }, 'groups'],
    [
      'an unknown aisle in a pattern',
      { patterns: [{ match: 'x', aisle: 'garden', note: 'n' }] },
      'patterns',
    ],
    ['an invalid regex', { patterns: [{ match: '(', aisle: 'pantry', note: 'n' }] }, 'patterns'],
    ['a bad NDB number', { overrides: [{ ndb: '123', aisle: 'pantry', note: 'n' }] }, 'overrides'],
    ['an unknown fallback', { fallback: 'garden' }, 'fallback'],
    [
      'a duplicate aisle',
      {
        aisles: [
          { id: 'pantry', name: 'A', purchase: ['weight'] },
          { id: 'pantry', name: 'B', purchase: ['weight'] },
        ],
      },
      'aisles',
    ],
  ])('rejects %s, naming the path', (_what, over, path) => {
    expect(() => parseAisleRules(minimal(over))).toThrow(new RegExp(path));
  });

  it('rejects the seed file with a stray key', () => {
    const json = readSeedJson('aisles.json') as Record<string, unknown>;
    expect(() => parseAisleRules({ ...json, extra: true })).toThrow(/extra/);
  });
});

describe('orderAisles', () => {
  it('puts the requested aisles first and keeps the rest in default order', () => {
    const r = parseAisleRules(minimal());
    expect(orderAisles(r, ['frozen', 'nope']).map((a) => a.id)).toEqual([
      'frozen',
      'produce',
      'pantry',
    ]);
    expect(orderAisles(r).map((a) => a.id)).toEqual(['produce', 'pantry', 'frozen']);
  });
});
