import { describe, expect, it } from 'vitest';
import type { FoodTagging } from '@/lib/foods/types';
import { type DerivationFood, deriveRecipe } from '@/lib/recipes/derive';
import { recipeTagSource, tagRecipeMadeFoods } from '@/lib/recipes/recipe-made-foods';
import { type RecipeInput, recipeSchema } from '@/lib/recipes/schema';
import { inflammationForTags, readableFoodName, tagAllFoods } from '@/lib/tagging';
import { readRecipeFiles } from '@/seeds/load/source-files';
import { loadFoods } from '@/seeds/load-foods';
import { loadTagRules } from '@/seeds/tagging/load';

const foods = loadFoods();
const rules = loadTagRules();
const byDescription = tagAllFoods(foods, rules);
const derivationFoods = new Map<string, DerivationFood>(
  foods.map((f) => [
    f.ndb,
    {
      ndb: f.ndb,
      name: readableFoodName(f),
      nutrients: f.nutrients,
      measures: f.measures,
      tagging: byDescription.get(f.ndb) as FoodTagging,
    },
  ]),
);
const recipes = new Map<string, RecipeInput>(
  readRecipeFiles().map(({ json }) => {
    const r = recipeSchema.parse(json);
    return [r.slug, r];
  }),
);
const made = foods.flatMap((f) =>
  f.derived?.recipe ? [{ ndb: f.ndb, recipe: f.derived.recipe }] : [],
);
const tagged = tagRecipeMadeFoods(made, recipes, derivationFoods);

const codes = (t: FoodTagging) =>
  [...t.allergens.map((x) => `allergen:${x.code}`), ...t.tags.map((x) => `group:${x.code}`)].sort();

describe("foods made by Villi's recipes", () => {
  it('are the bone broth and the vegetable stock', () => {
    expect(made).toEqual([
      { ndb: '99011', recipe: 'chicken-bone-broth' },
      { ndb: '99012', recipe: 'vegetable-stock' },
    ]);
  });

  it.each(made.map((m) => [m.ndb, m.recipe]))(
    '%s: its recipe %s exists and every tag the recipe derives is on the food, at the same certainty',
    (ndb, slug) => {
      const recipe = recipes.get(slug);
      expect(recipe, `recipe ${slug} in seeds/recipes`).toBeDefined();
      const derived = deriveRecipe(recipe as RecipeInput, derivationFoods);
      if (!derived.ok) throw new Error(derived.errors.join('; '));
      const food = tagged.get(ndb) as FoodTagging;
      const onFood = new Map<string, string>([
        ...food.allergens.map((t) => [`allergen:${t.code}`, t.certainty] as const),
        ...food.tags.map((t) => [`group:${t.code}`, t.certainty] as const),
      ]);
      const fromRecipe = [
        ...derived.recipe.allergens.map((t) => ({ key: `allergen:${t.code}`, t })),
        ...derived.recipe.tags.map((t) => ({ key: `group:${t.code}`, t })),
      ];
      expect(fromRecipe.length).toBeGreaterThan(0);
      for (const { key, t } of fromRecipe)
        expect(onFood.get(key), `${ndb} ${key}`).toBe(t.certainty);
      // nothing else: the description rules add nothing
      expect(onFood.size).toBe(fromRecipe.length);
    },
  );

  it('the bone broth: celery, onion and garlic fructans, chicken; no pepper, sugar or yeast extract', () => {
    const t = tagged.get('99011') as FoodTagging;
    expect(t.allergens.map((x) => [x.code, x.certainty])).toEqual([['celery', 'contains']]);
    const groups = Object.fromEntries(t.tags.map((x) => [x.code, x.certainty]));
    expect(groups).toMatchObject({
      poultry: 'contains',
      meat: 'contains',
      animal: 'contains',
      'fodmap-fructan': 'contains',
    });
    for (const code of ['berry-spice', 'nightshade', 'added-sugar', 'processed', 'soy', 'legume'])
      expect(groups[code], code).toBeUndefined();
    // …which the shop-bought description rules would have added
    const asShopBought = byDescription.get('99011') as FoodTagging;
    for (const code of ['berry-spice', 'added-sugar', 'processed'])
      expect(asShopBought.tags.map((x) => x.code)).toContain(code);
  });

  it('the vegetable stock has no meat or animal tag and no shop-bought may-contains', () => {
    const t = tagged.get('99012') as FoodTagging;
    const all = codes(t);
    for (const c of ['group:meat', 'group:animal', 'group:added-sugar', 'group:processed'])
      expect(all).not.toContain(c);
    expect(all).toContain('group:fodmap-mannitol'); // mushrooms and celery
    expect(all).toContain('allergen:celery');
  });

  it('each tag names the recipe and the ingredients that caused it, with a recipe source', () => {
    const fructan = (tagged.get('99011') as FoodTagging).tags.find(
      (x) => x.code === 'fodmap-fructan',
    );
    expect(fructan?.source).toBe(recipeTagSource('chicken-bone-broth'));
    expect(fructan?.rationale).toMatch(/Villi's recipe chicken-bone-broth/);
    expect(fructan?.rationale).toMatch(/Onions, raw \(contains\)/);
    expect(fructan?.rationale).toMatch(/Garlic, raw \(contains\)/);
    for (const t of [...tagged.values()].flatMap((x) => [...x.allergens, ...x.tags]))
      expect(t.rationale).not.toMatch(/\n/);
  });

  it('the bone broth is classed by the bone-broth rule over its own tags (gut-healing, weak)', () => {
    const food = foods.find((f) => f.ndb === '99011');
    if (!food) throw new Error('99011 missing');
    const i = inflammationForTags(food, tagged.get('99011') as FoodTagging, rules);
    expect(i).toMatchObject({
      class: 'gut-healing',
      evidence: 'weak',
      source: 'inflammation-bone-broth',
    });
  });

  it('a food whose recipe is not in the catalog fails with a message naming food and recipe', () => {
    const without = new Map(recipes);
    without.delete('vegetable-stock');
    expect(() => tagRecipeMadeFoods(made, without, derivationFoods)).toThrow(
      'food 99012 is made by the recipe "vegetable-stock", which is not in the catalog (seeds/recipes/vegetable-stock.json)',
    );
  });

  it('resolves a recipe that uses another recipe-made food first, and rejects a cycle', () => {
    const soup: RecipeInput = {
      ...(recipes.get('vegetable-stock') as RecipeInput),
      slug: 'test-soup',
      ingredients: [
        { ndb: '99011', grams: 500 },
        { ndb: '11507', grams: 200 },
      ],
    };
    const withSoup = new Map(recipes).set('test-soup', soup);
    // 99012 pretends to be made by the soup, which uses 99011 (made by the bone broth)
    const nested = tagRecipeMadeFoods(
      [
        { ndb: '99012', recipe: 'test-soup' },
        { ndb: '99011', recipe: 'chicken-bone-broth' },
      ],
      withSoup,
      derivationFoods,
    );
    const soupTags = nested.get('99012') as FoodTagging;
    // the broth's recipe tags (celery contains), not its shop-bought description tags
    expect(soupTags.allergens.find((x) => x.code === 'celery')?.certainty).toBe('contains');
    expect(soupTags.tags.map((x) => x.code)).not.toContain('processed');

    const loop: RecipeInput = {
      ...soup,
      slug: 'test-loop',
      ingredients: [{ ndb: '99011', grams: 1 }],
    };
    expect(() =>
      tagRecipeMadeFoods(
        [{ ndb: '99011', recipe: 'test-loop' }],
        new Map(recipes).set('test-loop', loop),
        derivationFoods,
      ),
    ).toThrow('food 99011: the recipe "test-loop" uses what it makes');
  });
});

describe('the catalog uses no shop-bought stock and no broth-packed tuna', () => {
  const lines = [...recipes.values()].flatMap((r) =>
    r.ingredients.map((ing) => ({ slug: r.slug, ing })),
  );
  const shopStock = new Set(
    [...byDescription]
      .filter(
        ([ndb, t]) =>
          !ndb.startsWith('99') && t.tags.some((x) => x.source === 'stock-broth-shop-bought'),
      )
      .map(([ndb]) => ndb),
  );

  it('the shop-bought stock rule tags the SR21 stocks (the check is not vacuous)', () => {
    for (const ndb of ['06170', '06172', '06174', '06615']) expect(shopStock.has(ndb)).toBe(true);
  });

  it('no ingredient is an SR21 stock or broth; Villi broths say what to buy instead', () => {
    expect(lines.filter((l) => shopStock.has(l.ing.ndb)).map((l) => l.slug)).toEqual([]);
    const broths = lines.filter((l) => l.ing.ndb === '99011' || l.ing.ndb === '99012');
    expect(broths.length).toBeGreaterThanOrEqual(18);
    for (const l of broths)
      expect(l.ing.shopNote, l.slug).toMatch(
        /^Villi's (bone broth|vegetable stock) \(see recipe\), or a shop-bought (broth|stock) whose label lists no pepper, onion, garlic, yeast extract or sugar$/,
      );
  });

  it('no recipe uses canned light tuna that may be packed in broth', () => {
    expect(lines.filter((l) => l.ing.ndb === '15121').map((l) => l.slug)).toEqual([]);
    const tuna = lines.filter((l) => l.ing.ndb === '99013');
    expect(tuna.map((l) => l.slug).sort()).toEqual([
      'lemon-tuna-walnut-lettuce-wraps',
      'tuna-avocado-nori-hand-rolls',
      'tuna-cucumber-bites',
      'tuna-herb-stuffed-sweet-potatoes',
      'tuna-stuffed-avocados-with-cucumber-and-chives',
    ]);
    for (const l of tuna) expect(l.ing.shopNote).toBe('packed in water, no broth');
  });
});
