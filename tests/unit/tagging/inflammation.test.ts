import { describe, expect, it } from 'vitest';
import type { EvidenceLevel, InflammationClass } from '@/lib/foods/codes';
import type { FoodTagging, UsdaFood } from '@/lib/foods/types';
import { parseTagRules, TagRulesError, tagFood } from '@/lib/tagging';
import { loadFixture } from './fixtures';

/**
 * Inflammation classes as DOMAIN §6.2–6.3 states them, checked on real SR21 foods. Expected
 * classes and evidence levels come from the evidence notes, not from the engine's output.
 */
const { tagged } = loadFixture();

function inflammationOf(ndb: string): FoodTagging['inflammation'] {
  const t = tagged.get(ndb);
  if (!t) throw new Error(`no food ${ndb}`);
  return t.inflammation;
}

type Case = { ndb: string; name: string; class: InflammationClass; evidence: EvidenceLevel };

const CLASSES: Case[] = [
  // Whole grains and pulses: fibre, whatever a protocol's elimination phase says
  { ndb: '20037', name: 'brown rice, cooked', class: 'gut-healing', evidence: 'strong' },
  { ndb: '20012', name: 'bulgur, dry', class: 'gut-healing', evidence: 'strong' },
  { ndb: '18075', name: 'whole-wheat bread', class: 'gut-healing', evidence: 'strong' },
  { ndb: '16070', name: 'lentils, cooked', class: 'gut-healing', evidence: 'moderate' },
  { ndb: '16057', name: 'chickpeas, cooked', class: 'gut-healing', evidence: 'moderate' },
  // Refined grains
  { ndb: '18069', name: 'white bread, commercial', class: 'neutral', evidence: 'weak' },
  { ndb: '20045', name: 'white rice, cooked', class: 'neutral', evidence: 'weak' },
  // Dairy: the claim is debated; live cultures are a moderate benefit
  { ndb: '01009', name: 'cheddar', class: 'neutral', evidence: 'debated' },
  { ndb: '01077', name: 'whole milk', class: 'neutral', evidence: 'debated' },
  { ndb: '01116', name: 'plain yogurt', class: 'gut-healing', evidence: 'moderate' },
  { ndb: '01120', name: 'fruit yogurt', class: 'gut-healing', evidence: 'moderate' },
  // Sugars: a limit on amount; sweets as a product class are debated
  { ndb: '19296', name: 'honey', class: 'neutral', evidence: 'debated' },
  { ndb: '19353', name: 'maple syrup', class: 'neutral', evidence: 'debated' },
  { ndb: '19107', name: 'hard candy', class: 'inflammatory', evidence: 'debated' },
  { ndb: '19120', name: 'milk chocolate candy', class: 'inflammatory', evidence: 'debated' },
  { ndb: '19335', name: 'granulated sugar', class: 'inflammatory', evidence: 'debated' },
  // Processed meat, trans fats, alcohol
  { ndb: '10123', name: 'bacon', class: 'inflammatory', evidence: 'weak' },
  { ndb: '07008', name: 'bologna', class: 'inflammatory', evidence: 'weak' },
  { ndb: '04031', name: 'hydrogenated shortening', class: 'inflammatory', evidence: 'strong' },
  { ndb: '14003', name: 'beer', class: 'inflammatory', evidence: 'strong' },
  { ndb: '14096', name: 'red wine', class: 'inflammatory', evidence: 'strong' },
  // Seed oils: omega-6 is neutral; the inflammatory claim is debated
  { ndb: '04582', name: 'canola oil', class: 'neutral', evidence: 'debated' },
  // Ferments: live cultures only when unpasteurised
  { ndb: '11439', name: 'canned sauerkraut', class: 'neutral', evidence: 'strong' },
  { ndb: '11937', name: 'dill pickles (shop jar)', class: 'neutral', evidence: 'strong' },
  { ndb: '16112', name: 'miso', class: 'gut-healing', evidence: 'moderate' },
  // Oily fish
  { ndb: '15076', name: 'wild Atlantic salmon', class: 'gut-healing', evidence: 'moderate' },
  // Bone broth, gelatin: fine as food, gut healing untested
  { ndb: '06172', name: 'chicken stock, home-prepared', class: 'gut-healing', evidence: 'weak' },
  { ndb: '19177', name: 'gelatin, unsweetened', class: 'gut-healing', evidence: 'weak' },
];

describe('inflammation classes follow DOMAIN §6.3', () => {
  it.each(CLASSES.map((c) => [`${c.ndb} ${c.name}: ${c.class} (${c.evidence})`, c] as const))(
    '%s',
    (_label, c) => {
      const i = inflammationOf(c.ndb);
      expect({ class: i.class, evidence: i.evidence }).toEqual({
        class: c.class,
        evidence: c.evidence,
      });
    },
  );

  it('says a protocol that excludes grains or legumes means "not in this phase"', () => {
    expect(inflammationOf('20037').rationale).toMatch(/not in this phase/);
    expect(inflammationOf('16070').rationale).toMatch(/not in this phase/);
  });

  it('quotes the dairy claim as a claim and calls it debated', () => {
    const r = inflammationOf('01009').rationale;
    expect(r).toMatch(/claim that "dairy is inflammatory"/);
    expect(r).toMatch(/debated/);
  });

  it('says the added-sugar limit is strong while the inflammation claim is debated', () => {
    for (const ndb of ['19107', '19296']) {
      const r = inflammationOf(ndb).rationale;
      expect(r, ndb).toMatch(/limit/);
      expect(r, ndb).toMatch(/strong/);
      expect(r, ndb).toMatch(/debated/);
    }
  });

  it('says the strong evidence for alcohol and processed meat is for cancer', () => {
    const beer = inflammationOf('14003').rationale;
    expect(beer).toMatch(/cancer/);
    expect(beer).toMatch(/not for inflammatory markers/);
    const bacon = inflammationOf('10123').rationale;
    expect(bacon).toMatch(/cancer/);
    expect(bacon).toMatch(/weak/);
  });

  it('tells pasteurised ferments from live-culture ones', () => {
    expect(inflammationOf('11439')).toMatchObject({ source: 'inflammation-pasteurised-ferments' });
    expect(inflammationOf('11439').rationale).toMatch(/no live cultures/);
    expect(inflammationOf('16112').source).toBe('inflammation-live-culture-ferments');
  });

  it('says gut healing from bone broth and gelatin is untested in humans', () => {
    expect(inflammationOf('06172').rationale).toMatch(/untested in humans/);
    expect(inflammationOf('19177').rationale).toMatch(/untested in humans/);
  });

  it('never calls a seed oil inflammatory with more than debated evidence', () => {
    const { byNdb } = loadFixture();
    let checked = 0;
    for (const [ndb, t] of tagged) {
      if (!t.tags.some((g) => g.code === 'seed-oil' && g.certainty === 'contains')) continue;
      const food = byNdb.get(ndb);
      // Partially hydrogenated oils are classed by their trans fat, not by the seed.
      if (!food || /hydrogenated|shortening|margarine/i.test(food.longDesc)) continue;
      // Plain oils only: a dressing or spread is classed as the product it is.
      if (!/^oil,/i.test(food.longDesc)) continue;
      checked++;
      if (t.inflammation.class === 'inflammatory') {
        expect(t.inflammation.evidence, food.longDesc).toBe('debated');
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});

describe('fibre per typical serving as eaten', () => {
  it.each([
    ['20003', 'arrowroot flour (3.4 g/100 g, 10 g serving)'],
    ['20054', 'glutinous rice, raw (2.8 g/100 g, 45 g serving)'],
    ['09298', 'raisins (3.7 g/100 g, 40 g serving)'],
    ['09299', 'seeded raisins (6.8 g/100 g, 40 g serving: 2.72 g)'],
    ['09193', 'ripe olives (3.2 g/100 g, 15 g serving)'],
    ['09195', 'green olives (3.3 g/100 g, 15 g serving)'],
  ])('%s %s is not gut-healing', (ndb) => {
    expect(inflammationOf(ndb).class).not.toBe('gut-healing');
  });

  it('an apple (2.4 g/100 g) gives 3.4 g in a 140 g serving: a good source of fiber', () => {
    const apple = inflammationOf('09003');
    expect(apple).toMatchObject({
      class: 'gut-healing',
      evidence: 'moderate',
      source: 'inflammation-fibre-rich-plants',
    });
    expect(apple.rationale).toMatch(/About 3\.4 g of fiber in a typical 140 g serving/);
  });

  it('cooked broccoli (3.3 g/100 g) gives 4.1 g in a 125 g serving', () => {
    expect(inflammationOf('11091').rationale).toMatch(/About 4\.1 g .* typical 125 g serving/);
  });
});

/** A plain food for engine tests. */
function food(ndb: string, longDesc: string, groupCode: string, fiberG: number | null): UsdaFood {
  const { foods } = loadFixture();
  const base = foods[0];
  if (!base) throw new Error('no SR21 foods');
  return {
    ...base,
    ndb,
    longDesc,
    commonNames: '',
    groupCode,
    nutrients: { ...base.nutrients, fiberG },
  };
}

const FIBRE_RULE = {
  id: 'fibre',
  nutrientPerServing: { key: 'fiberG', min: 2.8 },
  class: 'gut-healing',
  evidence: 'moderate',
  rationale: '{perServing} g in {servingG} g',
};

function rules(servings: unknown[], extra: unknown[] = []) {
  return parseTagRules({
    rules: [],
    inflammation: {
      rules: [FIBRE_RULE, ...extra],
      default: { class: 'neutral', evidence: 'weak', rationale: 'no claim' },
      servings,
    },
  });
}

describe('nutrientPerServing in the engine', () => {
  const servings = [
    { id: 'flours', include: ['flour'], grams: 10 },
    { id: 'grains', foodGroups: ['2000'], grams: 45 },
  ];

  it('uses the first matching serving row and fills the rationale', () => {
    const r = rules(servings);
    // 8 g/100 g × 45 g = 3.6 g
    expect(tagFood(food('1', 'Oat groats', '2000', 8), r).inflammation).toEqual({
      class: 'gut-healing',
      evidence: 'moderate',
      rationale: '3.6 g in 45 g',
      source: 'fibre',
    });
    // 8 g/100 g × 10 g (flour row first) = 0.8 g: no match
    expect(tagFood(food('2', 'Oat flour', '2000', 8), r).inflammation.source).toBe(
      'inflammation-default',
    );
  });

  it('never matches an unknown value or a food without a serving row', () => {
    const r = rules(servings);
    expect(tagFood(food('3', 'Oat groats', '2000', null), r).inflammation.source).toBe(
      'inflammation-default',
    );
    expect(tagFood(food('4', 'Kale', '1100', 40), r).inflammation.source).toBe(
      'inflammation-default',
    );
  });

  it('moves on to the next rule when the bound fails', () => {
    const later = {
      id: 'grains-neutral',
      foodGroups: ['2000'],
      class: 'neutral',
      evidence: 'weak',
      rationale: 'refined',
    };
    const r = rules(servings, [later]);
    expect(tagFood(food('5', 'Rice flour', '2000', 2), r).inflammation.source).toBe(
      'grains-neutral',
    );
  });

  it('validates serving rows and per-serving bounds', () => {
    const paths = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        if (e instanceof TagRulesError) return e.issues.map((i) => i.path);
        throw e;
      }
      return [];
    };
    expect(paths(() => rules([{ id: 'x', grams: 10 }]))).toContain(
      'inflammation.servings.0.include',
    );
    expect(paths(() => rules([{ id: 'x', include: ['a'], grams: 0 }]))).toContain(
      'inflammation.servings.0.grams',
    );
    expect(
      paths(() =>
        rules([
          { id: 'x', include: ['a'], grams: 5 },
          { id: 'x', include: ['b'], grams: 5 },
        ]),
      ),
    ).toContain('inflammation.servings.1.id');
    expect(
      paths(() =>
        parseTagRules({
          rules: [],
          inflammation: {
            rules: [{ ...FIBRE_RULE, nutrientPerServing: { key: 'fiberG' } }],
            default: { class: 'neutral', evidence: 'weak', rationale: 'no claim' },
          },
        }),
      ).some((p) => p.startsWith('inflammation.rules.0.nutrientPerServing')),
    ).toBe(true);
  });
});
