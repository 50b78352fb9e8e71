import { describe, expect, it } from 'vitest';
import { applyDerivedFoods, type DerivedFoodInput, parseDerivedFoods } from '@/lib/foods/derived';
import { NUTRIENT_KEYS, type NutrientKey } from '@/lib/foods/nutrients';
import type { UsdaFood } from '@/lib/foods/types';
import { loadFoods, readDerivedFoods } from '@/seeds/load-foods';

const nutrients = (values: Partial<Record<NutrientKey, number | null>>) =>
  Object.fromEntries(NUTRIENT_KEYS.map((k) => [k, values[k] ?? null])) as Record<
    NutrientKey,
    number | null
  >;

const parent: UsdaFood = {
  ndb: '01077',
  groupCode: '0100',
  longDesc: 'Milk, whole',
  shortDesc: 'MILK,WHL',
  commonNames: '',
  manufacturer: '',
  sciName: '',
  refusePct: 0,
  nutrients: nutrients({ energyKcal: 60, sugarsG: 5.26, calciumMg: 113, sodiumMg: 40 }),
  measures: [{ seq: 1, amount: 1, label: 'cup', grams: 244 }],
};

const base = {
  ndb: '99040',
  parent: '01077',
  longDesc: 'Milk, test variant',
  derivation: 'A test food derived from whole milk for the unit tests of derivation.',
  nutrientChanges: {},
  otherNutrients: 'parent',
} satisfies DerivedFoodInput;

const derive = (d: Partial<DerivedFoodInput>) => {
  const out = applyDerivedFoods([parent], [{ ...base, ...d } as DerivedFoodInput]);
  const food = out.find((f) => f.ndb === (d.ndb ?? base.ndb));
  if (!food) throw new Error('derived food missing');
  return food;
};

describe('applyDerivedFoods', () => {
  it('copies the parent and applies replaced, unknown and scaled values', () => {
    const food = derive({
      nutrientChanges: { sodiumMg: 176, calciumMg: { factor: 0.5 }, energyKcal: null },
    });
    expect(food.nutrients.sodiumMg).toBe(176);
    expect(food.nutrients.calciumMg).toBe(56.5); // 113 × 0.5
    expect(food.nutrients.energyKcal).toBeNull(); // stated unknown, not 0
    expect(food.nutrients.sugarsG).toBe(5.26); // unchanged from the parent
    expect(food.nutrients.ironMg).toBeNull(); // the parent does not know it either
    expect(food.groupCode).toBe('0100');
    expect(food.measures).toEqual(parent.measures);
    expect(food.derived).toEqual({ parent: '01077', derivation: base.derivation });
  });

  it('keeps an unknown parent value unknown under a factor', () => {
    expect(derive({ nutrientChanges: { ironMg: { factor: 2 } } }).nutrients.ironMg).toBeNull();
  });

  it('leaves every unlisted nutrient unknown when otherNutrients is "unknown"', () => {
    const food = derive({ otherNutrients: 'unknown', nutrientChanges: { calciumMg: 120 } });
    expect(food.nutrients.calciumMg).toBe(120);
    expect(food.nutrients.energyKcal).toBeNull();
    expect(food.nutrients.sodiumMg).toBeNull();
  });

  it('numbers its own measures from 1 and takes group and refuse when given', () => {
    const food = derive({
      groupCode: '1400',
      refusePct: 4,
      measures: [
        { amount: 1, label: 'glass', grams: 250 },
        { amount: 1, label: 'tbsp', grams: 15 },
      ],
    });
    expect(food.measures).toEqual([
      { seq: 1, amount: 1, label: 'glass', grams: 250 },
      { seq: 2, amount: 1, label: 'tbsp', grams: 15 },
    ]);
    expect(food.groupCode).toBe('1400');
    expect(food.refusePct).toBe(4);
  });

  it('returns the SR21 foods unchanged and first, and does not mutate the parent', () => {
    const before = structuredClone(parent);
    const out = applyDerivedFoods([parent], [{ ...base, nutrientChanges: { sodiumMg: 1 } }]);
    expect(out[0]).toBe(parent);
    expect(parent).toEqual(before);
    expect(out.map((f) => f.ndb)).toEqual(['01077', '99040']);
  });

  it('fails on an unknown parent and on a taken NDB number, naming the food', () => {
    expect(() => derive({ parent: '00000' })).toThrow('derived food 99040: unknown parent 00000');
    expect(() => applyDerivedFoods([parent], [base, base])).toThrow(
      'derived food 99040: NDB number already in use',
    );

    // a derived food is built from SR21, never from another derived food
    expect(() =>
      applyDerivedFoods([parent], [base, { ...base, ndb: '99041', parent: '99040' }]),
    ).toThrow('derived food 99041: parent 99040 is derived');
  });
});

describe('recipe-made derived foods', () => {
  it('carry the recipe slug through to the food', () => {
    expect(derive({ recipe: 'chicken-bone-broth' }).derived).toEqual({
      parent: '01077',
      derivation: base.derivation,
      recipe: 'chicken-bone-broth',
    });
    expect(derive({}).derived).not.toHaveProperty('recipe');
  });

  it('reject a recipe that is not a slug', () => {
    expect(() => parseDerivedFoods({ foods: [{ ...base, recipe: 'Bone Broth' }] })).toThrow(
      /foods\.0\.recipe: recipe is a recipe slug/,
    );
  });

  it('in the seed file: Villi broths name their recipe and keep the strained parent', () => {
    const byNdb = new Map(readDerivedFoods().map((d) => [d.ndb, d]));
    expect(byNdb.get('99011')).toMatchObject({ parent: '06172', recipe: 'chicken-bone-broth' });
    expect(byNdb.get('99012')).toMatchObject({ parent: '06615', recipe: 'vegetable-stock' });
    expect(byNdb.get('99013')).toMatchObject({ parent: '15121' });
    expect(byNdb.get('99013')?.recipe).toBeUndefined();
    expect(byNdb.get('99013')?.derivation).toMatch(/shopper must pick/);
  });
});

describe('parseDerivedFoods', () => {
  it('names the file and the path of a bad field', () => {
    const bad = { foods: [{ ...base, nutrientChanges: { sodiumMg: -1 } }] };
    expect(() => parseDerivedFoods(bad)).toThrow(
      /^seeds\/derived-foods\.json: foods\.0\.nutrientChanges\.sodiumMg: /,
    );
  });

  it('rejects NDB numbers outside 99001–99049, unknown nutrients and unknown keys', () => {
    expect(() => parseDerivedFoods({ foods: [{ ...base, ndb: '99050' }] })).toThrow(
      /foods\.0\.ndb: a derived food uses an NDB from 99001 to 99049/,
    );
    expect(() => parseDerivedFoods({ foods: [{ ...base, nutrientChanges: { vitD: 1 } }] })).toThrow(
      /foods\.0\.nutrientChanges/,
    );
    expect(() => parseDerivedFoods({ foods: [{ ...base, note: 'x' }] })).toThrow(/foods\.0/);
  });

  it('rejects a duplicate NDB number and a duplicate measure label', () => {
    expect(() => parseDerivedFoods({ foods: [base, base] })).toThrow(
      /foods\.1\.ndb: duplicate 99040/,
    );
    const m = { amount: 1, label: 'cup', grams: 240 };
    expect(() => parseDerivedFoods({ foods: [{ ...base, measures: [m, m] }] })).toThrow(
      /foods\.0\.measures\.1\.label: duplicate measure "cup"/,
    );
  });
});

describe('the shipped derived foods', () => {
  const foods = loadFoods();
  const byNdb = new Map(foods.map((f) => [f.ndb, f]));
  const food = (ndb: string) => {
    const f = byNdb.get(ndb);
    if (!f) throw new Error(`missing ${ndb}`);
    return f;
  };

  it('are the 7,413 SR21 foods plus the derived foods, each with a parent and a derivation', () => {
    const derived = readDerivedFoods();
    expect(foods).toHaveLength(7413 + derived.length);
    expect(foods.filter((f) => f.derived).map((f) => f.ndb)).toEqual(derived.map((d) => d.ndb));
    for (const d of derived) {
      expect(byNdb.get(d.parent)?.derived, d.ndb).toBeUndefined();
      expect(food(d.ndb).derived?.derivation, d.ndb).toMatch(/SR21 \d{5}/);
    }
  });

  it('hold the reserved foods; SR21 has firm tofu, and canned chickpeas only with their liquid', () => {
    expect(readDerivedFoods().map((d) => d.ndb)).toEqual([
      '99001',
      '99002',
      '99003',
      '99004',
      '99005',
      '99006',
      '99007',
      '99008',
      '99009',
      '99011',
      '99012',
      '99013',
      '99014',
      '99020',
    ]);
    expect(food('16058').longDesc).toMatch(/^Chickpeas .*canned$/);
    expect(food('16426').longDesc).toBe('Tofu, raw, firm, prepared with calcium sulfate');
  });

  it('lactose-free milk keeps whole milk’s sugars and energy (lactose split, not removed)', () => {
    const milk = food('99001').nutrients;
    expect(milk.sugarsG).toBe(5.26);
    expect(milk.energyKcal).toBe(60);
    expect(milk.calciumMg).toBe(113);
  });

  it('canned rinsed lentils: boiled lentils with 176 mg sodium (299 mg × 0.59)', () => {
    const lentils = food('99005').nutrients;
    expect(lentils.sodiumMg).toBe(176);
    expect(Math.round(299 * (1 - 0.41))).toBe(176);
    expect(lentils.proteinG).toBe(9.02);
    expect(lentils.fiberG).toBe(7.9);
  });

  it('rice drink: label values per 100 ml, 120 mg calcium, the rest unknown (not 0)', () => {
    const drink = food('99007').nutrients;
    expect(drink.calciumMg).toBe(120);
    expect(drink.energyKcal).toBe(47);
    expect(drink.ironMg).toBeNull();
    expect(drink.fiberG).toBeNull();
  });

  it('enriched rice drink: SR Legacy 14652 values, with vitamin B12 and added retinol; fatty acids unknown (not 0)', () => {
    const drink = food('99020').nutrients;
    expect(drink.vitaminB12Ug).toBe(0.63);
    expect(drink.calciumMg).toBe(118);
    expect(drink.energyKcal).toBe(47);
    expect(drink.retinolUg).toBe(63);
    expect(drink.saturatedFatG).toBeNull();
  });

  it('coconut aminos: a 5 g label serve of 90 mg sodium is 1800 mg per 100 g; protein unknown', () => {
    const aminos = food('99008').nutrients;
    expect(aminos.sodiumMg).toBe((90 * 100) / 5);
    expect(aminos.sugarsG).toBe((1 * 100) / 5);
    expect(aminos.proteinG).toBeNull();
    expect(food('99008').measures.map((m) => m.label)).toEqual(['tbsp', 'tsp']);
  });

  it('spring onion greens use the whole spring onion’s nutrients and chopped measures', () => {
    expect(food('99004').nutrients).toEqual(food('11291').nutrients);
    expect(food('99004').measures.map((m) => m.label)).toEqual(['tbsp chopped', 'cup, chopped']);
    expect(food('99004').refusePct).toBe(0);
  });
});
