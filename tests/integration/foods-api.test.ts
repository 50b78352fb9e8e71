import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getFood } from '@/app/api/foods/[ndb]/route';
import { GET as listFoods } from '@/app/api/foods/route';
import { GET as health } from '@/app/api/health/route';
import { readDerivedFoods } from '@/seeds/load-foods';
import { authedRequest, useFreshDatabase } from '../support/db';

const ctx = (ndb: string) => ({ params: Promise.resolve({ ndb }) });
const get = (url: string) => listFoods(authedRequest(`http://localhost${url}`));

beforeAll(async () => {
  await useFreshDatabase();
});

describe('GET /api/health', () => {
  it('answers 200 on a migrated, seeded database', async () => {
    const res = await health();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'ok',
      foods: 7413 + readDerivedFoods().length,
    });
  });
});

describe('GET /api/foods', () => {
  it('ranks "Apples, raw, with skin" before baby food apple juice for "apple"', async () => {
    const res = await get('/api/foods?q=apple&limit=100');
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { name: string }[] };
    const names = items.map((i) => i.name);
    const raw = names.indexOf('Apples, raw, with skin');
    const baby = names.findIndex((n) => /^Babyfood, apple juice/i.test(n));
    expect(raw).toBeGreaterThanOrEqual(0);
    expect(raw).toBeLessThan(5);
    if (baby !== -1) expect(raw).toBeLessThan(baby);
  });

  it('matches prefixes ("salm" finds salmon)', async () => {
    const { items } = (await (await get('/api/foods?q=salm&limit=5')).json()) as {
      items: { name: string }[];
    };
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => /salm/i.test(i.name))).toBe(true);
  });

  it('splits words at punctuation on every engine ("rice" finds "Chicken w/rice")', async () => {
    const { items } = (await (await get('/api/foods?q=southwestern%20rice&limit=5')).json()) as {
      items: { ndb: string }[];
    };
    expect(items.map((i) => i.ndb)).toContain('22949');
  });

  it('pages through every match of a search once, in a stable order, as many as the total', async () => {
    type Body = {
      items: { ndb: string; name: string }[];
      nextCursor: string | null;
      total: number;
    };
    const seen: string[] = [];
    let cursor = '';
    let total = -1;
    for (let page = 0; page < 20; page++) {
      const body = (await (await get(`/api/foods?q=apple&limit=30${cursor}`)).json()) as Body;
      total = body.total;
      seen.push(...body.items.map((i) => i.ndb));
      if (!body.nextCursor) break;
      cursor = `&cursor=${body.nextCursor}`;
    }
    expect(total).toBeGreaterThan(60);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const again = (await (await get('/api/foods?q=apple&limit=30')).json()) as Body;
    expect(again.items.map((i) => i.ndb)).toEqual(seen.slice(0, 30));
  });

  it('puts names that start with the word first, then raw foods, then shorter names', async () => {
    const { items } = (await (await get('/api/foods?q=kale&limit=10')).json()) as {
      items: { name: string }[];
    };
    const names = items.map((i) => i.name);
    expect(names[0]).toBe('Kale, raw');
    const starts = names.filter((n) => n.toLowerCase().startsWith('kale'));
    expect(names.slice(0, starts.length)).toEqual(starts);
  });

  it('combines a search with filters, and the total counts only what the filters keep', async () => {
    type Body = {
      items: { name: string; allergens: { code: string }[]; inflammation: string }[];
      total: number;
    };
    const all = (await (await get('/api/foods?q=salmon&limit=100')).json()) as Body;
    const fish = (await (
      await get('/api/foods?q=salmon&allergen=fish&free=milk&inflammation=gut-healing&limit=100')
    ).json()) as Body;
    expect(fish.total).toBeGreaterThan(0);
    expect(fish.total).toBeLessThan(all.total);
    expect(fish.items).toHaveLength(fish.total);
    for (const f of fish.items) {
      expect(f.name).toMatch(/salmon/i);
      expect(f.allergens.map((a) => a.code)).toContain('fish');
      expect(f.allergens.map((a) => a.code)).not.toContain('milk');
      expect(f.inflammation).toBe('gut-healing');
    }
  });

  it('answers a text without words with the plain list, and a search with no match with none', async () => {
    const plain = (await (await get('/api/foods?q=%20%21%21&limit=5')).json()) as { total: number };
    expect(plain.total).toBe(7413 + readDerivedFoods().length);
    const none = (await (await get('/api/foods?q=zzqqxx&limit=5')).json()) as {
      items: unknown[];
      nextCursor: string | null;
      total: number;
    };
    expect(none).toEqual({ items: [], nextCursor: null, total: 0 });
  });

  it('pages through every food with cursors', async () => {
    const first = (await (await get('/api/foods?limit=100')).json()) as {
      items: unknown[];
      nextCursor: string;
      total: number;
    };
    expect(first.total).toBe(7413 + readDerivedFoods().length);
    expect(first.items).toHaveLength(100);
    const second = (await (
      await get(`/api/foods?limit=100&cursor=${first.nextCursor}`)
    ).json()) as { items: { ndb: string }[] };
    expect(second.items[0]).not.toEqual(first.items[0]);
  });

  it('filters by allergen and food group, and every result carries the allergen', async () => {
    const { items } = (await (
      await get('/api/foods?allergen=fish&group=1500&limit=50')
    ).json()) as {
      items: { group: { code: string }; allergens: { code: string }[] }[];
    };
    expect(items.length).toBeGreaterThan(10);
    for (const f of items) {
      expect(f.group.code).toBe('1500');
      expect(f.allergens.map((a) => a.code)).toContain('fish');
    }
  });

  it.each([
    ['allergen=shrimp', 'allergen'],
    ['tag=bad', 'tag'],
    ['inflammation=spicy', 'inflammation'],
    ['group=9999', 'group'],
    ['limit=0', 'limit'],
    ['limit=abc', 'limit'],
    ['cursor=xyz', 'cursor'],
    ['color=red', '_root'],
  ])('rejects %s with a 400 naming the field', async (query, field) => {
    const res = await get(`/api/foods?${query}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { code: string; message: string; fieldErrors: Record<string, string[]> };
    };
    expect(body.error.code).toBe('invalid_request');
    expect(Object.keys(body.error.fieldErrors)).toContain(field);
  });
});

describe('GET /api/foods/{ndb}', () => {
  it('returns nutrients, measures, tags with certainty and rationale, and inflammation', async () => {
    const res = await getFood(authedRequest('http://localhost/api/foods/16123'), ctx('16123'));
    expect(res.status).toBe(200);
    const food = (await res.json()) as {
      ndb: string;
      nutrientsPer100g: Record<string, number | null>;
      measures: unknown[];
      allergens: { code: string; certainty: string; rationale: string }[];
      inflammation: { class: string; evidence: string };
    };
    expect(food.ndb).toBe('16123');
    expect(food.allergens.map((a) => a.code)).toEqual(
      expect.arrayContaining(['soy', 'wheat', 'gluten']),
    );
    for (const a of food.allergens) expect(a.rationale.length).toBeGreaterThan(5);
    expect(food.measures.length).toBeGreaterThan(0);
    expect(typeof food.nutrientsPer100g.energyKcal).toBe('number');
  });

  it('keeps unknown nutrients as null, never 0', async () => {
    // This canned soup has most vitamins empty in SR21's ABBREV.txt.
    const res = await getFood(authedRequest('http://localhost/api/foods/06427'), ctx('06427'));
    const food = (await res.json()) as { nutrientsPer100g: Record<string, number | null> };
    expect(Object.values(food.nutrientsPer100g)).toContain(null);
  });

  it('404s an unknown ndb and 400s a malformed one', async () => {
    expect(
      (await getFood(authedRequest('http://localhost/api/foods/99999'), ctx('99999'))).status,
    ).toBe(404);
    const bad = await getFood(authedRequest('http://localhost/api/foods/12'), ctx('12'));
    expect(bad.status).toBe(400);
    expect(
      ((await bad.json()) as { error: { fieldErrors: Record<string, unknown> } }).error.fieldErrors,
    ).toHaveProperty('ndb');
  });
});
