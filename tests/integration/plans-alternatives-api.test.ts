import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getAlternatives } from '@/app/api/plans/[id]/meals/[mealId]/alternatives/route';
import { POST as swapMeal } from '@/app/api/plans/[id]/meals/[mealId]/swap/route';
import { POST as createPlan } from '@/app/api/plans/route';
import { POST as createProfile } from '@/app/api/profiles/route';
import { GET as getRecipe } from '@/app/api/recipes/[slug]/route';
import { authedRequest, jsonRequest, useFreshDatabase } from '../support/db';
import { ROOMY_LIMITS } from '../support/profiles';

type Meal = {
  id: string;
  slot: string;
  recipeSlug: string;
  leftoverOf: string | null;
  energyKcal: number;
  proteinG: number;
  portion: number;
};
type Plan = { id: number; days: { date: string; meals: Meal[]; totals: { energyKcal: number } }[] };
type Item = {
  recipeSlug: string;
  recipeName: string;
  scoreDelta: number;
  energyDeltaKcal: number;
  proteinDeltaG: number;
  itemsToBuyDelta: number;
  energyKcal: number;
  proteinG: number;
  totalMinutes: number;
  portion: number;
  inWeek: boolean;
};
type Blocker = { limit: string; recipes: number; message: string };
type Body = { items: Item[]; total: number; available: number; blockedBy: Blocker[] };
type ErrorBody = {
  error: { code: string; message: string; fieldErrors?: Record<string, string[]> };
};

const mctx = (id: number, mealId: string) => ({
  params: Promise.resolve({ id: String(id), mealId }),
});
const allMeals = (p: Plan) => p.days.flatMap((d) => d.meals);

async function alternatives(plan: Plan, mealId: string, query = '') {
  return getAlternatives(
    authedRequest(`http://localhost/api/plans/${plan.id}/meals/${mealId}/alternatives${query}`),
    mctx(plan.id, mealId),
  );
}

async function ok(plan: Plan, mealId: string, query = ''): Promise<Body> {
  const res = await alternatives(plan, mealId, query);
  expect(res.status).toBe(200);
  return (await res.json()) as Body;
}

/** Whether an ingredient of the recipe names `word` (q matches ingredient names too). */
async function ingredientsMention(item: Item, word: string): Promise<boolean> {
  const res = await getRecipe(authedRequest('http://localhost'), {
    params: Promise.resolve({ slug: item.recipeSlug }),
  });
  const recipe = (await res.json()) as { ingredients: unknown[] };
  return JSON.stringify(recipe.ingredients).toLowerCase().includes(word);
}

let plan: Plan;
/** A dinner with more alternatives than the default limit, so filters have something to narrow. */
let dinner: Meal;

beforeAll(async () => {
  await useFreshDatabase();
  const res = await createProfile(
    jsonRequest('/api/profiles', 'POST', {
      ...ROOMY_LIMITS,
      name: 'Gut reset, no fish',
      protocol: 'gut-reset',
      allergens: ['fish'],
      householdSize: 2,
    }),
  );
  const profileId = ((await res.json()) as { id: number }).id;
  const made = await createPlan(
    jsonRequest('/api/plans', 'POST', { profileId, weekStart: '2026-11-30', seed: 3 }),
  );
  plan = (await made.json()) as Plan;
  let best: { meal: Meal; n: number } | null = null;
  for (const meal of allMeals(plan).filter((m) => m.slot === 'dinner' && !m.leftoverOf)) {
    const { total } = await ok(plan, meal.id, '?limit=50');
    if (!best || total > best.n) best = { meal, n: total };
  }
  dinner = best!.meal;
  expect(best!.n).toBeGreaterThan(10);
});

describe('GET …/alternatives query parameters', () => {
  it('answers 400 naming the field for each bad value, and for an unknown parameter', async () => {
    const cases: [string, string][] = [
      ['?limit=51', 'limit'],
      ['?limit=0', 'limit'],
      ['?limit=ten', 'limit'],
      ['?maxMinutes=0', 'maxMinutes'],
      ['?maxMinutes=12.5', 'maxMinutes'],
      ['?maxKcal=lots', 'maxKcal'],
      ['?maxKcal=-5', 'maxKcal'],
      [`?q=${'a'.repeat(101)}`, 'q'],
      // An unknown key is reported on the query as a whole (as on every route); the message names it.
      ['?sort=kcal', '_root'],
    ];
    for (const [query, field] of cases) {
      const res = await alternatives(plan, dinner.id, query);
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as ErrorBody;
      expect(Object.keys(body.error.fieldErrors ?? {}), query).toContain(field);
      expect(body.error.message, query).toContain(field === '_root' ? 'sort' : field);
    }
  });

  it('keeps the ten best by default and returns up to limit, best first', async () => {
    const ten = await ok(plan, dinner.id);
    const all = await ok(plan, dinner.id, '?limit=50');
    expect(ten.items).toHaveLength(10);
    expect(all.items.length).toBe(Math.min(50, all.total));
    expect(all.total).toBe(all.available);
    expect(all.items.slice(0, 10)).toEqual(ten.items);
    for (let i = 1; i < all.items.length; i++) {
      expect(all.items[i]!.scoreDelta).toBeGreaterThanOrEqual(all.items[i - 1]!.scoreDelta);
    }
    expect(all.blockedBy).toEqual([]);
  });

  it('narrows by maxMinutes, maxKcal and q, keeping the order of the unfiltered list', async () => {
    const full = await ok(plan, dinner.id, '?limit=50');
    const all = full.items;
    const minutes = all.map((a) => a.totalMinutes).sort((a, b) => a - b);
    const kcals = all.map((a) => a.energyKcal).sort((a, b) => a - b);
    const maxMinutes = minutes[Math.floor(minutes.length / 2)]!;
    const maxKcal = Math.round(kcals[Math.floor(kcals.length / 2)]!);
    const word = all[0]!.recipeName
      .split(/\s+/)
      .find((w) => w.length >= 4)!
      .toLowerCase();
    const filters: [string, (a: Item) => boolean][] = [
      [`?limit=50&maxMinutes=${maxMinutes}`, (a) => a.totalMinutes <= maxMinutes],
      [`?limit=50&maxKcal=${maxKcal}`, (a) => a.energyKcal <= maxKcal],
      [
        `?limit=50&q=${encodeURIComponent(word.toUpperCase())}`,
        (a) => a.recipeName.toLowerCase().includes(word),
      ],
    ];
    for (const [query, keeps] of filters) {
      const body = await ok(plan, dinner.id, query);
      expect(body.items.length, query).toBeGreaterThan(0);
      expect(body.total, query).toBeLessThan(full.total);
      // Only recipes of the unfiltered ranking that pass, in its order: never a new recipe. The
      // unfiltered list is cut at 50, so what passes there comes first and the rest ranked lower.
      const top = all.map((a) => a.recipeSlug);
      const got = body.items.map((a) => a.recipeSlug);
      for (const item of body.items) {
        const passes =
          keeps(item) || (query.includes('q=') && (await ingredientsMention(item, word)));
        expect(passes, `${query} ${item.recipeSlug}`).toBe(true);
      }
      const inTop = got.filter((s) => top.includes(s));
      expect(got.slice(0, inTop.length), query).toEqual(inTop);
      expect(inTop, query).toEqual(top.filter((s) => got.includes(s)));
      // q also matches ingredient names, so it may keep more than the names show.
      if (!query.includes('q=')) {
        expect(inTop, query).toEqual(all.filter(keeps).map((a) => a.recipeSlug));
      } else {
        for (const slug of all.filter(keeps).map((a) => a.recipeSlug)) expect(got).toContain(slug);
      }
      expect(body.available).toBe(full.available);
    }
    const both = await ok(plan, dinner.id, `?limit=50&maxMinutes=${maxMinutes}&maxKcal=${maxKcal}`);
    for (const a of both.items) {
      expect(a.totalMinutes).toBeLessThanOrEqual(maxMinutes);
      expect(a.energyKcal).toBeLessThanOrEqual(maxKcal);
    }
    const top = all.map((a) => a.recipeSlug);
    expect(both.items.map((a) => a.recipeSlug).filter((s) => top.includes(s))).toEqual(
      all
        .filter((a) => a.totalMinutes <= maxMinutes && a.energyKcal <= maxKcal)
        .map((a) => a.recipeSlug),
    );
  });

  it('explains an empty list by the filters when the rules leave alternatives', async () => {
    const body = await ok(plan, dinner.id, '?q=zzzzqx');
    expect(body.items).toEqual([]);
    expect(body.total).toBe(0);
    expect(body.blockedBy).toHaveLength(1);
    expect(body.blockedBy[0]!.limit).toBe('filters');
    expect(body.blockedBy[0]!.recipes).toBe(body.available);
    expect(body.blockedBy[0]!.message).toContain('zzzzqx');
  });

  it('every meal either has alternatives or names what blocks them', async () => {
    for (const meal of allMeals(plan)) {
      const body = await ok(plan, meal.id);
      if (body.items.length > 0) expect(body.blockedBy).toEqual([]);
      else {
        expect(body.blockedBy.length, meal.id).toBeGreaterThan(0);
        expect(body.blockedBy.map((b) => b.limit)).not.toContain('filters');
      }
    }
  });

  it('filtered candidates stay compliant: no fish, each swaps in, at the energy and protein shown', async () => {
    const all = (await ok(plan, dinner.id, '?limit=50')).items;
    const maxKcal = Math.round(all.map((a) => a.energyKcal).sort((a, b) => a - b)[3]!);
    const body = await ok(plan, dinner.id, `?limit=50&maxKcal=${maxKcal}`);
    expect(body.items.length).toBeGreaterThan(0);
    for (const item of body.items) {
      const res = await getRecipe(authedRequest('http://localhost'), {
        params: Promise.resolve({ slug: item.recipeSlug }),
      });
      const recipe = (await res.json()) as { allergens: { code: string }[]; mealTypes: string[] };
      expect(recipe.allergens.map((a) => a.code)).not.toContain('fish');
      expect(recipe.mealTypes).toContain('dinner');
    }
    // Swapping in the last filtered candidate gives the meal and day the candidate described.
    const pick = body.items.at(-1)!;
    const dayBefore = plan.days.find((d) => d.meals.some((m) => m.id === dinner.id))!;
    const swapped = await swapMeal(
      jsonRequest('/', 'POST', { recipeSlug: pick.recipeSlug }),
      mctx(plan.id, dinner.id),
    );
    expect(swapped.status).toBe(200);
    const after = (await swapped.json()) as Plan;
    const meal = allMeals(after).find((m) => m.id === dinner.id)!;
    expect(meal.recipeSlug).toBe(pick.recipeSlug);
    expect(meal.portion).toBe(pick.portion);
    // The plan rounds a meal's energy to whole kcal, alternatives to 0.1 kcal.
    expect(Math.abs(meal.energyKcal - pick.energyKcal)).toBeLessThanOrEqual(0.55);
    expect(meal.proteinG).toBeCloseTo(pick.proteinG, 0);
    const dayAfter = after.days.find((d) => d.date === dayBefore.date)!;
    expect(dayAfter.totals.energyKcal - dayBefore.totals.energyKcal).toBeCloseTo(
      pick.energyDeltaKcal,
      0,
    );
    plan = after;
  });

  it('offers no recipe already served at another meal of the week (each is cooked once)', async () => {
    const body = await ok(plan, dinner.id, '?limit=50');
    const elsewhere = new Set(
      allMeals(plan)
        .filter((m) => m.id !== dinner.id)
        .map((m) => m.recipeSlug),
    );
    expect(body.items.length).toBeGreaterThan(0);
    for (const item of body.items) {
      expect(item.inWeek, item.recipeSlug).toBe(false);
      expect(elsewhere.has(item.recipeSlug), item.recipeSlug).toBe(false);
    }
  });
});
