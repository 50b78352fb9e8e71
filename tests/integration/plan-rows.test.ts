import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getPlan } from '@/app/api/plans/[id]/route';
import { POST as createPlan } from '@/app/api/plans/route';
import { POST as createProfile } from '@/app/api/profiles/route';
import { getDb } from '@/db/client';
import { planViewSchema } from '@/lib/planner/plan-view-schema';
import { authedRequest, jsonRequest, useFreshDatabase } from '../support/db';
import { ROOMY_LIMITS } from '../support/profiles';

const pctx = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });

let planId: number;

beforeAll(async () => {
  await useFreshDatabase();
  const profile = await createProfile(
    jsonRequest('/api/profiles', 'POST', {
      name: 'Old rows',
      protocol: 'whole30',
      ...ROOMY_LIMITS,
    }),
  );
  const profileId = ((await profile.json()) as { id: number }).id;
  const plan = await createPlan(
    jsonRequest('/api/plans', 'POST', { profileId, weekStart: '2026-11-30', seed: 3 }),
  );
  planId = ((await plan.json()) as { id: number }).id;
});

describe('stored plan rows', () => {
  it('reads a row written before its JSON held today’s fields, with defaults', async () => {
    const db = getDb();
    await db.transaction(async (tx) => {
      const { plans, planMeals } = tx.t;
      await tx.orm.update(plans).set({ score: {} }).where(eq(plans.id, planId));
      await tx.orm.update(planMeals).set({ explanation: {} }).where(eq(planMeals.planId, planId));
    });
    const res = await getPlan(authedRequest('http://localhost'), pctx(planId));
    expect(res.status).toBe(200);
    const plan = planViewSchema.parse(await res.json());
    expect(plan.score).toBeNull();
    expect(plan.days).toHaveLength(7);
    for (const day of plan.days) {
      expect(day.totals).toMatchObject({ energyKcal: 0, energyInBand: false });
      for (const meal of day.meals) expect(meal.explanation).toEqual({ total: 0, parts: [] });
    }
  });
});
