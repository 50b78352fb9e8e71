import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getAlternatives } from '@/app/api/plans/[id]/meals/[mealId]/alternatives/route';
import { PATCH as lockMeal } from '@/app/api/plans/[id]/meals/[mealId]/route';
import { POST as swapMeal } from '@/app/api/plans/[id]/meals/[mealId]/swap/route';
import { POST as regenerate } from '@/app/api/plans/[id]/regenerate/route';
import { GET as getPlan } from '@/app/api/plans/[id]/route';
import { POST as createPlan, GET as listPlans } from '@/app/api/plans/route';
import {
  DELETE as deleteProfile,
  GET as getProfile,
  PATCH as patchProfile,
} from '@/app/api/profiles/[id]/route';
import { POST as createProfile } from '@/app/api/profiles/route';
import { GET as getRecipe } from '@/app/api/recipes/[slug]/route';
import { authedRequest, jsonRequest, useFreshDatabase } from '../support/db';
import { ROOMY_LIMITS } from '../support/profiles';

type Meal = {
  id: string;
  slot: string;
  recipeSlug: string;
  servings: number;
  locked: boolean;
  leftoverOf: string | null;
  batch: { cookedOn: string; portion: number; of: number; frozen: boolean } | null;
};
type Plan = {
  id: number;
  profileId: number;
  weekStart: string;
  seed: number;
  days: { date: string; meals: Meal[]; totals: { energyKcal: number } }[];
};
type ErrorBody = {
  error: {
    code: string;
    message: string;
    fieldErrors?: Record<string, string[]>;
    details?: unknown;
  };
};

const WEEK = '2026-11-30';
const pctx = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) });
const mctx = (id: number, mealId: string) => ({
  params: Promise.resolve({ id: String(id), mealId }),
});

async function newProfile(body: Record<string, unknown>): Promise<number> {
  const res = await createProfile(jsonRequest('/api/profiles', 'POST', body));
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

/** A fresh plan for WEEK, replacing the profile's plan of that week when a test made one. */
async function newPlan(profileId: number, seed = 7): Promise<Plan> {
  const res = await createPlan(
    jsonRequest('/api/plans', 'POST', { profileId, weekStart: WEEK, seed, replace: true }),
  );
  expect(res.status).toBe(201);
  return (await res.json()) as Plan;
}

async function recipeAllergens(slug: string): Promise<string[]> {
  const res = await getRecipe(authedRequest(`http://localhost/api/recipes/${slug}`), {
    params: Promise.resolve({ slug }),
  });
  const r = (await res.json()) as { allergens: { code: string }[] };
  return r.allergens.map((a) => a.code);
}

const allMeals = (p: Plan) => p.days.flatMap((d) => d.meals);

let aipFishFree: number;

beforeAll(async () => {
  await useFreshDatabase();
  aipFishFree = await newProfile({
    name: 'AIP, no fish',
    protocol: 'aip',
    phase: 'elimination',
    allergens: ['fish'],
    householdSize: 2,
    // the default two weekday sessions leave AIP too few no-cook breakfasts and lunches, and
    // an hour of hands-on cooking for four meals leaves a swap few dinners to choose from
    cooking: { weekday: { sessions: 4, activeMinutes: 120 } },
  });
});

describe('profiles', () => {
  it('creates with defaults and computed targets, reads, patches and deletes', async () => {
    const id = await newProfile({ name: 'Defaults' });
    const got = (await (
      await getProfile(authedRequest('http://localhost'), pctx(id))
    ).json()) as Record<string, unknown> & { targets: { energyKcal: number; fiberG: number } };
    expect(got).toMatchObject({
      name: 'Defaults',
      householdSize: 1,
      protocol: 'aip',
      phase: 'elimination',
      diet: 'omnivore',
      leftovers: true,
    });
    expect(got.targets.energyKcal).toBe(2000);
    expect(got.targets.fiberG).toBe(28);
    const patched = await patchProfile(
      jsonRequest(`/api/profiles/${id}`, 'PATCH', {
        body: { sex: 'female', ageYears: 30, heightCm: 165, weightKg: 60, activity: 'moderate' },
      }),
      pctx(id),
    );
    expect(patched.status).toBe(200);
    // Mifflin-St Jeor: 10*60 + 6.25*165 - 5*30 - 161 = 1320.25; x1.55 = 2046.4 -> 2050.
    expect(((await patched.json()) as { targets: { energyKcal: number } }).targets.energyKcal).toBe(
      2050,
    );
    expect(got.maxProteinMeals).toBe(3);
    expect(got.cooking).toEqual({
      weekday: { sessions: 2, activeMinutes: 60 },
      weekend: { sessions: 3, activeMinutes: 120 },
    });
    // one part of one day's cooking budget: the rest stays as stored
    const cooking = await patchProfile(
      jsonRequest(`/api/profiles/${id}`, 'PATCH', { cooking: { weekday: { sessions: 3 } } }),
      pctx(id),
    );
    expect(cooking.status).toBe(200);
    expect(((await cooking.json()) as { cooking: unknown }).cooking).toEqual({
      weekday: { sessions: 3, activeMinutes: 60 },
      weekend: { sessions: 3, activeMinutes: 120 },
    });
    expect((await deleteProfile(authedRequest('http://localhost'), pctx(id))).status).toBe(204);
    expect((await getProfile(authedRequest('http://localhost'), pctx(id))).status).toBe(404);
  });

  it.each([
    [{}, 'name'],
    [{ name: 'x', householdSize: 0 }, 'householdSize'],
    [{ name: 'x', allergens: ['shrimp'] }, 'allergens.0'],
    [{ name: 'x', protocol: 'keto' }, 'protocol'],
    [{ name: 'x', protocol: 'aip', phase: 'forever' }, 'phase'],
    [{ name: 'x', diet: 'carnivore' }, 'diet'],
    [{ name: 'x', dislikes: ['99999'] }, 'dislikes'],
    [
      {
        name: 'x',
        body: { sex: 'female', ageYears: 30, heightCm: 165, weightKg: 10, activity: 'light' },
      },
      'body.weightKg',
    ],
    [{ name: 'x', slots: [] }, 'slots'],
    [{ name: 'x', surprise: true }, '_root'],
  ])('rejects %j with a 400 naming %s', async (body, field) => {
    const res = await createProfile(jsonRequest('/api/profiles', 'POST', body));
    expect(res.status).toBe(400);
    const err = (await res.json()) as ErrorBody;
    expect(Object.keys(err.error.fieldErrors ?? {})).toContain(field);
  });

  it('rejects a body that is not JSON', async () => {
    const res = await createProfile(jsonRequest('/api/profiles', 'POST', '{not json'));
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.fieldErrors).toHaveProperty('body');
  });

  it('404s unknown and 400s malformed ids', async () => {
    expect((await getProfile(authedRequest('http://localhost'), pctx(424242))).status).toBe(404);
    expect((await getProfile(authedRequest('http://localhost'), pctx('abc'))).status).toBe(400);
  });
});

describe('plans', () => {
  it('generates a full week for AIP + fish allergy + household of 2, with no fish anywhere', async () => {
    const plan = await newPlan(aipFishFree);
    expect(plan.weekStart).toBe(WEEK);
    expect(plan.days).toHaveLength(7);
    for (const day of plan.days)
      expect(day.meals.map((m) => m.slot).sort()).toEqual([
        'breakfast',
        'dinner',
        'lunch',
        'snack',
      ]);
    for (const m of allMeals(plan)) {
      expect(await recipeAllergens(m.recipeSlug)).not.toContain('fish');
      expect(m.servings).toBeGreaterThanOrEqual(1);
    }
    const again = await getPlan(authedRequest('http://localhost'), pctx(plan.id));
    expect(((await again.json()) as Plan).days).toEqual(plan.days);
    const listed = (await (
      await listPlans(authedRequest(`http://localhost/api/plans?profileId=${aipFishFree}`))
    ).json()) as { items: { id: number }[] };
    expect(listed.items.map((p) => p.id)).toContain(plan.id);
  });

  it('says where each meal sits in its batch: the cooking meal first, its leftovers in week order', async () => {
    const withLeftovers = await newProfile({
      name: 'Batch cook',
      protocol: 'six-food',
      phase: 'elimination',
      householdSize: 2,
      leftovers: true,
      ...ROOMY_LIMITS,
    });
    let batches = 0;
    for (const seed of [1, 2, 3]) {
      const meals = allMeals(await newPlan(withLeftovers, seed));
      for (const meal of meals) {
        const fed = meals.filter((m) => m.leftoverOf === meal.id);
        if (meal.leftoverOf !== null) {
          const source = meals.find((m) => m.id === meal.leftoverOf)!;
          const siblings = meals.filter((m) => m.leftoverOf === source.id);
          expect(meal.batch).toMatchObject({
            cookedOn: source.id.slice(0, 10),
            portion: siblings.indexOf(meal) + 2,
            of: siblings.length + 1,
          });
        } else if (fed.length > 0) {
          batches++;
          expect(fed.length).toBeLessThanOrEqual(2);
          expect(meal.batch).toEqual({
            cookedOn: meal.id.slice(0, 10),
            portion: 1,
            of: fed.length + 1,
            frozen: false,
          });
        } else {
          expect(meal.batch).toBeNull();
        }
      }
    }
    expect(batches).toBeGreaterThan(0);
  });

  it('gives the same plan for the same seed', async () => {
    const a = await newPlan(aipFishFree, 99);
    const b = await newPlan(aipFishFree, 99);
    expect(allMeals(a).map((m) => m.recipeSlug)).toEqual(allMeals(b).map((m) => m.recipeSlug));
  });

  it('answers an impossible profile with a 422 diagnosis, never a half plan', async () => {
    const id = await newProfile({
      name: 'Impossible',
      protocol: 'aip',
      diet: 'pescatarian',
      maxMinutes: { weekday: 5, weekend: 5 },
      // time is what it lacks, not cooking sessions
      ...ROOMY_LIMITS,
    });
    const res = await createPlan(
      jsonRequest('/api/plans', 'POST', { profileId: id, weekStart: WEEK }),
    );
    expect(res.status).toBe(422);
    const err = (await res.json()) as ErrorBody & {
      error: {
        details: {
          slots: { slot: string; blockers: unknown[] }[];
          suggestions: string[];
          fixes: { text: string }[];
        };
      };
    };
    expect(err.error.code).toBe('infeasible');
    expect(err.error.details.slots.length).toBeGreaterThan(0);
    // More time is what this profile lacks; fixes are tested further in plan-fixes-api.test.ts.
    expect(err.error.details.fixes.map((f) => f.text).join()).toMatch(/^Allow \d+ minutes/);
  });

  it('answers a combination the protocol declares impossible with its reason, before planning', async () => {
    const id = await newProfile({ name: 'AIP vegetarian', protocol: 'aip', diet: 'vegetarian' });
    const res = await createPlan(
      jsonRequest('/api/plans', 'POST', { profileId: id, weekStart: WEEK }),
    );
    expect(res.status).toBe(422);
    const err = (await res.json()) as ErrorBody & {
      error: { details: { slots: unknown[]; suggestions: string[] } };
    };
    expect(err.error.code).toBe('infeasible');
    expect(err.error.message).toContain(
      'AIP · Elimination and a vegetarian diet cannot be combined',
    );
    expect(err.error.message).toContain('no complete protein source');
    expect(err.error.message).toContain('clinician');
    expect(err.error.details).toEqual({
      slots: [],
      suggestions: ['Change the diet or the protocol phase'],
      fixes: [],
    });
  });

  it.each([
    [{ weekStart: WEEK }, 'profileId'],
    [{ profileId: 1, weekStart: '2026-02-30' }, 'weekStart'],
    [{ profileId: 1, weekStart: 'monday' }, 'weekStart'],
    [{ profileId: 1, weekStart: WEEK, seed: -1 }, 'seed'],
    [{ profileId: 1, weekStart: '2026-12-02' }, 'weekStart'],
    [{ profileId: 1, weekStart: WEEK, replace: 'yes' }, 'replace'],
  ])('rejects %j with a 400 naming %s', async (body, field) => {
    const res = await createPlan(jsonRequest('/api/plans', 'POST', body));
    expect(res.status).toBe(400);
    expect(Object.keys(((await res.json()) as ErrorBody).error.fieldErrors ?? {})).toContain(field);
  });

  it('404s a plan for an unknown profile, and an unknown plan', async () => {
    expect(
      (await createPlan(jsonRequest('/api/plans', 'POST', { profileId: 424242, weekStart: WEEK })))
        .status,
    ).toBe(404);
    expect((await getPlan(authedRequest('http://localhost'), pctx(424242))).status).toBe(404);
  });
});

describe('swap, lock, regenerate', () => {
  it('ranks alternatives, swaps to the top one, and refuses a non-compliant or unknown recipe', async () => {
    const plan = await newPlan(aipFishFree, 3);
    type Item = {
      recipeSlug: string;
      scoreDelta: number;
      energyDeltaKcal: number;
      proteinDeltaG: number;
      itemsToBuyDelta: number;
    };
    // The first cooked dinner that has alternatives: a day whose other meals already reach a
    // daily cap (sodium, fructose) may rightly have none, and which day that is depends on the
    // catalog.
    let found: { dinner: Meal; items: Item[] } | undefined;
    for (const dinner of allMeals(plan).filter((m) => m.slot === 'dinner' && !m.leftoverOf)) {
      const alt = await getAlternatives(
        authedRequest('http://localhost'),
        mctx(plan.id, dinner.id),
      );
      expect(alt.status).toBe(200);
      const { items } = (await alt.json()) as { items: Item[] };
      if (items.length > 0) {
        found = { dinner, items };
        break;
      }
    }
    expect(found).toBeDefined();
    const { dinner, items } = found!;
    expect(items.length).toBeLessThanOrEqual(10);
    for (let i = 1; i < items.length; i++)
      expect(items[i]!.scoreDelta).toBeGreaterThanOrEqual(items[i - 1]!.scoreDelta);
    const top = items[0]!;
    const swapped = await swapMeal(
      jsonRequest('/', 'POST', { recipeSlug: top.recipeSlug }),
      mctx(plan.id, dinner.id),
    );
    expect(swapped.status).toBe(200);
    const after = (await swapped.json()) as Plan;
    expect(allMeals(after).find((m) => m.id === dinner.id)?.recipeSlug).toBe(top.recipeSlug);

    // A fish dish is not allowed for this profile: 422, and the plan is unchanged.
    const { GET: listRecipes } = await import('@/app/api/recipes/route');
    const fishDinners = (await (
      await listRecipes(
        authedRequest('http://localhost/api/recipes?protocol=aip&mealType=dinner&limit=100'),
      )
    ).json()) as { items: { slug: string; allergens: { code: string }[] }[] };
    const fish = fishDinners.items.find((r) => r.allergens.some((a) => a.code === 'fish'))!;
    const refused = await swapMeal(
      jsonRequest('/', 'POST', { recipeSlug: fish.slug }),
      mctx(plan.id, dinner.id),
    );
    expect(refused.status).toBe(422);
    const unchanged = (await (
      await getPlan(authedRequest('http://localhost'), pctx(plan.id))
    ).json()) as Plan;
    expect(unchanged.days).toEqual(after.days);
    expect(
      (
        await swapMeal(
          jsonRequest('/', 'POST', { recipeSlug: 'no-such-recipe' }),
          mctx(plan.id, dinner.id),
        )
      ).status,
    ).toBe(404);
    expect((await swapMeal(jsonRequest('/', 'POST', {}), mctx(plan.id, dinner.id))).status).toBe(
      400,
    );
    expect(
      (await getAlternatives(authedRequest('http://localhost'), mctx(plan.id, '2020-01-01-dinner')))
        .status,
    ).toBe(404);
  });

  it('keeps locked meals through a week regeneration and replaces a day', async () => {
    const plan = await newPlan(aipFishFree, 11);
    const lunch = allMeals(plan).find((m) => m.slot === 'lunch' && !m.leftoverOf)!;
    const locked = await lockMeal(
      jsonRequest('/', 'PATCH', { locked: true }),
      mctx(plan.id, lunch.id),
    );
    expect(locked.status).toBe(200);
    const regen = await regenerate(
      jsonRequest('/', 'POST', { scope: 'week', seed: 12345 }),
      pctx(plan.id),
    );
    expect(regen.status).toBe(200);
    const after = (await regen.json()) as Plan;
    const kept = allMeals(after).find((m) => m.id === lunch.id)!;
    expect(kept).toMatchObject({ recipeSlug: lunch.recipeSlug, locked: true });

    const day = plan.days[2]!.date;
    const dayRes = await regenerate(
      jsonRequest('/', 'POST', { scope: 'day', date: day, seed: 5 }),
      pctx(plan.id),
    );
    expect(dayRes.status).toBe(200);
    const bad = await regenerate(jsonRequest('/', 'POST', { scope: 'day' }), pctx(plan.id));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).error.fieldErrors).toHaveProperty('date');
    const outside = await regenerate(
      jsonRequest('/', 'POST', { scope: 'day', date: '2030-01-01' }),
      pctx(plan.id),
    );
    expect(outside.status).toBe(400);
    expect(
      (await lockMeal(jsonRequest('/', 'PATCH', { locked: 'yes' }), mctx(plan.id, lunch.id)))
        .status,
    ).toBe(400);
  });
});
