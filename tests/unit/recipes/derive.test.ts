import { describe, expect, it } from 'vitest';
import type { FoodTagging } from '@/lib/foods/types';
import { type DerivationFood, deriveRecipe } from '@/lib/recipes/derive';
import type { RecipeInput } from '@/lib/recipes/schema';
import { loadFoods } from '@/seeds/load-foods';

const usda = new Map(loadFoods().map((f) => [f.ndb, f]));

const neutral: FoodTagging['inflammation'] = {
  class: 'neutral',
  rationale: 'n/a',
  evidence: 'weak',
  source: 'test',
};

function makeFood(ndb: string, tagging: Partial<FoodTagging> = {}): DerivationFood {
  const f = usda.get(ndb);
  if (!f) throw new Error(`no food ${ndb}`);
  return {
    ndb,
    name: f.longDesc,
    nutrients: f.nutrients,
    measures: f.measures,
    tagging: { allergens: [], tags: [], inflammation: neutral, ...tagging },
  };
}

function makeRecipe(over: Partial<RecipeInput> = {}): RecipeInput {
  return {
    slug: 'test-recipe',
    name: 'Test recipe',
    description: 'A recipe for tests only.',
    mealTypes: ['dinner'],
    servings: 4,
    prepMinutes: 10,
    cookMinutes: 20,
    activeMinutes: 15,
    passiveMinutes: 15,
    assembly: false,
    cuisine: 'test',
    light: false,
    leftoverDays: 0,
    freezes: false,
    treat: false,
    ingredients: [
      { ndb: '11507', grams: 400 },
      { ndb: '02028', amount: 1, measure: 'tsp' },
    ],
    steps: ['Cook it.'],
    ...over,
  };
}

describe('deriveRecipe', () => {
  it('computes nutrition per serving from USDA values and the resolved grams', () => {
    const foods = new Map([
      ['11507', makeFood('11507')],
      ['02028', makeFood('02028')],
    ]);
    const result = deriveRecipe(makeRecipe(), foods);
    if (!result.ok) throw new Error(result.errors.join('; '));
    const sweetPotato = usda.get('11507')!;
    const paprika = usda.get('02028')!;
    const tspGrams = paprika.measures.find((m) => m.label === 'tsp')!.grams;
    const expectedKcal =
      ((sweetPotato.nutrients.energyKcal! * 400) / 100 +
        (paprika.nutrients.energyKcal! * tspGrams) / 100) /
      4;
    expect(result.recipe.nutritionPerServing.energyKcal).toBeCloseTo(expectedKcal, 1);
    expect(result.recipe.ingredients[1]).toMatchObject({
      ndb: '02028',
      grams: tspGrams,
      text: '1 tsp',
    });
  });

  it('inherits every tag with the ingredient that caused it, contains winning over may-contain', () => {
    const foods = new Map([
      [
        '11507',
        makeFood('11507', {
          tags: [{ code: 'nightshade', certainty: 'may-contain', rationale: 'r', source: 's' }],
        }),
      ],
      [
        '02028',
        makeFood('02028', {
          tags: [
            { code: 'nightshade', certainty: 'contains', rationale: 'r', source: 's' },
            { code: 'nightshade-spice', certainty: 'contains', rationale: 'r', source: 's' },
          ],
          allergens: [{ code: 'mustard', certainty: 'may-contain', rationale: 'r', source: 's' }],
        }),
      ],
    ]);
    const result = deriveRecipe(makeRecipe(), foods);
    if (!result.ok) throw new Error(result.errors.join('; '));
    const nightshade = result.recipe.tags.find((t) => t.code === 'nightshade');
    expect(nightshade?.certainty).toBe('contains');
    expect(nightshade?.causes.map((c) => c.ndb).sort()).toEqual(['02028', '11507']);
    expect(result.recipe.allergens).toEqual([
      {
        code: 'mustard',
        certainty: 'may-contain',
        causes: [{ ndb: '02028', name: usda.get('02028')!.longDesc, certainty: 'may-contain' }],
      },
    ]);
  });

  it('scores inflammation by weight, so a pinch does not decide the class', () => {
    const foods = new Map([
      ['11507', makeFood('11507', { inflammation: { ...neutral, class: 'gut-healing' } })],
      ['02028', makeFood('02028', { inflammation: { ...neutral, class: 'inflammatory' } })],
    ]);
    const result = deriveRecipe(makeRecipe(), foods);
    if (!result.ok) throw new Error('derivation failed');
    expect(result.recipe.inflammation.class).toBe('gut-healing');
    expect(result.recipe.inflammation.causes.map((c) => c.ndb).sort()).toEqual(['02028', '11507']);
  });

  describe('weights each ingredient by the evidence for its class', () => {
    const tagged = (
      ndb: string,
      cls: FoodTagging['inflammation']['class'],
      evidence: FoodTagging['inflammation']['evidence'],
    ): [string, DerivationFood] => [
      ndb,
      makeFood(ndb, { inflammation: { ...neutral, class: cls, evidence } }),
    ];
    const recipeOf = (grams: Record<string, number>) =>
      makeRecipe({ ingredients: Object.entries(grams).map(([ndb, g]) => ({ ndb, grams: g })) });

    it('gut-healing moderate with a little debated inflammatory: (0.6·300 − 0.1·100) / 400', () => {
      const foods = new Map([
        tagged('11507', 'gut-healing', 'moderate'),
        tagged('01009', 'inflammatory', 'debated'),
      ]);
      const result = deriveRecipe(recipeOf({ '11507': 300, '01009': 100 }), foods);
      if (!result.ok) throw new Error('derivation failed');
      expect(result.recipe.inflammation.score).toBe(0.425);
      expect(result.recipe.inflammation.class).toBe('gut-healing');
      expect(result.recipe.inflammation.causes).toEqual([
        {
          ndb: '11507',
          name: usda.get('11507')!.longDesc,
          class: 'gut-healing',
          evidence: 'moderate',
        },
        {
          ndb: '01009',
          name: usda.get('01009')!.longDesc,
          class: 'inflammatory',
          evidence: 'debated',
        },
      ]);
    });

    it('a debated claim alone cannot make a dish inflammatory: −0.1·200 / 200', () => {
      const foods = new Map([tagged('01009', 'inflammatory', 'debated')]);
      const result = deriveRecipe(recipeOf({ '01009': 200 }), foods);
      if (!result.ok) throw new Error('derivation failed');
      expect(result.recipe.inflammation.score).toBe(-0.1);
      expect(result.recipe.inflammation.class).toBe('neutral');
    });

    it('half debated inflammatory, half neutral: −0.1·200 / 400 (unweighted it would be −0.5)', () => {
      const foods = new Map([
        tagged('01009', 'inflammatory', 'debated'),
        tagged('20045', 'neutral', 'weak'),
      ]);
      const result = deriveRecipe(recipeOf({ '01009': 200, '20045': 200 }), foods);
      if (!result.ok) throw new Error('derivation failed');
      expect(result.recipe.inflammation.score).toBe(-0.05);
      expect(result.recipe.inflammation.class).toBe('neutral');
    });

    it('strong evidence counts fully: −1·100 / 400 for beer in a stew', () => {
      const foods = new Map([
        tagged('14003', 'inflammatory', 'strong'),
        tagged('20045', 'neutral', 'weak'),
      ]);
      const result = deriveRecipe(recipeOf({ '14003': 100, '20045': 300 }), foods);
      if (!result.ok) throw new Error('derivation failed');
      expect(result.recipe.inflammation.score).toBe(-0.25);
      expect(result.recipe.inflammation.class).toBe('inflammatory');
    });

    it('weak gut-healing just over the threshold: 0.3·250 / 500 = 0.15', () => {
      const foods = new Map([
        tagged('06172', 'gut-healing', 'weak'),
        tagged('20045', 'neutral', 'weak'),
      ]);
      const result = deriveRecipe(recipeOf({ '06172': 250, '20045': 250 }), foods);
      if (!result.ok) throw new Error('derivation failed');
      expect(result.recipe.inflammation.score).toBe(0.15);
      expect(result.recipe.inflammation.class).toBe('gut-healing');
    });
  });

  it('fails with the ingredient path for an unknown food or measure', () => {
    const foods = new Map([['11507', makeFood('11507')]]);
    const bad = deriveRecipe(
      makeRecipe({
        ingredients: [
          { ndb: '11507', amount: 2, measure: 'bucket' },
          { ndb: '99999', grams: 5 },
        ],
      }),
      foods,
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors[0]).toMatch(/^ingredients\.0: unknown measure "bucket"/);
      expect(bad.errors[1]).toMatch(/^ingredients\.1\.ndb: unknown food 99999/);
    }
  });
});
