import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getPlan } from '@/app/api/plans/[id]/route';
import { PATCH as checkItem } from '@/app/api/plans/[id]/shopping-list/items/[ndb]/route';
import { GET as shoppingList } from '@/app/api/plans/[id]/shopping-list/route';
import { POST as createPlan, GET as listPlans } from '@/app/api/plans/route';
import { PATCH as patchProfile } from '@/app/api/profiles/[id]/route';
import { POST as createProfile } from '@/app/api/profiles/route';
import { getDb } from '@/db/client';
import { authedRequest, jsonRequest, useFreshDatabase } from '../support/db';
import { ROOMY_LIMITS } from '../support/profiles';

type ErrorBody = {
  error: {
    code: string;
    message: string;
    fieldErrors?: Record<string, string[]>;
    details?: unknown;
  };
};
const pctx = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });
const post = (body: Record<string, unknown>) => createPlan(jsonRequest('/api/plans', 'POST', body));

let profileId: number;
let firstPlanId: number;
const WEEK = '2026-11-30';

beforeAll(async () => {
  await useFreshDatabase();
  const res = await createProfile(
    jsonRequest('/api/profiles', 'POST', { name: 'Weeks', protocol: 'whole30', ...ROOMY_LIMITS }),
  );
  profileId = ((await res.json()) as { id: number }).id;
  const plan = await post({ profileId, weekStart: WEEK, seed: 1 });
  expect(plan.status).toBe(201);
  firstPlanId = ((await plan.json()) as { id: number }).id;
});

const weeksOf = async () =>
  (
    (await (
      await listPlans(authedRequest(`http://localhost/api/plans?profileId=${profileId}`))
    ).json()) as { items: { id: number; weekStart: string }[] }
  ).items;

describe('POST /api/plans: one plan per profile and week', () => {
  it.each(['2026-12-01', '2026-12-06', '2026-11-29'])(
    'refuses %s, not a Monday, with a 400 naming weekStart',
    async (weekStart) => {
      const res = await post({ profileId, weekStart });
      expect(res.status).toBe(400);
      const body = (await res.json()) as ErrorBody;
      expect(body.error.fieldErrors?.weekStart?.join(' ')).toMatch(/Monday/);
    },
  );

  it('plans next week or any Monday next to this one', async () => {
    const res = await post({ profileId, weekStart: '2026-12-07', seed: 2 });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { weekStart: string }).weekStart).toBe('2026-12-07');
    expect((await weeksOf()).map((p) => p.weekStart).sort()).toEqual([WEEK, '2026-12-07']);
  });

  it('answers a second plan for the same week with 409 plan_exists naming the plan, and makes none', async () => {
    const res = await post({ profileId, weekStart: WEEK, seed: 3 });
    expect(res.status).toBe(409);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('plan_exists');
    expect(body.error.details).toEqual({ existingPlanId: firstPlanId, weekStart: WEEK });
    expect((await weeksOf()).filter((p) => p.weekStart === WEEK)).toHaveLength(1);
  });

  it('replaces the plan with replace: true; its shopping checks go with it', async () => {
    const list = (await (
      await shoppingList(authedRequest('http://localhost'), pctx(firstPlanId))
    ).json()) as { items: { ndb: string }[] };
    const ndb = list.items[0]!.ndb;
    const checked = await checkItem(jsonRequest('/', 'PATCH', { checked: true }), {
      params: Promise.resolve({ id: String(firstPlanId), ndb }),
    });
    expect(checked.status).toBe(200);

    const res = await post({ profileId, weekStart: WEEK, seed: 4, replace: true });
    expect(res.status).toBe(201);
    const plan = (await res.json()) as { id: number; weekStart: string; seed: number };
    expect(plan).toMatchObject({ weekStart: WEEK, seed: 4 });
    expect(plan.id).not.toBe(firstPlanId);
    expect((await getPlan(authedRequest('http://localhost'), pctx(firstPlanId))).status).toBe(404);
    const thisWeek = (await weeksOf()).filter((p) => p.weekStart === WEEK);
    expect(thisWeek.map((p) => p.id)).toEqual([plan.id]);
    const db = getDb();
    const { shoppingChecks, planMeals } = db.t;
    const checks = await db.orm
      .select({ ndb: shoppingChecks.ndb })
      .from(shoppingChecks)
      .where(eq(shoppingChecks.planId, firstPlanId));
    const meals = await db.orm
      .select({ mealId: planMeals.mealId })
      .from(planMeals)
      .where(eq(planMeals.planId, firstPlanId));
    expect([...checks, ...meals]).toEqual([]);
    firstPlanId = plan.id;
  });

  it('keeps the old plan when no new week can be planned', async () => {
    const patched = await patchProfile(
      jsonRequest('/', 'PATCH', {
        diet: 'vegan',
        protocol: 'aip',
        phase: 'elimination',
        maxMinutes: { weekday: 5, weekend: 5 },
      }),
      pctx(profileId),
    );
    expect(patched.status).toBe(200);
    const res = await post({ profileId, weekStart: WEEK, seed: 5, replace: true });
    expect(res.status).toBe(422);
    expect((await getPlan(authedRequest('http://localhost'), pctx(firstPlanId))).status).toBe(200);
  });
});
