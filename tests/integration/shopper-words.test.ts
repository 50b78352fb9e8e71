import { beforeAll, describe, expect, it } from 'vitest';
import { GET as shoppingList } from '@/app/api/plans/[id]/shopping-list/route';
import { POST as createPlan } from '@/app/api/plans/route';
import { POST as createProfile } from '@/app/api/profiles/route';
import { GET as getRecipe } from '@/app/api/recipes/[slug]/route';
import { FOOD_NAMES } from '@/db/queries/food-words';
import { loadFoods } from '@/seeds/load-foods';
import { jsonRequest, useFreshDatabase } from '../support/db';

type Item = { ndb: string; ndbs: string[]; name: string; display: string; exact: string };

/** SR21 long descriptions of the named catalog foods that read as database strings. */
const DESCRIPTIONS = loadFoods()
  .filter((f) => FOOD_NAMES.has(f.ndb) && f.longDesc.includes(','))
  .map((f) => f.longDesc.toLowerCase());
const leaks = (text: string) => DESCRIPTIONS.filter((d) => text.toLowerCase().includes(d));

let planId: number;

beforeAll(async () => {
  useFreshDatabase();
  const p = await createProfile(
    jsonRequest('/api/profiles', 'POST', { name: 'Cook', protocol: 'aip', householdSize: 2 }),
  );
  const profileId = ((await p.json()) as { id: number }).id;
  const plan = await createPlan(
    jsonRequest('/api/plans', 'POST', { profileId, weekStart: '2026-11-30', seed: 7 }),
  );
  expect(plan.status).toBe(201);
  planId = ((await plan.json()) as { id: number }).id;
});

describe('words a shopper and a cook read, through the API on the seeded catalog', () => {
  it('the shopping list and its exports carry shopping names, no SR21 description', async () => {
    const ctx = { params: Promise.resolve({ id: String(planId) }) };
    const res = await shoppingList(
      new Request(`http://localhost/api/plans/${planId}/shopping-list`),
      ctx,
    );
    const { items } = (await res.json()) as { items: Item[] };
    expect(items.length).toBeGreaterThan(10);
    for (const i of items) {
      expect(i.ndbs).toContain(i.ndb);
      for (const n of i.ndbs) expect(FOOD_NAMES.get(n)?.shopping).toBe(i.name);
    }
    expect(leaks(JSON.stringify(items))).toEqual([]);
    for (const format of ['csv', 'md', 'txt']) {
      const out = await shoppingList(
        new Request(`http://localhost/api/plans/${planId}/shopping-list?format=${format}`),
        { params: Promise.resolve({ id: String(planId) }) },
      );
      expect(out.status).toBe(200);
      const text = await out.text();
      expect(text).toContain(items[0]!.name.replace(/"/g, '""').split(',')[0]!);
      expect(leaks(text), format).toEqual([]);
    }
  });

  it('a recipe gives each ingredient its cook name', async () => {
    const slug = 'amaranth-porridge-with-pomegranate-and-pistachios';
    const res = await getRecipe(new Request(`http://localhost/api/recipes/${slug}`), {
      params: Promise.resolve({ slug }),
    });
    const r = (await res.json()) as { ingredients: { ndb: string; display: string }[] };
    expect(r.ingredients.map((i) => i.display)).toContain('pistachios');
    for (const i of r.ingredients) expect(i.display).toBe(FOOD_NAMES.get(i.ndb)?.display);
  });
});
