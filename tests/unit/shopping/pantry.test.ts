import { describe, expect, it } from 'vitest';
import { resolveAisle } from '@/lib/shopping/aisles';
import { compilePantryRules, parsePantryDefaults, resolveInPantry } from '@/lib/shopping/pantry';
import { food, NDB, seedAisleRules, seedPantryDefaults } from './fixtures';

const rules = seedAisleRules();
const defaults = seedPantryDefaults();
const inPantry = (ndb: string, explicit = new Map<string, boolean>()) => {
  const f = food(ndb);
  return resolveInPantry(f, resolveAisle(f, rules), { defaults, explicit });
};

describe('pantry defaults (seeds/pantry-defaults.json)', () => {
  it.each([
    [NDB.salt, 'salt', true],
    [NDB.blackPepper, 'black pepper', true],
    [NDB.oliveOil, 'olive oil', true],
    [NDB.sesameOil, 'sesame oil', true],
    [NDB.ciderVinegar, 'cider vinegar', true],
    [NDB.bakingSoda, 'baking soda', true],
    [NDB.basilDried, 'dried basil', true],
    [NDB.basilFresh, 'fresh basil', false],
    [NDB.sweetPotato, 'sweet potato', false],
    [NDB.coconutMilk, 'coconut milk', false],
  ])('%s %s → %s', (ndb, _name, expected) => {
    expect(inPantry(ndb)).toBe(expected);
  });

  it('lets an explicit choice beat a default both ways', () => {
    expect(inPantry(NDB.salt, new Map([[NDB.salt, false]]))).toBe(false);
    expect(inPantry(NDB.sweetPotato, new Map([[NDB.sweetPotato, true]]))).toBe(true);
  });

  it.each([
    ['an NDB number', '11507', NDB.sweetPotato],
    ['a food group', 'group:1100', NDB.kale],
    ['an aisle', 'aisle:fish-seafood', NDB.salmon],
    ['a regex', '/^Kale\\b/i', NDB.kale],
  ])('matches %s rule', (_kind, rule, ndb) => {
    const f = food(ndb);
    expect(compilePantryRules([rule])(f, resolveAisle(f, rules))).toBe(true);
    expect(compilePantryRules([rule])(food(NDB.chickenThigh), 'meat-poultry')).toBe(false);
  });

  it.each([['1234'], ['group:11'], ['/(/'], ['olive oil'], ['aisle:Fish']])(
    'rejects the malformed rule %s',
    (rule) => {
      expect(() => parsePantryDefaults({ defaults: [{ rule, note: 'n' }] })).toThrow();
      expect(() => compilePantryRules([rule])).toThrow(/invalid pantry rule/);
    },
  );
});
