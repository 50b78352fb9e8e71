import { describe, expect, it } from 'vitest';
import { NUTRIENT_KEYS, type NutrientKey } from '@/lib/foods/nutrients';
import type { UsdaFood } from '@/lib/foods/types';
import { parseTagRules, type TagRules, tagAllFoods, tagFood } from '@/lib/tagging';
import { loadFixture } from './fixtures';

function food(
  ndb: string,
  longDesc: string,
  groupCode = '1100',
  nutrients: Partial<Record<NutrientKey, number>> = {},
): UsdaFood {
  const all = Object.fromEntries(NUTRIENT_KEYS.map((k) => [k, nutrients[k] ?? null])) as Record<
    NutrientKey,
    number | null
  >;
  return {
    ndb,
    groupCode,
    longDesc,
    shortDesc: longDesc.toUpperCase(),
    commonNames: '',
    manufacturer: '',
    sciName: '',
    refusePct: null,
    nutrients: all,
    measures: [],
  };
}

const DEFAULT = { class: 'neutral', evidence: 'weak', rationale: 'No specific rule applies.' };

function rules(partial: {
  rules?: unknown[];
  overrides?: unknown[];
  inflammation?: unknown[];
  inflammationOverrides?: unknown[];
}): TagRules {
  return parseTagRules({
    rules: partial.rules ?? [],
    overrides: partial.overrides ?? [],
    inflammation: {
      rules: partial.inflammation ?? [],
      default: DEFAULT,
      overrides: partial.inflammationOverrides ?? [],
    },
  });
}

const codes = (t: ReturnType<typeof tagFood>) => ({
  allergens: Object.fromEntries(t.allergens.map((x) => [x.code, x.certainty])),
  tags: Object.fromEntries(t.tags.map((x) => [x.code, x.certainty])),
});

describe('tagFood matching', () => {
  const r = rules({
    rules: [
      {
        id: 'wheat-words',
        include: ['\\bwheat\\b', 'bulgur'],
        exclude: ['buckwheat|wheat-free'],
        allergens: ['wheat'],
        certainty: 'contains',
        rationale: 'Made from wheat.',
      },
      {
        id: 'soup-may',
        foodGroups: ['0600'],
        allergens: ['milk'],
        tags: ['fodmap-fructan'],
        certainty: 'may-contain',
        rationale: 'Soups often carry milk, onion and garlic.',
      },
      {
        id: 'sweet-fruit',
        foodGroups: ['0900'],
        nutrient: { key: 'sugarsG', min: 10 },
        tags: ['fodmap-fructose'],
        certainty: 'contains',
        rationale: 'Sugary fruit.',
      },
    ],
  });

  it('matches include patterns case-insensitively and honours excludes', () => {
    expect(codes(tagFood(food('1', 'Bread, WHEAT, toasted', '1800'), r)).allergens).toEqual({
      wheat: 'contains',
      gluten: 'contains',
    });
    expect(tagFood(food('2', 'Buckwheat groats', '2000'), r).allergens).toEqual([]);
    expect(tagFood(food('3', 'Crackers, wheat-free', '1800'), r).allergens).toEqual([]);
  });

  it('tests patterns against the common names too', () => {
    const f = { ...food('4', 'Cereal, cracked grain', '2000'), commonNames: 'bulgur' };
    expect(codes(tagFood(f, r)).allergens).toEqual({ wheat: 'contains', gluten: 'contains' });
  });

  it('limits a rule to its food groups', () => {
    expect(codes(tagFood(food('5', 'Soup, tomato', '0600'), r))).toEqual({
      allergens: { milk: 'may-contain' },
      tags: {
        dairy: 'may-contain',
        animal: 'may-contain',
        'high-fodmap': 'may-contain',
        'fodmap-fructan': 'may-contain',
      },
    });
    expect(tagFood(food('6', 'Tomato, raw', '1100'), r).allergens).toEqual([]);
  });

  it('checks nutrient bounds and never matches an unknown value', () => {
    expect(
      codes(tagFood(food('7', 'Mango', '0900', { sugarsG: 14 }), r)).tags['fodmap-fructose'],
    ).toBe('contains');
    expect(codes(tagFood(food('8', 'Lime', '0900', { sugarsG: 1.7 }), r)).tags).toEqual({});
    expect(codes(tagFood(food('9', 'Mystery fruit', '0900'), r)).tags).toEqual({});
  });
});

describe('certainty, implications and derived rationales', () => {
  const r = rules({
    rules: [
      {
        id: 'may-milk',
        include: ['cream'],
        allergens: ['milk'],
        certainty: 'may-contain',
        rationale: 'Might hold cream.',
      },
      {
        id: 'sure-milk',
        include: ['cream, heavy'],
        allergens: ['milk'],
        certainty: 'contains',
        rationale: 'Heavy cream is milk.',
      },
      {
        id: 'late-may-milk',
        include: ['cream'],
        allergens: ['milk'],
        certainty: 'may-contain',
        rationale: 'Later, weaker rule.',
      },
    ],
  });

  it('lets contains win over may-contain regardless of order', () => {
    const t = tagFood(food('1', 'Cream, heavy', '0100'), r);
    expect(t.allergens).toEqual([
      {
        code: 'milk',
        certainty: 'contains',
        rationale: 'Heavy cream is milk.',
        source: 'sure-milk',
      },
    ]);
  });

  it('derives implied tags with the cause certainty, source and a rationale naming the cause', () => {
    const t = tagFood(food('2', 'Cream, sour', '0100'), r);
    expect(t.tags).toEqual([
      {
        code: 'dairy',
        certainty: 'may-contain',
        rationale: 'milk allergen implies dairy: Might hold cream.',
        source: 'may-milk',
      },
      {
        code: 'animal',
        certainty: 'may-contain',
        rationale: 'dairy implies animal: Might hold cream.',
        source: 'may-milk',
      },
    ]);
  });

  it('sorts allergens and tags in code-list order', () => {
    const r2 = rules({
      rules: [
        {
          id: 'mix',
          include: ['.'],
          allergens: ['sesame', 'milk', 'fish'],
          tags: ['rice', 'gluten'],
          certainty: 'contains',
          rationale: 'Test.',
        },
      ],
    });
    const t = tagFood(food('3', 'Anything'), r2);
    expect(t.allergens.map((a) => a.code)).toEqual(['milk', 'fish', 'gluten', 'sesame']);
    expect(t.tags.map((x) => x.code).indexOf('gluten')).toBeLessThan(
      t.tags.map((x) => x.code).indexOf('rice'),
    );
  });
});

describe('requires, unless and inherit', () => {
  const r = rules({
    rules: [
      {
        id: 'fish-word',
        include: ['salmon|anchov'],
        allergens: ['fish'],
        certainty: 'contains',
        rationale: 'Finfish.',
      },
      {
        id: 'maybe-fish',
        include: ['sauce'],
        allergens: ['fish'],
        certainty: 'may-contain',
        rationale: 'Sauces may hold fish.',
      },
      {
        id: 'omega',
        requires: [{ kind: 'group', code: 'fish' }],
        tags: ['meat'],
        certainty: 'inherit',
        rationale: 'Inherits from fish.',
      },
      {
        id: 'plant-only',
        foodGroups: ['1100'],
        unless: [{ kind: 'group', code: 'animal', certainty: 'contains' }],
        tags: ['seed'],
        certainty: 'contains',
        rationale: 'Plant rule.',
      },
    ],
  });

  it('sees implied tags from earlier rules (fish allergen ⇒ fish group)', () => {
    expect(codes(tagFood(food('1', 'Salmon, raw', '1500'), r)).tags.meat).toBe('contains');
  });

  it('inherits the weakest certainty among the required tags', () => {
    expect(
      tagFood(food('2', 'Sauce, pasta', '0600'), r).tags.find((x) => x.code === 'meat')?.certainty,
    ).toBe('may-contain');
  });

  it('skips a rule when an `unless` tag is present at the given certainty', () => {
    expect(
      codes(tagFood(food('3', 'Anchovy, in a vegetable', '1100'), r)).tags.seed,
    ).toBeUndefined();
    expect(codes(tagFood(food('4', 'Kale, sauce', '1100'), r)).tags.seed).toBe('contains');
  });
});

describe('overrides', () => {
  const base = [
    {
      id: 'fish-word',
      include: ['fish'],
      allergens: ['fish'],
      certainty: 'contains',
      rationale: 'Named fish.',
    },
  ];

  it('removes a tag and everything only derived from it', () => {
    const r = rules({
      rules: base,
      overrides: [
        {
          ndb: '35034',
          kind: 'allergen',
          code: 'fish',
          action: 'remove',
          reason: 'A whale, not a fish.',
        },
        {
          ndb: '35034',
          kind: 'group',
          code: 'red-meat',
          action: 'add',
          reason: 'Marine mammal meat.',
        },
      ],
    });
    const t = tagFood(food('35034', 'Fish, devilfish, meat', '3500'), r);
    expect(t.allergens).toEqual([]);
    expect(t.tags).toEqual([
      {
        code: 'red-meat',
        certainty: 'contains',
        rationale: 'Marine mammal meat.',
        source: 'override:35034',
      },
      {
        code: 'meat',
        certainty: 'contains',
        rationale: 'red-meat implies meat: Marine mammal meat.',
        source: 'override:35034',
      },
      {
        code: 'animal',
        certainty: 'contains',
        rationale: 'meat implies animal: Marine mammal meat.',
        source: 'override:35034',
      },
    ]);
    // other foods are untouched
    expect(codes(tagFood(food('15001', 'Fish, anchovy', '1500'), r)).allergens).toEqual({
      fish: 'contains',
    });
  });

  it('can set a may-contain certainty, even lowering a rule result', () => {
    const r = rules({
      rules: base,
      overrides: [
        {
          ndb: '00001',
          kind: 'allergen',
          code: 'fish',
          action: 'add',
          certainty: 'may-contain',
          reason: 'Only a trace.',
        },
      ],
    });
    const t = tagFood(food('00001', 'Fish sauce flavour', '0600'), r);
    expect(t.allergens).toEqual([
      {
        code: 'fish',
        certainty: 'may-contain',
        rationale: 'Only a trace.',
        source: 'override:00001',
      },
    ]);
  });
});

describe('inflammation', () => {
  const r = rules({
    rules: [
      {
        id: 'sugar',
        include: ['candy'],
        tags: ['added-sugar'],
        certainty: 'contains',
        rationale: 'Sweet.',
      },
    ],
    inflammation: [
      {
        id: 'infl-sugar',
        class: 'inflammatory',
        evidence: 'debated',
        rationale: 'Added sugar.',
        requires: [{ kind: 'group', code: 'added-sugar', certainty: 'contains' }],
      },
      {
        id: 'infl-candy',
        class: 'gut-healing',
        evidence: 'weak',
        rationale: 'Never reached for candy.',
        include: ['candy|ginger'],
      },
      {
        id: 'infl-fibre',
        class: 'gut-healing',
        evidence: 'moderate',
        rationale: 'Fibre.',
        nutrient: { key: 'fiberG', min: 2.5 },
      },
    ],
    inflammationOverrides: [
      { ndb: '00009', class: 'inflammatory', evidence: 'strong', reason: 'Overridden.' },
    ],
  });

  it('takes the first matching rule', () => {
    expect(tagFood(food('1', 'Candy, ginger'), r).inflammation).toEqual({
      class: 'inflammatory',
      evidence: 'debated',
      rationale: 'Added sugar.',
      source: 'infl-sugar',
    });
    expect(tagFood(food('2', 'Ginger root'), r).inflammation.source).toBe('infl-candy');
    expect(tagFood(food('3', 'Lentils', '1600', { fiberG: 8 }), r).inflammation.source).toBe(
      'infl-fibre',
    );
  });

  it('falls back to the default and honours overrides', () => {
    expect(tagFood(food('4', 'Water'), r).inflammation).toEqual({
      class: 'neutral',
      evidence: 'weak',
      rationale: 'No specific rule applies.',
      source: 'inflammation-default',
    });
    expect(tagFood(food('00009', 'Candy'), r).inflammation).toEqual({
      class: 'inflammatory',
      evidence: 'strong',
      rationale: 'Overridden.',
      source: 'override:00009',
    });
  });
});

describe('tagAllFoods on the real data', () => {
  const { foods, rules: real } = loadFixture();

  // Speed is measured by `npm run bench`; tests never assert on wall-clock time.
  it('tags all 7,413 SR21 foods and the derived foods, one entry each', () => {
    const fresh = parseTagRules(JSON.parse(JSON.stringify(real)));
    const all = tagAllFoods(foods, fresh);
    expect(all.size).toBe(foods.length);
    expect(foods.filter((f) => !f.derived)).toHaveLength(7413);
  });

  it('returns the same tagging as tagFood, keyed by NDB', () => {
    const sample = foods.filter((_, i) => i % 97 === 0);
    const all = tagAllFoods(sample, real);
    for (const f of sample) expect(all.get(f.ndb)).toEqual(tagFood(f, real));
  });
});
