import { beforeAll, describe, expect, it } from 'vitest';
import { GET as listProtocols } from '@/app/api/protocols/route';
import { GET as getRecipe } from '@/app/api/recipes/[slug]/route';
import { GET as listRecipes } from '@/app/api/recipes/route';
import { authedRequest, useFreshDatabase } from '../support/db';

type Card = {
  slug: string;
  name: string;
  mealTypes: string[];
  totalMinutes: number;
  energyKcal: number;
  proteinG: number;
  allergens: { code: string }[];
};
type Detail = {
  slug: string;
  ingredients: { ndb: string; grams: number; text: string }[];
  nutritionPerServing: Record<string, number | null>;
  allergens: { code: string; causes: { ndb: string; name: string }[] }[];
  tags: { code: string; causes: { ndb: string; name: string }[] }[];
  inflammation: { class: string };
  compliance: {
    protocol: string;
    phase: string;
    ok: boolean;
    reasons: { code: string; foods: string[] }[];
  }[];
};

const list = async (query: string) => {
  const res = await listRecipes(authedRequest(`http://localhost/api/recipes?${query}`));
  return {
    status: res.status,
    body: (await res.json()) as {
      items: Card[];
      nextCursor: string | null;
      total: number;
      error?: { fieldErrors: Record<string, string[]> };
    },
  };
};
const detail = async (slug: string) => {
  const res = await getRecipe(authedRequest(`http://localhost/api/recipes/${slug}`), {
    params: Promise.resolve({ slug }),
  });
  return { status: res.status, body: (await res.json()) as Detail };
};

beforeAll(async () => {
  await useFreshDatabase();
});

describe('GET /api/protocols', () => {
  it('lists the five protocols and four diets, each protocol starting with elimination', async () => {
    const { items } = (await (await listProtocols(authedRequest('/api/protocols'))).json()) as {
      items: { id: string; kind: string; phases: { id: string }[] }[];
    };
    const ids = items.map((p) => p.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'aip',
        'low-fodmap',
        'whole30',
        'six-food',
        'gut-reset',
        'omnivore',
        'pescatarian',
        'vegetarian',
        'vegan',
      ]),
    );
    for (const p of items.filter((x) => x.kind === 'protocol'))
      expect(p.phases[0]?.id).toBe('elimination');
  });
});

describe('GET /api/recipes', () => {
  it('filters AIP elimination without fish, and every result is compliant and fish-free', async () => {
    const { status, body } = await list('protocol=aip&phase=elimination&exclude=fish&limit=100');
    expect(status).toBe(200);
    expect(body.total).toBeGreaterThan(20);
    for (const card of body.items.slice(0, 15)) {
      expect(card.allergens.map((a) => a.code)).not.toContain('fish');
      const { body: d } = await detail(card.slug);
      expect(d.compliance.find((c) => c.protocol === 'aip' && c.phase === 'elimination')?.ok).toBe(
        true,
      );
    }
  });

  it('filters by meal type and minutes', async () => {
    const { body } = await list('mealType=snack&maxMinutes=15&limit=100');
    expect(body.items.length).toBeGreaterThan(0);
    for (const r of body.items) {
      expect(r.mealTypes).toContain('snack');
      expect(r.totalMinutes).toBeLessThanOrEqual(15);
    }
  });

  it('searches recipe names first, with prefixes, combined with filters, and pages once through', async () => {
    const { body } = await list('q=salm&limit=5');
    expect(body.total).toBeGreaterThan(5);
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 20; page++) {
      const { body: b } = await list(`q=salm&limit=5${cursor}`);
      seen.push(...b.items.map((r) => r.slug));
      if (!b.nextCursor) break;
      cursor = `&cursor=${b.nextCursor}`;
    }
    expect(new Set(seen).size).toBe(body.total);
    const named = await list('q=salmon&limit=100');
    const inName = named.body.items.filter((r) => /salmon/i.test(r.name)).length;
    expect(inName).toBeGreaterThan(3);
    // the name weighs most: recipes named for salmon come before those that only use it
    expect(named.body.items.slice(0, inName).every((r) => /salmon/i.test(r.name))).toBe(true);
    const { body: quick } = await list('q=salmon&maxMinutes=30&exclude=egg&limit=100');
    expect(quick.total).toBeLessThanOrEqual(named.body.total);
    for (const r of quick.items) {
      expect(r.totalMinutes).toBeLessThanOrEqual(30);
      expect(r.allergens.map((a) => a.code)).not.toContain('egg');
    }
  });

  it.each([
    ['protocol=keto', 'protocol'],
    ['protocol=aip&phase=forever', 'phase'],
    ['phase=elimination', 'phase'],
    ['mealType=brunch', 'mealType'],
    ['exclude=shrimp', 'exclude'],
    ['maxMinutes=-5', 'maxMinutes'],
  ])('rejects %s with a 400 naming %s', async (query, field) => {
    const { status, body } = await list(query);
    expect(status).toBe(400);
    expect(Object.keys(body.error?.fieldErrors ?? {})).toContain(field);
  });
});

describe('GET /api/recipes/{slug}', () => {
  it('explains every tag by the ingredient that caused it, and non-compliance by reason', async () => {
    // A recipe with paprika or tomato must say why it is not AIP-elimination compliant.
    const { body } = await list('protocol=aip&phase=reintroduction-4&limit=100');
    const { body: all } = await list('limit=100');
    const notAip = all.items.find((r) => !body.items.some((b) => b.slug === r.slug));
    expect(notAip).toBeDefined();
    const { status, body: d } = await detail(notAip!.slug);
    expect(status).toBe(200);
    const aip = d.compliance.find((c) => c.protocol === 'aip' && c.phase === 'elimination');
    expect(aip?.ok).toBe(false);
    expect(aip?.reasons.length).toBeGreaterThan(0);
    for (const r of aip?.reasons ?? []) expect(r.foods.length).toBeGreaterThan(0);
    const ingredientNdbs = new Set(d.ingredients.map((i) => i.ndb));
    for (const t of [...d.tags, ...d.allergens]) {
      expect(t.causes.length).toBeGreaterThan(0);
      for (const c of t.causes) expect(ingredientNdbs.has(c.ndb)).toBe(true);
    }
  });

  it('404s an unknown slug and 400s a malformed one', async () => {
    expect((await detail('no-such-recipe')).status).toBe(404);
    expect((await detail('Bad Slug!')).status).toBe(400);
  });
});
