import { describe, expect, it } from 'vitest';
import { resolveAisle } from '@/lib/shopping/aisles';
import { densityGramsPerMl, describePurchase } from '@/lib/shopping/purchase';
import type { UnitSystem } from '@/lib/shopping/types';
import { food, NDB, seedAisleRules } from './fixtures';

const rules = seedAisleRules();

function buy(ndb: string, grams: number, units: UnitSystem) {
  const f = food(ndb);
  const aisle = rules.aisles.find((a) => a.id === resolveAisle(f, rules))!;
  return describePurchase(f, grams, aisle, units);
}

// Expected values worked out by hand from SR21 WEIGHT.txt (grams per measure in comments).
describe('describePurchase on real SR21 foods', () => {
  it.each([
    // sweet potato: 1 sweetpotato, 5" long = 130 g; 390 / 130 = 3
    [NDB.sweetPotato, 390, 'metric', '3 sweet potatoes', 'about 390 g'],
    [NDB.sweetPotato, 390, 'us', '3 sweet potatoes', 'about 13.8 oz'],
    [NDB.sweetPotato, 100, 'metric', '1 sweet potato', 'about 100 g'],
    // chicken thigh is sold by weight: 412 g → 450 g; 14.5 oz → 15 oz; 500 g = 1.10 lb → 1 1/4 lb
    [NDB.chickenThigh, 412, 'metric', '450 g chicken thigh', 'about 412 g'],
    [NDB.chickenThigh, 412, 'us', '15 oz chicken thigh', 'about 14.5 oz'],
    [NDB.chickenThigh, 500, 'us', '1 1/4 lb chicken thigh', 'about 1.1 lb'],
    [NDB.chickenThigh, 150, 'metric', '150 g chicken thigh', 'about 150 g'],
    [NDB.chickenThigh, 1230, 'metric', '1.3 kg chicken thigh', 'about 1.23 kg'],
    // olive oil: 1 tablespoon = 13.5 g; 27 g = 2 tbsp = 29.6 ml → 30 ml
    [NDB.oliveOil, 27, 'us', '2 tbsp olive oil', 'about 0.95 oz'],
    [NDB.oliveOil, 27, 'metric', '30 ml olive oil', 'about 27 g'],
    // 216 g per cup: 200 g = 0.93 cup → 1 cup; 219 ml → 220 ml
    [NDB.oliveOil, 200, 'us', '1 cup olive oil', 'about 7.1 oz'],
    [NDB.oliveOil, 200, 'metric', '220 ml olive oil', 'about 200 g'],
    // salt: 1 tsp = 6 g
    [NDB.salt, 6, 'us', '1 tsp table salt', 'about 0.21 oz'],
    // kale has only cups: bought by weight; 150 g = 5.3 oz → 6 oz
    [NDB.kale, 150, 'metric', '150 g kale', 'about 150 g'],
    [NDB.kale, 150, 'us', '6 oz kale', 'about 5.3 oz'],
    // garlic: 1 clove = 3 g
    [NDB.garlic, 12, 'metric', '4 cloves garlic', 'about 12 g'],
    // spinach: 1 bunch = 340 g
    [NDB.spinach, 250, 'metric', '1 bunch spinach', 'about 250 g'],
    // eggs: large = 50 g, preferred in the dairy aisle
    [NDB.egg, 150, 'metric', '3 large whole eggs', 'about 150 g'],
    // carrots: medium = 61 g; 200 / 61 = 3.3 → 4
    [NDB.carrots, 200, 'metric', '4 medium carrots', 'about 200 g'],
    // onions: medium = 110 g
    [NDB.onions, 110, 'metric', '1 medium onion', 'about 110 g'],
    // canned tomatoes: 1 can = 190 g; 400 / 190 = 2.1 → 3
    [
      NDB.cannedTomatoes,
      400,
      'metric',
      '3 cans ripe red tomatoes, canned, packed in tomato juice',
      'about 400 g',
    ],
    // lemon juice: 1 lemon yields 47 g; 60 / 47 = 1.3 → 2
    [NDB.lemonJuice, 60, 'metric', '2 lemons (for juice)', 'about 60 g'],
    // salmon is sold by weight
    [NDB.salmon, 300, 'metric', '300 g wild Atlantic salmon', 'about 300 g'],
  ] as const)('%s × %d g (%s) → %s', (ndb, grams, units, display, exact) => {
    const p = buy(ndb, grams, units);
    expect(p.display).toBe(display);
    expect(p.exact).toBe(exact);
  });

  it('never shows less than the need when counting items', () => {
    for (const grams of [1, 50, 129, 131, 259, 391, 1000]) {
      const p = buy(NDB.sweetPotato, grams, 'metric');
      const n = Number(p.quantity.split(' ')[0]);
      expect(n * 130).toBeGreaterThanOrEqual(grams);
      expect((n - 1) * 130).toBeLessThan(grams);
    }
  });

  it('derives density from the plain volume measures only', () => {
    expect(densityGramsPerMl(food(NDB.oliveOil).measures)).toBeCloseTo(13.5 / 14.787, 6);
    expect(densityGramsPerMl(food(NDB.kale).measures)).toBeNull();
  });
});
