import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getRecipe } from '@/app/api/recipes/[slug]/route';
import { authedRequest, useFreshDatabase } from '../support/db';

type Detail = {
  slug: string;
  ingredients: { ndb: string; grams: number }[];
  compliance: { protocol: string; phase: string; ok: boolean; reasons: { code: string }[] }[];
};

beforeAll(async () => {
  await useFreshDatabase();
});

const fetchRecipe = async (slug: string): Promise<Detail> => {
  const res = await getRecipe(authedRequest(`http://localhost/api/recipes/${slug}`), {
    params: Promise.resolve({ slug }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Detail;
};

const fits = (d: Detail, protocol: string) =>
  d.compliance.find((c) => c.protocol === protocol && c.phase === 'elimination');

const recipeFiles = () =>
  readdirSync(join(process.cwd(), 'seeds', 'recipes')).map((f) => ({
    slug: f.replace(/\.json$/, ''),
    ndbs: (
      JSON.parse(readFileSync(join(process.cwd(), 'seeds', 'recipes', f), 'utf8')) as {
        ingredients: { ndb: string }[];
      }
    ).ingredients.map((i) => i.ndb),
  }));

describe('Whole30 recipes with ghee and coconut aminos', () => {
  it.each([
    'whole30-sirloin-broccoli-stir-fry-with-coconut-aminos',
    'coconut-aminos-glazed-salmon-with-ghee-green-beans',
    'ghee-fried-eggs-with-sweet-potato-hash-and-spinach',
  ])('%s uses ghee and coconut aminos and fits Whole30 elimination', async (slug) => {
    const d = await fetchRecipe(slug);
    const ndbs = d.ingredients.map((i) => i.ndb);
    expect(ndbs).toContain('01003'); // ghee (butter oil, anhydrous)
    expect(ndbs).toContain('99008'); // coconut aminos
    expect(fits(d, 'whole30')).toMatchObject({ ok: true, reasons: [] });
    // ghee is a Whole30 exception, not a dairy free-for-all
    expect(fits(d, 'six-food')?.ok).toBe(false);
  });

  it('every catalog recipe with coconut aminos is derived without a soy, wheat or sugar reason', async () => {
    const slugs = recipeFiles()
      .filter((r) => r.ndbs.includes('99008'))
      .map((r) => r.slug);
    expect(slugs.length).toBeGreaterThanOrEqual(3);
    for (const slug of slugs) {
      const reasons = (await fetchRecipe(slug)).compliance.flatMap((c) =>
        c.reasons.map((r) => r.code),
      );
      for (const code of ['soy', 'wheat', 'added-sugar', 'unrefined-sweetener', 'tree-nut'])
        expect(reasons, slug).not.toContain(code);
    }
  });
});

describe('low-FODMAP recipes with the derived staples', () => {
  it.each([
    'gluten-free-overnight-oats-with-lactose-free-milk-and-strawberries',
    'lactose-free-yogurt-bowl-with-kiwi-and-pumpkin-seeds',
    'garlic-oil-lemon-chicken-with-potatoes-and-lactose-free-yogurt-sauce',
  ])('%s fits low-FODMAP elimination', async (slug) => {
    const d = await fetchRecipe(slug);
    expect(d.ingredients.some((i) => ['99001', '99002', '99003'].includes(i.ndb))).toBe(true);
    expect(fits(d, 'low-fodmap')).toMatchObject({ ok: true, reasons: [] });
  });

  it('switched recipes whose only FODMAP was the scallion now fit low-FODMAP elimination', async () => {
    for (const slug of ['spinach-and-feta-egg-muffins', 'trout-with-lemony-quinoa-herb-salad']) {
      const d = await fetchRecipe(slug);
      expect(d.ingredients.map((i) => i.ndb)).toContain('99004');
      expect(fits(d, 'low-fodmap'), slug).toMatchObject({ ok: true });
    }
  });

  it('whole scallions stay only where they ferment or cook in an onion-garlic base', () => {
    const withScallion = recipeFiles()
      .filter((r) => r.ndbs.includes('11291'))
      .map((r) => r.slug)
      .sort();
    expect(withScallion).toEqual([
      'classic-napa-cabbage-kimchi',
      'jamaican-steamed-cabbage-cod-green-plantain',
      'white-kimchi-baek-kimchi',
    ]);
  });
});
