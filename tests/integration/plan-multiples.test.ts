import type { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as exportPlan } from '@/app/api/plans/[id]/export/route';
import { GET as getPlan } from '@/app/api/plans/[id]/route';
import { GET as shoppingList } from '@/app/api/plans/[id]/shopping-list/route';
import { POST as createPlan } from '@/app/api/plans/route';
import { POST as createProfile } from '@/app/api/profiles/route';
import { GET as getRecipe } from '@/app/api/recipes/[slug]/route';
import { authedRequest, jsonRequest, useFreshDatabase } from '../support/db';
import { ROOMY_LIMITS } from '../support/profiles';

// pages read the caller from the request headers: the test owner's token
vi.mock('next/headers', () => import('../support/page-session'));

// The page's client parts need the app router; a static render only needs them to exist.
vi.mock('next/navigation', () => ({
  useRouter: () => ({ refresh: () => undefined }),
  notFound: () => {
    throw new Error('NEXT_NOT_FOUND');
  },
}));

type Cook = {
  recipeMultiple: number;
  servings: number;
  spareServings: number;
  text: string;
  spareText: string | null;
};
type Meal = {
  id: string;
  recipeSlug: string;
  servings: number;
  portion: number;
  portionText: string;
  leftoverOf: string | null;
  cook: Cook | null;
};
type Plan = { id: number; score: { plants?: number } | null; days: { meals: Meal[] }[] };
type Recipe = { servings: number; ingredients: { ndb: string; grams: number }[] };
type List = { items: { ndb: string; ndbs: string[]; grams: number; meals: string[] }[] };

const pctx = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });
const HALF = '½';

let plan: Plan;
let meals: Meal[];
const recipes = new Map<string, Recipe>();

beforeAll(async () => {
  await useFreshDatabase();
  const profile = await createProfile(
    jsonRequest('/api/profiles', 'POST', {
      ...ROOMY_LIMITS,
      name: 'Three at home',
      protocol: 'whole30',
      householdSize: 3,
      leftovers: true,
    }),
  );
  const profileId = ((await profile.json()) as { id: number }).id;
  const res = await createPlan(
    jsonRequest('/api/plans', 'POST', { profileId, weekStart: '2026-11-30', seed: 8 }),
  );
  expect(res.status).toBe(201);
  const { id } = (await res.json()) as Plan;
  plan = (await (await getPlan(authedRequest('http://localhost'), pctx(id))).json()) as Plan;
  meals = plan.days.flatMap((d) => d.meals);
  for (const slug of new Set(meals.map((m) => m.recipeSlug))) {
    const r = await getRecipe(authedRequest('http://localhost'), {
      params: Promise.resolve({ slug }),
    });
    recipes.set(slug, (await r.json()) as Recipe);
  }
});

describe('a household of 3 cooks whole or half recipes (real catalog)', () => {
  it('each cooked meal makes the smallest whole or half recipe that feeds it; leftovers cook nothing', () => {
    for (const m of meals) {
      if (m.leftoverOf !== null) {
        expect(m.cook).toBeNull();
        continue;
      }
      const cook = m.cook!;
      const yields = recipes.get(m.recipeSlug)!.servings;
      expect(Number.isInteger(cook.recipeMultiple * 2)).toBe(true);
      expect(cook.servings).toBeCloseTo(cook.recipeMultiple * yields, 9);
      expect(cook.servings).toBeGreaterThanOrEqual(m.servings - 1e-9);
      if (cook.recipeMultiple > 0.5) expect(cook.servings - yields / 2).toBeLessThan(m.servings);
      expect(cook.spareServings).toBeCloseTo(cook.servings - m.servings, 9);
      expect(cook.text).toMatch(/^cook (½|\d+½?) recipes? \((½|\d+½?) servings?\)$/);
      expect(cook.spareText === null).toBe(cook.spareServings === 0);
    }
    // the portions of 3 people make half recipes somewhere in the week
    const halves = meals.filter((m) => m.cook && !Number.isInteger(m.cook.recipeMultiple));
    expect(halves.length).toBeGreaterThan(0);
  });

  it('every meal says each person’s portion', () => {
    for (const m of meals) {
      const [whole, half] = [Math.floor(m.portion), m.portion % 1 === 0.5 ? HALF : ''];
      const amount = `${whole > 0 ? whole : ''}${half}`;
      expect(m.portionText).toBe(`${amount} ${m.portion > 1 ? 'servings' : 'serving'} each`);
    }
  });

  it('the shopping list buys exactly the cooked batches: Σ recipe multiple × recipe grams', async () => {
    const res = await shoppingList(authedRequest('http://localhost'), pctx(plan.id));
    const list = (await res.json()) as List;
    const perFood = new Map<string, number>();
    for (const m of meals) {
      if (m.cook === null) continue;
      for (const ing of recipes.get(m.recipeSlug)!.ingredients) {
        perFood.set(ing.ndb, (perFood.get(ing.ndb) ?? 0) + m.cook.recipeMultiple * ing.grams);
      }
    }
    for (const [ndb, grams] of perFood) if (!(grams > 0)) perFood.delete(ndb);
    expect(list.items.flatMap((i) => i.ndbs).sort()).toEqual([...perFood.keys()].sort());
    for (const item of list.items) {
      const expected = item.ndbs.reduce((sum, ndb) => sum + perFood.get(ndb)!, 0);
      expect(item.grams).toBeCloseTo(expected, 6);
      for (const id of item.meals) expect(meals.find((m) => m.id === id)?.cook).not.toBeNull();
    }
  });

  it('the JSON and Markdown exports say what the plan says', async () => {
    const file = async (format: string) =>
      exportPlan(
        authedRequest(`http://localhost/api/plans/${plan.id}/export?format=${format}`),
        pctx(plan.id),
      );
    const json = (await (await file('json')).json()) as {
      plan: { days: { meals: { id: string; cook: Cook | null; portionText: string }[] }[] };
    };
    const exported = json.plan.days.flatMap((d) => d.meals);
    expect(exported.map((m) => [m.id, m.cook, m.portionText])).toEqual(
      meals.map((m) => [m.id, m.cook, m.portionText]),
    );
    const md = await (await file('md')).text();
    const cooked = meals.find((m) => m.cook !== null)!;
    expect(md).toContain(`${cooked.cook!.text}`);
    expect(md).toContain(cooked.portionText);
  });
});

describe('the pages say it', () => {
  // React escapes quotes in text; the words have none, so they show as they are
  const escaped = (text: string) => text.replace(/'/g, '&#x27;');

  it('the plan page shows what to cook, each person’s portion and the week’s plants', async () => {
    const { default: PlanPage } = await import('@/app/plans/[id]/page');
    const element = await PlanPage({ params: Promise.resolve({ id: String(plan.id) }) });
    const html = renderToStaticMarkup(element as ReturnType<typeof createElement>);
    expect(plan.score?.plants).toBeGreaterThan(0);
    expect(html).toContain(`<strong>${plan.score!.plants} different plants this week.</strong>`);
    expect(html).toContain('associated with a more varied gut microbiome (observational studies)');
    for (const m of meals) {
      const card = html.slice(html.indexOf(`data-testid="meal-${m.id}"`));
      const from = card.indexOf('meal-cook');
      const line = card.slice(from, card.indexOf('</div>', from));
      expect(line).toContain(escaped(m.portionText));
      if (m.cook) expect(line).toContain(escaped(m.cook.text));
      else expect(line).toContain('from the leftovers');
    }
  });

  it('a recipe opened from a cooked meal scales to the batch', async () => {
    const { default: RecipePage } = await import('@/app/recipes/[slug]/page');
    const cooked = meals.find((m) => m.cook && !Number.isInteger(m.cook.recipeMultiple))!;
    const element = await RecipePage({
      params: Promise.resolve({ slug: cooked.recipeSlug }),
      searchParams: Promise.resolve({ plan: String(plan.id), meal: cooked.id }),
    });
    const html = renderToStaticMarkup(element as ReturnType<typeof createElement>);
    expect(html).toContain(escaped(cooked.cook!.text));
    expect(html).toContain(`value="${cooked.cook!.servings}"`);
  });
});
