import { beforeAll, describe, expect, it } from 'vitest';
import { GET as foodConcepts } from '@/app/api/food-concepts/route';
import { POST as createPlan } from '@/app/api/plans/route';
import { GET as getProfile, PATCH as patchProfile } from '@/app/api/profiles/[id]/route';
import { POST as createProfile } from '@/app/api/profiles/route';
import { GET as getRecipe } from '@/app/api/recipes/[slug]/route';
import { authedRequest, jsonRequest, useFreshDatabase } from '../support/db';
import { ROOMY_LIMITS } from '../support/profiles';

type Plan = { days: { meals: { recipeSlug: string }[] }[] };
const SEEDS = [1, 2, 3, 4, 5, 6];
const pctx = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });
const ingredientNames = new Map<string, string[]>();

/** The USDA names of a recipe's ingredients, from the recipe API. */
async function ingredientsOf(slug: string): Promise<string[]> {
  const known = ingredientNames.get(slug);
  if (known) return known;
  const res = await getRecipe(authedRequest(`http://localhost/api/recipes/${slug}`), {
    params: Promise.resolve({ slug }),
  });
  const r = (await res.json()) as { ingredients: { name: string }[] };
  const names = r.ingredients.map((i) => i.name);
  ingredientNames.set(slug, names);
  return names;
}

async function newProfile(body: Record<string, unknown>): Promise<number> {
  const res = await createProfile(
    jsonRequest('/api/profiles', 'POST', { ...ROOMY_LIMITS, ...body }),
  );
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

/** Ingredient names of every planned meal, over the seeds (a fresh plan of the week each). */
async function plannedIngredients(profileId: number): Promise<string[]> {
  const out: string[] = [];
  for (const seed of SEEDS) {
    const res = await createPlan(
      jsonRequest('/api/plans', 'POST', {
        profileId,
        weekStart: '2026-11-30',
        seed,
        replace: true,
      }),
    );
    expect(res.status).toBe(201);
    const plan = (await res.json()) as Plan;
    for (const m of plan.days.flatMap((d) => d.meals))
      out.push(...(await ingredientsOf(m.recipeSlug)));
  }
  return out;
}

// Independent of the concept data: a food is salmon when its USDA name says so.
const isSalmon = (name: string) => /\bsalmon\b/i.test(name) && !/salmonberr/i.test(name);
const base = { protocol: 'whole30', diet: 'pescatarian', householdSize: 1 };

beforeAll(async () => {
  await useFreshDatabase();
});

describe('dislikedConcepts', () => {
  it('a pescatarian week plans salmon without the concept, and never with it', async () => {
    const open = await newProfile({ ...base, name: 'Likes salmon' });
    expect((await plannedIngredients(open)).some(isSalmon)).toBe(true);

    const id = await newProfile({ ...base, name: 'No salmon', dislikedConcepts: ['salmon'] });
    const read = (await (await getProfile(authedRequest('http://localhost'), pctx(id))).json()) as {
      dislikes: string[];
      dislikedConcepts: string[];
    };
    expect(read).toMatchObject({ dislikes: [], dislikedConcepts: ['salmon'] });
    const names = await plannedIngredients(id);
    expect(names.length).toBeGreaterThan(100);
    expect(names.filter(isSalmon)).toEqual([]);
  });

  it('refuses an unknown concept with a 400 naming dislikedConcepts', async () => {
    const res = await createProfile(
      jsonRequest('/api/profiles', 'POST', { name: 'x', dislikedConcepts: ['salmonberry'] }),
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { fieldErrors: Record<string, string[]> } };
    expect(body.error.fieldErrors.dislikedConcepts?.[0]).toMatch(
      /unknown food concept "salmonberry"/,
    );
    const id = await newProfile({ name: 'Patch me' });
    const patched = await patchProfile(
      jsonRequest('/', 'PATCH', { dislikedConcepts: ['Salmon!'] }),
      pctx(id),
    );
    expect(patched.status).toBe(400);
    expect(
      Object.keys(((await patched.json()) as { error: { fieldErrors: object } }).error.fieldErrors),
    ).toContain('dislikedConcepts.0');
  });

  it('GET /api/food-concepts offers "salmon (all kinds)" for "salm", with its food count', async () => {
    const res = await foodConcepts(authedRequest('http://localhost/api/food-concepts?q=salm'));
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as {
      items: { id: string; label: string; foodCount: number }[];
    };
    expect(items.map((i) => i.id)).toEqual(['salmon']);
    expect(items[0]).toMatchObject({ label: 'salmon (all kinds)' });
    expect(items[0]!.foodCount).toBeGreaterThan(30);
    const bad = await foodConcepts(
      authedRequest(`http://localhost/api/food-concepts?q=${'x'.repeat(101)}`),
    );
    expect(bad.status).toBe(400);
  });
});
