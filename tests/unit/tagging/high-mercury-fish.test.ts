import { describe, expect, it } from 'vitest';
import { codesOf, loadFixture } from './fixtures';

const { foods, tagged } = loadFixture();

/** SR21 foods of the FDA/EPA "choices to avoid" list for pregnancy (shark, swordfish, king mackerel, tilefish). */
const HIGH_MERCURY = [
  ['06180', 'Soup, shark fin, restaurant-prepared'],
  ['15049', 'Fish, mackerel, king, raw'],
  ['15095', 'Fish, shark, mixed species, raw'],
  ['15096', 'Fish, shark, mixed species, cooked, batter-dipped and fried'],
  ['15110', 'Fish, swordfish, raw'],
  ['15111', 'Fish, swordfish, cooked, dry heat'],
  ['15112', 'Fish, tilefish, raw'],
  ['15113', 'Fish, tilefish, cooked, dry heat'],
  ['15200', 'Fish, mackerel, king, cooked, dry heat'],
] as const;

/** Fish lower in mercury that must stay plannable in pregnancy. */
const NOT_HIGH = [
  ['15046', 'Fish, mackerel, Atlantic, raw'],
  ['15076', 'Fish, salmon, Atlantic, wild, raw'],
  ['15121', 'Fish, tuna, light, canned in water, drained solids'],
  ['15088', 'Fish, sardine, Atlantic, canned in oil, drained solids with bone'],
] as const;

describe('high-mercury-fish group', () => {
  it.each(HIGH_MERCURY)('tags %s (%s)', (ndb, name) => {
    expect(foods.find((f) => f.ndb === ndb)?.longDesc).toBe(name);
    expect(codesOf(tagged.get(ndb)!).has('high-mercury-fish')).toBe(true);
  });

  it.each(NOT_HIGH)('leaves %s (%s) untagged', (ndb, name) => {
    expect(foods.find((f) => f.ndb === ndb)?.longDesc).toBe(name);
    expect(codesOf(tagged.get(ndb)!).has('high-mercury-fish')).toBe(false);
  });

  it('tags nothing outside the listed species', () => {
    const hit = foods.filter((f) => codesOf(tagged.get(f.ndb)!).has('high-mercury-fish'));
    expect(hit.map((f) => f.ndb).sort()).toEqual(HIGH_MERCURY.map(([ndb]) => ndb).sort());
  });
});
