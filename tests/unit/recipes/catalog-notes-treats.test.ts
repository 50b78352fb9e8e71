import { describe, expect, it } from 'vitest';
import { type RecipeInput, recipeSchema } from '@/lib/recipes/schema';
import { readRecipeFiles } from '@/seeds/load/source-files';
import { loadFoods } from '@/seeds/load-foods';

// SR21 with the derived foods (recipes use derived foods such as plain canned tuna, 99013).
const usda = new Map(loadFoods().map((f) => [f.ndb, f]));
const recipes: RecipeInput[] = readRecipeFiles().map(({ json }) => recipeSchema.parse(json));
const bySlug = new Map(recipes.map((r) => [r.slug, r]));

/** Canned fish or poultry, as SR21 describes it (shellfish are not in this rule). */
const CANNED_FISH_OR_POULTRY = /^(fish|chicken|turkey), .*\bcanned\b/i;
const CANNED_COCONUT_MILK = /coconut milk, canned/i;
/** Words that name a baked good, treat or pancake recreated from other ingredients. */
const TREAT_WORDS =
  /\b(pancakes?|cookies?|brownies?|nice cream|waffles?|bars|energy (bites|balls)|no-bake|gummies|crepes?|panna cotta)\b/i;

describe('recipe catalog: shop notes', () => {
  const lines = recipes.flatMap((r) =>
    r.ingredients.map((ing, i) => ({ slug: r.slug, i, ing, desc: usda.get(ing.ndb)!.longDesc })),
  );

  it('finds canned fish and coconut milk in the catalog (the rule is not vacuous)', () => {
    expect(lines.filter((l) => CANNED_FISH_OR_POULTRY.test(l.desc)).length).toBeGreaterThan(5);
    expect(lines.filter((l) => CANNED_COCONUT_MILK.test(l.desc)).length).toBeGreaterThan(5);
  });

  it.each(
    lines.filter((l) => CANNED_FISH_OR_POULTRY.test(l.desc)).map((l) => [`${l.slug}#${l.i}`, l]),
  )('%s (canned fish or poultry) says no broth', (_id, l) => {
    expect(l.ing.shopNote).toMatch(/^packed in (water|olive oil|olive oil or water), no broth$/);
  });

  it.each(
    lines.filter((l) => CANNED_COCONUT_MILK.test(l.desc)).map((l) => [`${l.slug}#${l.i}`, l]),
  )('%s (canned coconut milk) says to choose one without gums', (_id, l) => {
    expect(l.ing.shopNote).toBe('choose one without gums');
  });
});

describe('recipe catalog: treats', () => {
  it.each(recipes.map((r) => [r.slug, r]))('%s is a treat exactly when it is one', (_slug, r) => {
    const named = TREAT_WORDS.test(`${r.name} ${r.description}`);
    // Puddings are judged one by one: a chocolate or sweetened tapioca pudding is a dessert.
    const dessertPudding = ['cocoa-banana-chia-pudding', 'coconut-tapioca-pudding-pineapple-lime'];
    expect(r.treat).toBe(named || dessertPudding.includes(r.slug));
  });
});

describe("Villi's own broths", () => {
  const PEPPERS = [...usda.values()]
    .filter((f) => /^spices, pepper|^peppers?,/i.test(f.longDesc))
    .map((f) => f.ndb);

  it.each([
    ['chicken-bone-broth', 12 * 60],
    ['vegetable-stock', 60],
  ])(
    '%s exists, simmers at least %i minutes, keeps, freezes and has no pepper',
    (slug, minCook) => {
      const r = bySlug.get(slug);
      expect(r).toBeDefined();
      expect(r!.cookMinutes).toBeGreaterThanOrEqual(minCook);
      expect(r!.leftoverDays).toBeGreaterThanOrEqual(3);
      expect(r!.freezes).toBe(true);
      expect(r!.strained).toBeDefined();
      expect(r!.ingredients.filter((i) => PEPPERS.includes(i.ndb))).toEqual([]);
    },
  );

  it('the bone broth simmers within 12–24 hours', () => {
    const minutes = bySlug.get('chicken-bone-broth')!.cookMinutes;
    expect(minutes).toBeGreaterThanOrEqual(12 * 60);
    expect(minutes).toBeLessThanOrEqual(24 * 60);
  });
});
