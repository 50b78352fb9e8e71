import type { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as exportPlan } from '@/app/api/plans/[id]/export/route';
import { GET as shoppingList } from '@/app/api/plans/[id]/shopping-list/route';
import { POST as createPlan } from '@/app/api/plans/route';
import { POST as createProfile } from '@/app/api/profiles/route';
import { GET as getRecipe } from '@/app/api/recipes/[slug]/route';
import { authedRequest, jsonRequest, useFreshDatabase } from '../support/db';
import { descriptionLeaks as leaks } from '../support/food-words';
import { ROOMY_LIMITS } from '../support/profiles';
import { FOOD_NAMES } from '../support/reference-files';

// pages read the caller from the request headers: the test owner's token
vi.mock('next/headers', () => import('../support/page-session'));

// The plan page's client parts need the app router; a static render only needs them to exist.
vi.mock('next/navigation', () => ({
  useRouter: () => ({ refresh: () => undefined }),
  usePathname: () => '/plans',
  notFound: () => {
    throw new Error('NEXT_NOT_FOUND');
  },
}));

type Item = { ndb: string; ndbs: string[]; name: string; display: string; exact: string };

let planId: number;

beforeAll(async () => {
  await useFreshDatabase();
  const p = await createProfile(
    jsonRequest('/api/profiles', 'POST', {
      name: 'Cook',
      protocol: 'aip',
      householdSize: 2,
      ...ROOMY_LIMITS,
    }),
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
      authedRequest(`http://localhost/api/plans/${planId}/shopping-list`),
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
        authedRequest(`http://localhost/api/plans/${planId}/shopping-list?format=${format}`),
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
    const res = await getRecipe(authedRequest(`http://localhost/api/recipes/${slug}`), {
      params: Promise.resolve({ slug }),
    });
    const r = (await res.json()) as { ingredients: { ndb: string; display: string }[] };
    expect(r.ingredients.map((i) => i.display)).toContain('pistachios');
    for (const i of r.ingredients) expect(i.display).toBe(FOOD_NAMES.get(i.ndb)?.display);
  });

  it('the plan page names recipes and foods in kitchen words, no SR21 description', async () => {
    const { default: PlanPage } = await import('@/app/plans/[id]/page');
    const element = await PlanPage({ params: Promise.resolve({ id: String(planId) }) });
    const html = renderToStaticMarkup(element as ReturnType<typeof createElement>);
    expect(html).toMatch(/Week of <time datetime="2026-11-30">/i);
    expect(html.match(/data-testid="meal-/g)?.length).toBeGreaterThanOrEqual(21);
    expect(leaks(html)).toEqual([]);
  });

  it('the plan Markdown lists each ingredient by its cook name', async () => {
    const res = await exportPlan(
      authedRequest(`http://localhost/api/plans/${planId}/export?format=md`),
      { params: Promise.resolve({ id: String(planId) }) },
    );
    expect(res.status).toBe(200);
    const md = await res.text();
    expect(leaks(md)).toEqual([]);
    const displays = new Set([...FOOD_NAMES.values()].map((n) => n.display));
    // the lines between a meal's "**Ingredients**" and "**Steps**": "- {name}: {amount}"
    const names = md
      .split('**Ingredients**')
      .slice(1)
      .flatMap((part) => (part.split('**Steps**')[0] ?? '').split('\n'))
      .filter((l) => l.startsWith('- '))
      .map((l) => (l.slice(2).split(': ')[0] ?? '').replace(/\\/g, ''));
    expect(names.length).toBeGreaterThan(20);
    expect(names.filter((n) => !displays.has(n))).toEqual([]);
  });
});
