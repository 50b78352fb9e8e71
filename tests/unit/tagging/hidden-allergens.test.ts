import { describe, expect, it } from 'vitest';
import type { AllergenCode, Certainty } from '@/lib/foods/codes';
import { loadFixture } from './fixtures';

/**
 * Hidden allergens as labels declare them (seeds/tagging/label-allergens.json), one block per
 * class of food. Each class names at least three real SR21 foods the rule must cover (where
 * SR21 has that many) and foods that must stay free of the allergen. The foods are chosen
 * from SR21 itself, never from the tagging audit set, so the audit stays a measurement.
 * `C` = contains, `M` = may-contain, `any` = either, `none` = absent.
 */
const { byNdb, tagged } = loadFixture();

type Want = Certainty | 'any' | 'none';
const C: Want = 'contains';
const M: Want = 'may-contain';
const NONE: Want = 'none';

type Case = { ndb: string; name: string; want: Partial<Record<AllergenCode, Want>> };
type HiddenClass = { name: string; covers: Case[]; spares: Case[] };

const f = (ndb: string, name: string, want: Case['want']): Case => ({ ndb, name, want });

const CLASSES: HiddenClass[] = [
  {
    name: 'margarines, spreads, shortenings and sprays of unspecified vegetable oils hold soy',
    covers: [
      f('04610', 'margarine, stick, composite', { soy: M }),
      f('04612', 'margarine, vegetable oil spread, 60% fat', { soy: M }),
      f('04615', 'shortening, vegetable, household, composite', { soy: M }),
      f('04600', 'vegetable oil-butter spread', { soy: M, milk: C }),
      f('04131', 'margarine, unspecified oils', { soy: M }),
    ],
    spares: [
      f('04582', 'canola oil', { soy: NONE }),
      f('04053', 'olive oil', { soy: NONE }),
      f('04001', 'beef tallow', { soy: NONE }),
      f('04551', 'confectionery shortening, coconut and palm kernel', { soy: NONE }),
    ],
  },
  {
    name: 'dishes made with margarine or shortening carry its soy',
    covers: [
      f('11371', 'mashed potatoes with milk and margarine', { soy: M, milk: C }),
      f('11844', 'scalloped potatoes with margarine', { soy: M }),
      f('11843', 'au gratin potatoes with margarine', { soy: M }),
      f('35002', 'agutuk made with shortening', { soy: M }),
    ],
    spares: [
      f('11657', 'mashed potatoes with milk only', { soy: NONE }),
      f('11372', 'scalloped potatoes with butter', { soy: NONE }),
    ],
  },
  {
    name: 'milk-based infant and child formulas list soy oil',
    covers: [
      f('03805', 'Enfamil powder', { soy: M, milk: C }),
      f('03850', 'Similac ready-to-feed', { soy: M, milk: C }),
      f('03800', 'Good Start Supreme', { soy: M, milk: C }),
      f('03860', 'PediaSure', { soy: M, milk: C }),
    ],
    spares: [f('03843', 'Isomil, a soy formula, stays soy contains', { soy: C })],
  },
  {
    name: 'fish and vegetables packed in an unnamed oil are usually in soybean oil',
    covers: [
      f('15119', 'light tuna, canned in oil', { soy: M, fish: C }),
      f('15088', 'sardines, canned in oil', { soy: M, fish: C }),
      f('15002', 'anchovies, canned in oil', { soy: M }),
      f('11956', 'sun-dried tomatoes, packed in oil', { soy: M }),
    ],
    spares: [
      f('15117', 'bluefin tuna, raw', { soy: NONE }),
      f('11529', 'tomatoes, raw', { soy: NONE }),
    ],
  },
  {
    name: 'cocoa, chocolate and instant-breakfast drink mixes hold soy lecithin',
    covers: [
      f('14192', 'cocoa mix, powder', { soy: M }),
      f('14175', 'chocolate-flavour beverage mix for milk', { soy: M }),
      f('43205', 'instant breakfast powder, chocolate', { soy: M }),
    ],
    spares: [f('01105', 'hot cocoa, homemade', { soy: NONE, milk: C })],
  },
  {
    name: 'commercial peanut butters hold soybean oil or soy protein',
    covers: [
      f('16098', 'peanut butter, smooth, with salt', { soy: M, peanut: C }),
      f('16097', 'peanut butter, chunky, with salt', { soy: M, peanut: C }),
      f('16150', 'peanut butter, reduced fat', { soy: M, peanut: C }),
    ],
    spares: [f('12061', 'almonds', { soy: NONE })],
  },
  {
    // SR21 has three egg substitutes; the third is the only other member of the class.
    name: 'egg substitutes hold nonfat dry milk and soy lecithin',
    covers: [
      f('01143', 'egg substitute, liquid', { egg: C, milk: M, soy: M }),
      f('01144', 'egg substitute, powder', { egg: C, milk: M, soy: M }),
    ],
    spares: [f('01123', 'egg, whole, raw', { milk: NONE, soy: NONE })],
  },
  {
    name: 'protein-fortified pasta gets its protein from soy flour or milk',
    covers: [
      f('20101', 'macaroni, protein-fortified, dry', { milk: M, soy: M, wheat: C }),
      f('20122', 'spaghetti, protein-fortified, dry', { milk: M, soy: M, wheat: C }),
      f('20301', 'macaroni, protein-fortified, dry (n x 6.25)', { milk: M, soy: M }),
    ],
    spares: [f('20100', 'macaroni, cooked, enriched', { milk: NONE, soy: NONE })],
  },
  {
    name: 'frozen, par-fried and dehydrated potato products are sulphited',
    covers: [
      f('11402', 'french fries, frozen', { sulphite: M }),
      f('11390', 'hash browns, frozen', { sulphite: M }),
      f('11378', 'mashed potato flakes', { sulphite: M }),
      f('21238', "McDonald's french fries", { sulphite: M }),
      f('11413', 'potato flour', { sulphite: M }),
    ],
    spares: [
      f('11352', 'potato, raw', { sulphite: NONE }),
      f('11370', 'hash browns, home-prepared', { sulphite: NONE }),
      f('11674', 'potato, baked', { sulphite: NONE }),
    ],
  },
  {
    name: 'canned fruit cocktail and fruit salad carry maraschino-type cherries',
    covers: [
      f('09096', 'fruit cocktail, water pack', { sulphite: M }),
      f('09100', 'fruit cocktail, heavy syrup', { sulphite: M }),
      f('09102', 'fruit salad with cherries, water pack', { sulphite: M }),
      f('09351', 'fruit cocktail, drained', { sulphite: M }),
    ],
    spares: [
      f('09187', 'mixed fruit without cherries, canned', { sulphite: NONE }),
      f('09132', 'grapes, raw', { sulphite: NONE }),
      f('09070', 'sweet cherries, raw', { sulphite: NONE }),
    ],
  },
  {
    name: 'dried and candied fruit products and dehydrated vegetables are sulphited',
    covers: [
      f('18170', 'fig bars', { sulphite: M }),
      f('19013', 'fruit leather', { sulphite: M }),
      f('19269', 'fruit roll-ups', { sulphite: M }),
      f('42184', 'muesli with dried fruit', { sulphite: M }),
      f('11683', 'carrot, dehydrated', { sulphite: M }),
      f('11237', 'kanpyo (dried gourd strips)', { sulphite: M }),
      f('18110', 'fruitcake, commercially prepared', { sulphite: M }),
    ],
    spares: [
      f('11124', 'carrots, raw', { sulphite: NONE }),
      f('09003', 'apples, raw', { sulphite: NONE }),
    ],
  },
  {
    name: 'desiccated coconut and the sweets made with it are sulphited',
    covers: [
      f('12108', 'coconut, desiccated, not sweetened', { sulphite: M }),
      f('12179', 'coconut, desiccated, sweetened, shredded', { sulphite: M }),
      f('18169', 'coconut macaroons', { sulphite: M }),
    ],
    spares: [
      f('12104', 'coconut meat, raw', { sulphite: NONE }),
      f('12117', 'coconut milk, raw', { sulphite: NONE }),
    ],
  },
  {
    name: 'grape juices and drinks, lemonade and bottled citrus juice are sulphited',
    covers: [
      f('09135', 'grape juice, bottled', { sulphite: M }),
      f('14292', 'lemonade, frozen concentrate', { sulphite: M }),
      f('14302', 'limeade, frozen concentrate', { sulphite: M }),
      f('09153', 'lemon juice, bottled', { sulphite: M }),
    ],
    spares: [
      f('09152', 'lemon juice, raw', { sulphite: NONE }),
      f('09206', 'orange juice, raw', { sulphite: NONE }),
    ],
  },
  {
    name: 'pickles, relishes, sauerkraut and prepared horseradish are sulphited',
    covers: [
      f('11937', 'dill pickles', { sulphite: M }),
      f('11439', 'sauerkraut, canned', { sulphite: M }),
      f('02055', 'horseradish, prepared', { sulphite: M }),
      f('11945', 'sweet pickle relish', { sulphite: M }),
    ],
    spares: [
      f('11205', 'cucumber, raw', { sulphite: NONE }),
      f('11109', 'cabbage, raw', { sulphite: NONE }),
    ],
  },
  {
    name: 'noodle soups are made with egg noodles',
    covers: [
      f('06019', 'chicken noodle soup, condensed', { egg: C }),
      f('06009', 'beef noodle soup, condensed', { egg: C }),
      f('06128', 'chicken noodle soup, dry mix', { egg: C }),
    ],
    spares: [f('06583', 'ramen noodle soup, dry (wheat noodles)', { egg: NONE })],
  },
  {
    name: 'soups and dishes with pasta, dumplings or alfredo may hold egg',
    covers: [
      f('06012', 'chicken with dumplings soup', { egg: M }),
      f('06362', 'hearty vegetable with pasta soup', { egg: M }),
      f('06960', 'alfredo sauce mix', { egg: M }),
    ],
    spares: [f('06931', 'spaghetti/marinara sauce (no pasta in it)', { egg: NONE })],
  },
  {
    name: 'fried fish, shellfish and chicken with an unstated coating were floured',
    covers: [
      f('15156', 'abalone, fried', { wheat: C, gluten: C, egg: M, milk: M }),
      f('05063', 'chicken breast, meat only, fried', { wheat: M, gluten: M }),
      f('05021', 'chicken giblets, fried', { wheat: M, gluten: M }),
    ],
    spares: [
      f('15175', 'squid, raw', { wheat: NONE, egg: NONE }),
      f('05062', 'chicken breast, raw', { wheat: NONE, egg: NONE }),
    ],
  },
  {
    name: 'malted milk is milk with a barley-malt and wheat-flour mash',
    covers: [
      f('14311', 'malted drink mix, natural, powder', { milk: C, wheat: C, gluten: C }),
      f('14312', 'malted drink mix, natural, with milk', { milk: C, wheat: C }),
      f('14317', 'malted drink mix, chocolate, powder', { milk: 'any', wheat: M }),
    ],
    spares: [f('14305', 'malt beverage (barley malt only)', { milk: NONE, wheat: NONE })],
  },
  {
    name: 'spice blends and seasoning mixes may use wheat flour as filler',
    covers: [
      f('02009', 'chili powder', { wheat: M, gluten: M }),
      f('02034', 'poultry seasoning', { wheat: M, gluten: M }),
      f('02073', 'taco seasoning mix', { wheat: M, gluten: M }),
    ],
    spares: [
      f('02030', 'black pepper', { wheat: NONE }),
      f('02043', 'turmeric, ground', { wheat: NONE }),
    ],
  },
  {
    name: 'commercially roasted nuts, seeds and nut butters share peanut lines',
    covers: [
      f('12063', 'almonds, dry roasted', { peanut: M, 'tree-nut': C }),
      f('12086', 'cashews, oil roasted', { peanut: M }),
      f('12038', 'sunflower seeds, oil roasted', { peanut: M }),
      f('12195', 'almond butter', { peanut: M }),
    ],
    spares: [f('12061', 'almonds, raw', { peanut: NONE })],
  },
  {
    name: 'multigrain and mixed-grain products may hold sesame',
    covers: [
      f('08087', 'Multi-Grain Cheerios', { sesame: M }),
      f('25013', 'SunChips multigrain', { sesame: M }),
      f('18017', 'biscuits, mixed grain', { sesame: M }),
      f('08537', 'Kashi 7 Whole Grain Flakes', { sesame: C }),
      f('08389', 'Kashi 7 Whole Grain Honey Puffs', { sesame: C }),
    ],
    spares: [f('08013', 'Cheerios', { sesame: NONE })],
  },
  {
    name: 'pickled foods and baked beans carry mustard',
    covers: [
      f('11937', 'dill pickles', { mustard: M }),
      f('11609', 'pickled beets', { mustard: M }),
      f('10132', 'pickled pork feet', { mustard: M }),
      f('16006', 'baked beans, vegetarian', { mustard: M }),
      f('16201', 'pork and beans', { mustard: M }),
    ],
    spares: [
      f('16015', 'black beans, boiled', { mustard: NONE }),
      f('11205', 'cucumber, raw', { mustard: NONE }),
    ],
  },
];

function certaintyOf(ndb: string, code: AllergenCode): Certainty | 'none' {
  const t = tagged.get(ndb);
  if (!t) throw new Error(`no food ${ndb}`);
  return t.allergens.find((x) => x.code === code)?.certainty ?? 'none';
}

function check(c: Case): void {
  expect(byNdb.get(c.ndb), `${c.ndb} is in SR21`).toBeDefined();
  for (const [code, want] of Object.entries(c.want) as [AllergenCode, Want][]) {
    const actual = certaintyOf(c.ndb, code);
    const ok = want === 'any' ? actual !== 'none' : actual === want;
    expect(ok, `${c.ndb} ${c.name}: ${code} is ${actual}, want ${want}`).toBe(true);
  }
}

describe('hidden allergens, by class of food', () => {
  for (const cls of CLASSES) {
    describe(cls.name, () => {
      it.each(cls.covers.map((c) => [`${c.ndb} ${c.name}`, c] as const))('covers %s', (_l, c) =>
        check(c),
      );
      it.each(cls.spares.map((c) => [`${c.ndb} ${c.name}`, c] as const))('spares %s', (_l, c) =>
        check(c),
      );
    });
  }

  it('names at least three foods per class where SR21 has them, and negatives for each', () => {
    for (const cls of CLASSES) {
      expect(cls.covers.length, cls.name).toBeGreaterThanOrEqual(
        cls.name.startsWith('egg substitutes') ? 2 : 3,
      );
      expect(cls.spares.length, cls.name).toBeGreaterThanOrEqual(1);
    }
  });
});
