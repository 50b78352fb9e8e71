import { beforeAll, describe, expect, it } from 'vitest';
import { PLAN_WRITE_ATTEMPTS, writePlan } from '@/app/_server/use-cases/plan-writes';
import { lockMeal as lockMealUseCase } from '@/app/_server/use-cases/plans';
import { GET as getAlternatives } from '@/app/api/plans/[id]/meals/[mealId]/alternatives/route';
import { PATCH as lockMeal } from '@/app/api/plans/[id]/meals/[mealId]/route';
import { POST as swapMeal } from '@/app/api/plans/[id]/meals/[mealId]/swap/route';
import { POST as regenerate } from '@/app/api/plans/[id]/regenerate/route';
import { GET as getPlan } from '@/app/api/plans/[id]/route';
import { POST as createPlan, GET as listPlans } from '@/app/api/plans/route';
import { POST as createProfile } from '@/app/api/profiles/route';
import { getDb } from '@/db/client';
import { replacePlanMeals, toWeekPlan } from '@/db/queries/plans';
import { ANY_VERSION } from '@/lib/http/preconditions';
import { planViewSchema } from '@/lib/planner/plan-view-schema';
import { authedRequest, jsonRequest, useFreshDatabase } from '../support/db';
import { ROOMY_LIMITS } from '../support/profiles';

type Meal = { id: string; slot: string; recipeSlug: string; locked: boolean };
type Plan = { id: number; version: number; days: { date: string; meals: Meal[] }[] };
type ErrorBody = { error: { code: string; message: string; details?: unknown } };

const WEEK = '2026-11-30';
const NOW = '2026-11-29T12:00:00.000Z';
const pctx = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });
const mctx = (id: number, mealId: string) => ({
  params: Promise.resolve({ id: String(id), mealId }),
});
const allMeals = (p: Plan) => p.days.flatMap((d) => d.meals);

/** A JSON request with an If-Match header (none when `ifMatch` is undefined). */
function conditional(method: string, body: unknown, ifMatch?: string): Request {
  const request = jsonRequest('/', method, body);
  if (ifMatch !== undefined) request.headers.set('if-match', ifMatch);
  return request;
}

async function read(planId: number): Promise<{ plan: Plan; etag: string | null }> {
  const res = await getPlan(authedRequest('http://localhost'), pctx(planId));
  expect(res.status).toBe(200);
  return { plan: (await res.json()) as Plan, etag: res.headers.get('etag') };
}

let profileId: number;

async function newPlan(seed: number): Promise<Plan> {
  const res = await createPlan(
    jsonRequest('/api/plans', 'POST', { profileId, weekStart: WEEK, seed, replace: true }),
  );
  expect(res.status).toBe(201);
  const plan = (await res.json()) as Plan;
  expect(res.headers.get('etag')).toBe(`"${plan.version}"`);
  return plan;
}

/** Per meal, one recipe it can swap to that no other pick and no other meal of the week uses. */
async function distinctSwaps(plan: Plan, meals: Meal[]): Promise<Map<string, string>> {
  const picked = new Map<string, string>();
  const used = new Set<string>();
  for (const meal of meals) {
    const res = await getAlternatives(authedRequest('http://localhost'), mctx(plan.id, meal.id));
    const { items } = (await res.json()) as { items: { recipeSlug: string; inWeek: boolean }[] };
    const pick = items.find((i) => !i.inWeek && !used.has(i.recipeSlug));
    if (!pick) continue;
    used.add(pick.recipeSlug);
    picked.set(meal.id, pick.recipeSlug);
  }
  return picked;
}

/** Every meal of the week once: the slots times seven days, no id twice. */
function expectWholeWeek(plan: Plan, mealCount: number) {
  const ids = allMeals(plan).map((m) => m.id);
  expect(ids).toHaveLength(mealCount);
  expect(new Set(ids).size).toBe(ids.length);
}

beforeAll(async () => {
  await useFreshDatabase();
  const res = await createProfile(
    jsonRequest('/api/profiles', 'POST', {
      name: 'Versions',
      protocol: 'gut-reset',
      ...ROOMY_LIMITS,
    }),
  );
  profileId = ((await res.json()) as { id: number }).id;
});

describe('plan versions: ETag and If-Match', () => {
  it('starts at version 1 and sends it as a strong ETag with every plan', async () => {
    const plan = await newPlan(21);
    expect(plan.version).toBe(1);
    expect(() => planViewSchema.parse(plan)).not.toThrow();
    const { plan: again, etag } = await read(plan.id);
    expect(etag).toBe('"1"');
    expect(again.version).toBe(1);
  });

  it('applies a write whose If-Match names the current version and returns the next one', async () => {
    const plan = await newPlan(22);
    const meal = allMeals(plan).find((m) => m.slot === 'breakfast')!;
    const res = await lockMeal(
      conditional('PATCH', { locked: true }, `"${plan.version}"`),
      mctx(plan.id, meal.id),
    );
    expect(res.status).toBe(200);
    const after = (await res.json()) as Plan;
    expect(after.version).toBe(plan.version + 1);
    expect(res.headers.get('etag')).toBe(`"${plan.version + 1}"`);
    expect(allMeals(after).find((m) => m.id === meal.id)?.locked).toBe(true);
    // `*` and no header apply to whatever is latest.
    const star = await lockMeal(
      conditional('PATCH', { locked: false }, '*'),
      mctx(plan.id, meal.id),
    );
    expect(((await star.json()) as Plan).version).toBe(plan.version + 2);
    const bare = await lockMeal(conditional('PATCH', { locked: true }), mctx(plan.id, meal.id));
    expect(((await bare.json()) as Plan).version).toBe(plan.version + 3);
  });

  it('answers a stale If-Match with 412 naming the current version, and changes nothing', async () => {
    const plan = await newPlan(23);
    const [first, second] = allMeals(plan).filter((m) => m.slot === 'snack');
    const moved = await lockMeal(
      conditional('PATCH', { locked: true }, '"1"'),
      mctx(plan.id, first!.id),
    );
    expect(moved.status).toBe(200);
    const { plan: before } = await read(plan.id);
    expect(before.version).toBe(2);

    const swaps = await distinctSwaps(before, [second!]);
    expect(swaps.has(second!.id)).toBe(true);
    const stale = [
      () => lockMeal(conditional('PATCH', { locked: true }, '"1"'), mctx(plan.id, second!.id)),
      () =>
        swapMeal(
          conditional('POST', { recipeSlug: swaps.get(second!.id) }, '"1"'),
          mctx(plan.id, second!.id),
        ),
      () => regenerate(conditional('POST', { scope: 'week', seed: 5 }, '"1"'), pctx(plan.id)),
      // A weak tag never matches (strong comparison), nor does a tag that is not a version.
      () => lockMeal(conditional('PATCH', { locked: true }, 'W/"2"'), mctx(plan.id, second!.id)),
      () => lockMeal(conditional('PATCH', { locked: true }, '"two"'), mctx(plan.id, second!.id)),
    ];
    for (const send of stale) {
      const res = await send();
      expect(res.status).toBe(412);
      const body = (await res.json()) as ErrorBody;
      expect(body.error.code).toBe('precondition_failed');
      expect(body.error.message).toMatch(/changed/);
      expect(body.error.details).toEqual({ currentVersion: 2 });
    }
    const { plan: after, etag } = await read(plan.id);
    expect(after).toEqual(before);
    expect(etag).toBe('"2"');
  });

  it('accepts If-Match listing several tags when one is current', async () => {
    const plan = await newPlan(24);
    const meal = allMeals(plan).find((m) => m.slot === 'lunch')!;
    const res = await lockMeal(
      conditional('PATCH', { locked: true }, `"7", "${plan.version}"`),
      mctx(plan.id, meal.id),
    );
    expect(res.status).toBe(200);
  });
});

describe('plan versions: concurrent writers', () => {
  it('applies each of many swaps and locks fired at once, or refuses it whole (409), never losing or doubling a meal', async () => {
    const plan = await newPlan(31);
    const mealCount = allMeals(plan).length;
    expect(mealCount).toBe(28);
    const breakfasts = allMeals(plan).filter((m) => m.slot === 'breakfast');
    const snacks = allMeals(plan).filter((m) => m.slot === 'snack');
    const swaps = await distinctSwaps(plan, breakfasts);
    expect(swaps.size).toBeGreaterThanOrEqual(3);

    const requests = [
      ...[...swaps].map(async ([mealId, recipeSlug]) => ({
        kind: 'swap' as const,
        mealId,
        recipeSlug,
        res: await swapMeal(conditional('POST', { recipeSlug }), mctx(plan.id, mealId)),
      })),
      ...snacks.map(async (m) => ({
        kind: 'lock' as const,
        mealId: m.id,
        recipeSlug: m.recipeSlug,
        res: await lockMeal(conditional('PATCH', { locked: true }), mctx(plan.id, m.id)),
      })),
    ];
    const results = await Promise.all(requests);
    for (const r of results) expect([200, 409]).toContain(r.res.status);
    const applied = results.filter((r) => r.res.status === 200);
    expect(applied.length).toBeGreaterThan(0);

    const { plan: after } = await read(plan.id);
    expectWholeWeek(after, mealCount);
    // One version per applied write: none was applied twice or on top of a stale read.
    expect(after.version).toBe(plan.version + applied.length);
    const byId = new Map(allMeals(after).map((m) => [m.id, m]));
    for (const r of applied) {
      if (r.kind === 'swap') expect(byId.get(r.mealId)?.recipeSlug).toBe(r.recipeSlug);
      else expect(byId.get(r.mealId)?.locked).toBe(true);
    }
    // Every answered plan is a whole week too, at its own version.
    const versions = await Promise.all(
      applied.map(async (r) => {
        const body = (await r.res.json()) as Plan;
        expectWholeWeek(body, mealCount);
        return body.version;
      }),
    );
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('replaces a week once when several replacing creates race, leaving one whole plan', async () => {
    await newPlan(40);
    const results = await Promise.all(
      [41, 42, 43].map((seed) =>
        createPlan(
          jsonRequest('/api/plans', 'POST', { profileId, weekStart: WEEK, seed, replace: true }),
        ),
      ),
    );
    for (const res of results) expect([201, 409]).toContain(res.status);
    const listed = (await (
      await listPlans(authedRequest(`http://localhost/api/plans?profileId=${profileId}`))
    ).json()) as { items: { id: number; weekStart: string }[] };
    const ofWeek = listed.items.filter((p) => p.weekStart === WEEK);
    expect(ofWeek).toHaveLength(1);
    const { plan } = await read(ofWeek[0]!.id);
    expectWholeWeek(plan, 28);
  });
});

describe('plan versions: a write that loses its version to another writer', () => {
  it('reads the plan again and applies the change on top of the other write', async () => {
    const plan = await newPlan(51);
    const db = getDb();
    const [a, b] = allMeals(plan).filter((m) => m.slot === 'dinner');
    let prepared = 0;
    const { plan: after } = await writePlan(db, plan.id, ANY_VERSION, async (view) => {
      prepared++;
      // Another writer commits between this read and the claim, the first time only.
      if (prepared === 1) await lockMealUseCase(db, plan.id, a!.id, true, NOW);
      const week = toWeekPlan(view);
      const locked = week.days.map((d) => ({
        ...d,
        meals: d.meals.map((m) => (m.id === b!.id ? { ...m, locked: true } : m)),
      }));
      const score = view.score!;
      return (tx) =>
        replacePlanMeals(tx, plan.id, view.householdSize, { ...week, days: locked }, score, NOW);
    });
    expect(prepared).toBe(2);
    expect(after.version).toBe(plan.version + 2);
    const byId = new Map(allMeals(after).map((m) => [m.id, m]));
    expect(byId.get(a!.id)?.locked).toBe(true);
    expect(byId.get(b!.id)?.locked).toBe(true);
  });

  it('is a 412 when If-Match named the version the other writer replaced', async () => {
    const plan = await newPlan(52);
    const db = getDb();
    const [a] = allMeals(plan).filter((m) => m.slot === 'dinner');
    const error = await writePlan(
      db,
      plan.id,
      { any: false, versions: [plan.version] },
      async (view) => {
        await lockMealUseCase(db, plan.id, a!.id, true, NOW);
        return (tx) =>
          replacePlanMeals(tx, plan.id, view.householdSize, toWeekPlan(view), view.score!, NOW);
      },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 412, details: { currentVersion: plan.version + 1 } });
    const { plan: after } = await read(plan.id);
    expect(after.version).toBe(plan.version + 1);
    expect(allMeals(after).find((m) => m.id === a!.id)?.locked).toBe(true);
  });

  it('gives up with 409 plan_busy when it keeps losing, having written nothing of its own', async () => {
    const plan = await newPlan(53);
    const db = getDb();
    const dinner = allMeals(plan).find((m) => m.slot === 'dinner')!;
    let prepared = 0;
    const error = await writePlan(db, plan.id, ANY_VERSION, async (view) => {
      prepared++;
      await lockMealUseCase(db, plan.id, dinner.id, prepared % 2 === 1, NOW);
      const wiped = { ...toWeekPlan(view), days: [] };
      return (tx) => replacePlanMeals(tx, plan.id, view.householdSize, wiped, view.score!, NOW);
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 409, code: 'plan_busy' });
    expect(prepared).toBe(PLAN_WRITE_ATTEMPTS);
    const { plan: after } = await read(plan.id);
    expect(after.version).toBe(plan.version + prepared);
    expectWholeWeek(after, 28);
  });
});
