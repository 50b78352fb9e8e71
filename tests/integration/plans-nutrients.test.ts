import { beforeAll, describe, expect, it } from 'vitest';
import { PATCH as lockMeal } from '@/app/api/plans/[id]/meals/[mealId]/route';
import { POST as swapMeal } from '@/app/api/plans/[id]/meals/[mealId]/swap/route';
import { POST as regenerate } from '@/app/api/plans/[id]/regenerate/route';
import { GET as getPlan } from '@/app/api/plans/[id]/route';
import { POST as createPlan } from '@/app/api/plans/route';
import { POST as createProfile } from '@/app/api/profiles/route';
import { planViewSchema } from '@/lib/planner/plan-view-schema';
import { authedRequest, jsonRequest, useFreshDatabase } from '../support/db';
import { ROOMY_LIMITS } from '../support/profiles';

type Meal = { id: string; slot: string; recipeSlug: string };
type Totals = {
  sodiumMg?: { total: number; max: number };
  retinolUg?: { total: number; max: number };
};
type Plan = { id: number; days: { date: string; meals: Meal[]; totals: Totals }[] };

const WEEK = '2026-11-30';
const woman = { sex: 'female', ageYears: 32, heightCm: 166, weightKg: 64, activity: 'light' };
const man = { sex: 'male', ageYears: 45, heightCm: 180, weightKg: 82, activity: 'moderate' };
/** Shipped AIP recipes built on organ meat (beef liver, chicken liver). */
const LIVER_RECIPES = [
  'beef-liver-onions-sage-parsnip-mash',
  'chicken-liver-pate-vegetable-sticks',
];

async function newProfile(body: Record<string, unknown>): Promise<number> {
  const res = await createProfile(
    jsonRequest('/api/profiles', 'POST', { ...ROOMY_LIMITS, ...body }),
  );
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

async function newPlan(profileId: number, seed: number): Promise<Plan | null> {
  const res = await createPlan(
    jsonRequest('/api/plans', 'POST', { profileId, weekStart: WEEK, seed, replace: true }),
  );
  if (res.status === 422) return null;
  expect(res.status).toBe(201);
  return (await res.json()) as Plan;
}

beforeAll(async () => {
  await useFreshDatabase();
});

describe('plans follow the profile’s nutrient targets', () => {
  it('a pregnant AIP profile never gets a liver recipe, and a swap to one is refused', async () => {
    const id = await newProfile({
      name: 'Pregnant, AIP',
      protocol: 'aip',
      phase: 'elimination',
      body: { ...woman, pregnant: true },
      clinicianSupervised: true,
      maxMinutes: { weekday: 90, weekend: 120 },
    });
    let planned = 0;
    for (const seed of [1, 2, 3, 4]) {
      const plan = await newPlan(id, seed);
      if (!plan) continue;
      planned++;
      for (const meal of plan.days.flatMap((d) => d.meals)) {
        expect(LIVER_RECIPES).not.toContain(meal.recipeSlug);
      }
      for (const day of plan.days) {
        expect(day.totals.sodiumMg!.max).toBe(2300);
        expect(day.totals.sodiumMg!.total).toBeLessThanOrEqual(2300);
        expect(day.totals.retinolUg!.max).toBe(3000);
        expect(day.totals.retinolUg!.total).toBeLessThanOrEqual(3000);
      }
      if (planned === 1) {
        const dinner = plan.days[0]!.meals.find((m) => m.slot === 'dinner')!;
        const refused = await swapMeal(jsonRequest('/', 'POST', { recipeSlug: LIVER_RECIPES[0] }), {
          params: Promise.resolve({ id: String(plan.id), mealId: dinner.id }),
        });
        expect(refused.status).toBe(422);
        const body = (await refused.json()) as { error: { message: string } };
        expect(body.error.message).toMatch(/pregnancy/);
      }
    }
    expect(planned).toBeGreaterThan(0);
  });

  it('a clinician’s sodium limit becomes the plan’s daily cap', async () => {
    const id = await newProfile({
      name: 'Low sodium',
      protocol: 'whole30',
      phase: 'elimination',
      body: man,
      nutrientTargets: { sodiumMaxMg: 1500 },
      maxMinutes: { weekday: 90, weekend: 120 },
    });
    let planned = 0;
    for (const seed of [1, 2, 3]) {
      const plan = await newPlan(id, seed);
      if (!plan) continue;
      planned++;
      for (const day of plan.days) {
        expect(day.totals.sodiumMg!.max).toBe(1500);
        expect(day.totals.sodiumMg!.total).toBeLessThanOrEqual(1500);
      }
    }
    expect(planned).toBeGreaterThan(0);
  });

  it('every plan response matches the documented plan schema, day totals with their caps included', async () => {
    const id = await newProfile({
      name: 'Documented',
      protocol: 'aip',
      phase: 'elimination',
      body: woman,
      maxMinutes: { weekday: 90, weekend: 120 },
    });
    let plan: Plan | null = null;
    for (let seed = 1; !plan && seed < 6; seed++) plan = await newPlan(id, seed);
    expect(plan).not.toBeNull();
    const parsed = planViewSchema.parse(plan);
    // AIP caps fructose per day; the body data brings the sodium and retinol caps
    for (const day of parsed.days) {
      expect(day.totals.fructoseG?.max).toBe(20);
      expect(day.totals.sodiumMg?.max).toBe(2300);
      expect(day.totals.retinolUg?.max).toBe(3000);
    }
    const ctx = (mealId?: string) => ({
      params: Promise.resolve({ id: String(parsed.id), ...(mealId ? { mealId } : {}) }),
    });
    const meal = parsed.days[1]!.meals.find((m) => !m.leftoverOf)!;
    const responses = [
      await getPlan(authedRequest('http://localhost'), ctx() as never),
      await lockMeal(jsonRequest('/', 'PATCH', { locked: true }), ctx(meal.id) as never),
      await regenerate(jsonRequest('/', 'POST', { scope: 'week', seed: 7 }), ctx() as never),
    ];
    for (const res of responses) {
      expect(res.status).toBe(200);
      planViewSchema.parse(await res.json());
    }
  });
});
