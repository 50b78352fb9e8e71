import { beforeAll, describe, expect, it } from 'vitest';
import { POST as swapMeal } from '@/app/api/plans/[id]/meals/[mealId]/swap/route';
import { POST as regenerate } from '@/app/api/plans/[id]/regenerate/route';
import { POST as createPlan } from '@/app/api/plans/route';
import { GET as getProfile, PATCH as patchProfile } from '@/app/api/profiles/[id]/route';
import { POST as createProfile, GET as listProfiles } from '@/app/api/profiles/route';
import { type Db, getDb } from '@/db/client';
import { loadPlannerRecipes } from '@/db/queries/planner-recipes';
import { saveReintroduction } from '@/db/queries/reintroduction';
import type { PlannerRecipe } from '@/lib/planner/types';
import type { ReintroductionState } from '@/lib/reintroduction/types';
import { authedRequest, jsonRequest, useFreshDatabase } from '../support/db';
import { ROOMY_LIMITS } from '../support/profiles';

type Meal = { id: string; slot: string; recipeSlug: string; leftoverOf: string | null };
type Plan = { id: number; version: number; days: { date: string; meals: Meal[] }[] };
type ErrorBody = {
  error: {
    code: string;
    message: string;
    fieldErrors?: Record<string, string[]>;
    details?: { violations?: { origin: string; reason: string }[] };
  };
};
type Profile = {
  id: number;
  updatedAt: string;
  personal: { allowed: unknown[]; excluded: unknown[] };
};

const pctx = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });
const mctx = (id: number, mealId: string) => ({
  params: Promise.resolve({ id: String(id), mealId }),
});

/**
 * Recipes that only their black pepper (a berry spice, back in AIP stage 1) keeps out of AIP
 * elimination, with a slot each fits; a week may already have one, so `peppered` picks the other.
 */
const PEPPERED = [
  ['sardines-on-sweet-potato-toast-with-avocado-and-lemon', 'breakfast'],
  ['sardine-and-chive-spread-with-cucumber-and-carrot-sticks', 'snack'],
] as const;

/** A peppered recipe the week does not have yet, and a cooked meal of its slot to swap it into. */
function peppered(plan: Plan): { meal: Meal; slug: string } {
  const meals = plan.days.flatMap((d) => d.meals);
  const [slug, slot] = PEPPERED.find(([s]) => !meals.some((m) => m.recipeSlug === s))!;
  return { slug, meal: meals.find((m) => m.slot === slot && !m.leftoverOf)! };
}
/** Ghee-fried eggs: AIP maintenance allows every food of it. */
const EGGS = 'ghee-fried-eggs-with-sweet-potato-hash-and-spinach';

let db: Db;
let recipes: Map<string, PlannerRecipe>;

beforeAll(async () => {
  await useFreshDatabase();
  db = getDb();
  recipes = new Map((await loadPlannerRecipes(db)).map((r) => [r.slug, r]));
});

async function newProfile(body: Record<string, unknown>): Promise<number> {
  const res = await createProfile(
    jsonRequest('/api/profiles', 'POST', { ...ROOMY_LIMITS, name: 'Personal', ...body }),
  );
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

async function profileOf(id: number): Promise<Profile> {
  return (await (await getProfile(authedRequest('http://localhost'), pctx(id))).json()) as Profile;
}

async function patch(id: number, body: unknown) {
  return patchProfile(jsonRequest(`/api/profiles/${id}`, 'PATCH', body), pctx(id));
}

async function planFor(profileId: number, seed = 5): Promise<Plan> {
  const res = await createPlan(
    jsonRequest('/api/plans', 'POST', { profileId, weekStart: '2026-11-30', seed, replace: true }),
  );
  expect(res.status).toBe(201);
  return (await res.json()) as Plan;
}

const firstBreakfast = (plan: Plan) =>
  plan.days.flatMap((d) => d.meals).find((m) => m.slot === 'breakfast' && !m.leftoverOf)!;

function expectSwapped(res: { status: number; body: unknown }) {
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** The swap's status and body. */
async function swap(plan: Plan, mealId: string, recipeSlug: string) {
  const res = await swapMeal(
    jsonRequest(`/api/plans/${plan.id}/meals/${mealId}/swap`, 'POST', { recipeSlug }),
    mctx(plan.id, mealId),
  );
  const body: unknown = await res.json();
  return { status: res.status, body };
}

/** Every planned food carrying tag `code`, read from the catalog, not from the planner. */
function foodsTagged(plan: Plan, code: string): string[] {
  return plan.days.flatMap((d) =>
    d.meals.flatMap((m) =>
      (recipes.get(m.recipeSlug)?.ingredients ?? [])
        .filter((f) => f.tags.some((t) => t.code === code))
        .map((f) => `${m.recipeSlug}: ${f.name}`),
    ),
  );
}

describe('personal list validation', () => {
  const cases: [string, unknown, string, RegExp][] = [
    [
      'an unknown group',
      { allowed: [{ kind: 'group', code: 'cheese-puffs' }], excluded: [] },
      'personal.allowed[0].code',
      /unknown food group "cheese-puffs"/,
    ],
    [
      'an unknown concept',
      {
        allowed: [],
        excluded: [
          { kind: 'concept', code: 'salmon' },
          { kind: 'concept', code: 'salmonberry' },
        ],
      },
      'personal.excluded[1].code',
      /unknown food concept "salmonberry"/,
    ],
    [
      'an unknown food',
      { allowed: [{ kind: 'food', code: '99998' }], excluded: [] },
      'personal.allowed[0].code',
      /unknown food "99998"/,
    ],
    [
      'an entry both allowed and kept out',
      {
        allowed: [{ kind: 'group', code: 'egg-yolk' }],
        excluded: [{ kind: 'group', code: 'egg-yolk' }],
      },
      'personal.excluded[0].code',
      /both allowed and kept out/,
    ],
  ];

  it('POST refuses each with a 400 naming the entry, and creates nothing', async () => {
    const before = (
      (await (await listProfiles(authedRequest('/api/profiles'))).json()) as { items: unknown[] }
    ).items.length;
    for (const [what, personal, field, message] of cases) {
      const res = await createProfile(
        jsonRequest('/api/profiles', 'POST', { name: 'x', personal }),
      );
      expect(res.status, what).toBe(400);
      const body = (await res.json()) as ErrorBody;
      expect(Object.keys(body.error.fieldErrors ?? {}), what).toEqual([field]);
      expect(body.error.fieldErrors?.[field]?.[0], what).toMatch(message);
    }
    const after = (
      (await (await listProfiles(authedRequest('/api/profiles'))).json()) as { items: unknown[] }
    ).items.length;
    expect(after).toBe(before);
  });

  it('PATCH refuses each with a 400 naming the entry, and saves nothing', async () => {
    const id = await newProfile({ protocol: 'aip', phase: 'maintenance' });
    const stored = await profileOf(id);
    for (const [what, personal, field, message] of cases) {
      const res = await patch(id, { name: 'Renamed', personal });
      expect(res.status, what).toBe(400);
      const body = (await res.json()) as ErrorBody;
      expect(body.error.fieldErrors?.[field]?.[0], what).toMatch(message);
      expect(await profileOf(id), what).toEqual(stored);
    }
  });

  it('PATCH saves a valid list with its sources and doses', async () => {
    const id = await newProfile({ protocol: 'low-fodmap' });
    const personal = {
      allowed: [
        {
          kind: 'group',
          code: 'fodmap-lactose',
          maxDoseG: 250,
          source: { challengeId: 'lactose', from: '2026-11-20', to: '2026-11-25' },
        },
      ],
      excluded: [
        { kind: 'concept', code: 'salmon' },
        { kind: 'food', code: '01125' },
      ],
    };
    const res = await patch(id, { personal });
    expect(res.status).toBe(200);
    expect((await profileOf(id)).personal).toEqual({
      allowed: [{ ...personal.allowed[0], label: undefined }].map(({ label: _, ...e }) => e),
      excluded: personal.excluded.map((e) => ({ ...e, maxDoseG: null, source: null })),
    });
  });
});

describe('plans honor the personal list', () => {
  it('a plan on AIP maintenance after excluding egg yolks and eggs has none, and a swap to eggs says why', async () => {
    const id = await newProfile({ protocol: 'aip', phase: 'maintenance' });
    const open = await planFor(id);
    // Eggs are in reach before: the swap to ghee-fried eggs is accepted.
    expect((await swap(open, firstBreakfast(open).id, EGGS)).status).toBe(200);
    const res = await patch(id, {
      personal: {
        allowed: [],
        excluded: [
          {
            kind: 'group',
            code: 'egg-yolk',
            source: { challengeId: 'egg-yolk', from: '2026-11-02', to: '2026-11-05' },
          },
          { kind: 'group', code: 'egg' },
        ],
      },
    });
    expect(res.status).toBe(200);
    const plan = await planFor(id);
    expect(foodsTagged(plan, 'egg-yolk')).toEqual([]);
    expect(foodsTagged(plan, 'egg')).toEqual([]);
    const refused = await swap(plan, firstBreakfast(plan).id, EGGS);
    expect(refused.status).toBe(422);
    const body = refused.body as ErrorBody;
    expect(body.error.code).toBe('not-compliant');
    expect(body.error.message).toContain('on your personal list');
    expect(body.error.details?.violations?.map((v) => v.origin)).toEqual(
      expect.arrayContaining(['personal']),
    );
    // Regeneration keeps them out too.
    const again = await regenerate(
      jsonRequest(`/api/plans/${plan.id}/regenerate`, 'POST', { scope: 'week', seed: 9 }),
      pctx(plan.id),
    );
    expect(again.status).toBe(200);
    expect(foodsTagged((await again.json()) as Plan, 'egg')).toEqual([]);
  });

  it('an allowed group in AIP elimination lets a recipe with it be chosen', async () => {
    const id = await newProfile({ protocol: 'aip', phase: 'elimination' });
    const plan = await planFor(id);
    const { meal, slug } = peppered(plan);
    const refused = await swap(plan, meal.id, slug);
    expect(refused.status).toBe(422);
    expect((refused.body as ErrorBody).error.message).toContain('not in AIP');
    const res = await patch(id, {
      personal: { allowed: [{ kind: 'group', code: 'berry-spice' }] },
    });
    expect(res.status).toBe(200);
    const swapped = await swap(plan, meal.id, slug);
    expectSwapped(swapped);
    const after = swapped.body as Plan;
    expect(after.days.flatMap((d) => d.meals).find((m) => m.id === meal.id)?.recipeSlug).toBe(slug);
  });

  it('during a reintroduction plans stay on the elimination background plus the allowed list', async () => {
    const id = await newProfile({ protocol: 'aip', phase: 'reintroduction-1' });
    const plan = await planFor(id);
    // Stage 1 on its own brings every berry spice back at once.
    expect(foodsTagged(plan, 'berry-spice').length).toBeGreaterThan(0);
    const state: ReintroductionState = {
      protocol: 'aip',
      startedOn: '2026-11-16',
      pausedOn: null,
      challenges: [
        {
          id: 'berry-spices',
          challenge: 'berry-spices',
          status: 'pending',
          startOn: null,
          outcome: null,
          maxDoseG: null,
          decidedOn: null,
        },
      ],
    };
    await db.transaction((tx) => saveReintroduction(tx, id, state, '2026-11-29T08:00:00Z'));
    const planned = await planFor(id, 6);
    // The new week is planned on the elimination background: no berry spice in it.
    expect(foodsTagged(planned, 'berry-spice')).toEqual([]);
    const { meal, slug } = peppered(planned);
    const refused = await swap(planned, meal.id, slug);
    expect(refused.status).toBe(422);
    expect((refused.body as ErrorBody).error.message).toContain('AIP · Elimination');
    const allowed = { personal: { allowed: [{ kind: 'group', code: 'berry-spice' }] } };
    expect((await patch(id, allowed)).status).toBe(200);
    expectSwapped(await swap(planned, meal.id, slug));
    // Once every challenge is decided, the profile's own phase applies again.
    const done = {
      ...state,
      challenges: state.challenges.map((c) => ({ ...c, status: 'done' as const })),
    };
    await db.transaction((tx) => saveReintroduction(tx, id, done, '2026-12-06T08:00:00Z'));
    expect((await patch(id, { personal: { allowed: [] } })).status).toBe(200);
    const later = await planFor(id, 7);
    expect(foodsTagged(later, 'berry-spice').length).toBeGreaterThan(0);
  });
});
