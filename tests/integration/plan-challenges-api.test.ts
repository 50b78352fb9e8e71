import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { GET as exportPlan } from '@/app/api/plans/[id]/export/route';
import { GET as alternatives } from '@/app/api/plans/[id]/meals/[mealId]/alternatives/route';
import { PATCH as lockMeal } from '@/app/api/plans/[id]/meals/[mealId]/route';
import { POST as swapMeal } from '@/app/api/plans/[id]/meals/[mealId]/swap/route';
import { POST as regenerate } from '@/app/api/plans/[id]/regenerate/route';
import { GET as getPlan } from '@/app/api/plans/[id]/route';
import { GET as shoppingList } from '@/app/api/plans/[id]/shopping-list/route';
import { POST as createPlan } from '@/app/api/plans/route';
import { POST as createProfile } from '@/app/api/profiles/route';
import { getDb } from '@/db/client';
import { planViewSchema } from '@/lib/planner/plan-view-schema';
import type { ChallengeMeal, WeekChallenges } from '@/lib/reintroduction/types';
import { authedRequest, jsonRequest, useFreshDatabase } from '../support/db';
import { ROOMY_LIMITS } from '../support/profiles';

// The reintroduction calendar comes through the one seam plans read it from; the test sets it.
const calendar = vi.hoisted(() => ({
  current: { challenges: {}, washout: [] } as WeekChallenges,
}));
vi.mock('@/app/_server/use-cases/week-challenges', () => ({
  weekChallengesFor: async () => calendar.current,
}));

const WEEK = '2026-11-30';
const pctx = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });
const mctx = (id: number, mealId: string) => ({
  params: Promise.resolve({ id: String(id), mealId }),
});

const milk = (day: number, doseG: number, words: string): ChallengeMeal => ({
  challengeId: 'lactose',
  food: 'whole milk',
  ndb: '01077',
  doseG,
  words,
  day,
  slot: 'breakfast',
});

/** Lactose Tuesday to Thursday at three doses, washout Friday to Sunday. */
const LACTOSE: WeekChallenges = {
  challenges: {
    '2026-12-01': milk(1, 61, '¼ cup whole milk'),
    '2026-12-02': milk(2, 122, '½ cup whole milk'),
    '2026-12-03': milk(3, 244, '1 cup whole milk'),
  },
  washout: ['2026-12-04', '2026-12-05', '2026-12-06'],
};

type Plan = z.output<typeof planViewSchema>;
type Item = {
  ndb: string;
  display: string;
  grams: number;
  meals: string[];
  challenge: { challengeIds: string[]; grams: number } | null;
};

const meals = (p: Plan) => p.days.flatMap((d) => d.meals);
const challenged = (p: Plan) =>
  meals(p)
    .filter((m) => m.challenge)
    .map((m) => `${m.id} ${m.challenge?.doseG}`);

async function readPlan(id: number): Promise<Plan> {
  const res = await getPlan(authedRequest(`http://localhost/api/plans/${id}`), pctx(id));
  expect(res.status).toBe(200);
  // the documented shape, strictly: `challenge` and `washout` are in the document
  return planViewSchema.parse(await res.json());
}

let profileId: number;
let planId: number;

beforeAll(async () => {
  await useFreshDatabase();
  const res = await createProfile(
    jsonRequest('/api/profiles', 'POST', {
      name: 'Low-FODMAP, lactose challenge',
      protocol: 'low-fodmap',
      phase: 'elimination',
      householdSize: 2,
      ...ROOMY_LIMITS,
    }),
  );
  expect(res.status).toBe(201);
  profileId = ((await res.json()) as { id: number }).id;
  calendar.current = LACTOSE;
  const created = await createPlan(
    jsonRequest('/api/plans', 'POST', { profileId, weekStart: WEEK, seed: 11 }),
  );
  expect(created.status).toBe(201);
  planId = planViewSchema.parse(await created.json()).id;
});

describe('a plan made with a reintroduction calendar', () => {
  it('stores each challenge on its meal and each washout day, and reads them back', async () => {
    const plan = await readPlan(planId);
    expect(challenged(plan)).toEqual([
      '2026-12-01-breakfast 61',
      '2026-12-02-breakfast 122',
      '2026-12-03-breakfast 244',
    ]);
    const tuesday = meals(plan).find((m) => m.id === '2026-12-01-breakfast');
    expect(tuesday?.challenge).toEqual(LACTOSE.challenges['2026-12-01']);
    expect(plan.days.map((d) => d.washout)).toEqual([false, false, false, false, true, true, true]);
    // every other meal says null, not nothing
    expect(meals(plan).filter((m) => m.challenge === null)).toHaveLength(meals(plan).length - 3);
  });

  it('buys the challenge food once, for the household, marked for the challenge', async () => {
    const res = await shoppingList(
      authedRequest(`http://localhost/api/plans/${planId}/shopping-list`),
      pctx(planId),
    );
    expect(res.status).toBe(200);
    const list = (await res.json()) as { items: Item[] };
    const lines = list.items.filter((i) => i.challenge !== null);
    expect(lines.map((i) => i.ndb)).toEqual(['01077']);
    // (61 + 122 + 244) g a person, two people; lactose is not in the elimination recipes
    expect(lines[0]!.grams).toBeCloseTo(854, 6);
    expect(lines[0]!.challenge).toEqual({ challengeIds: ['lactose'], grams: 854 });
    expect(lines[0]!.meals).toEqual([
      '2026-12-01-breakfast',
      '2026-12-02-breakfast',
      '2026-12-03-breakfast',
    ]);
    expect(lines[0]!.display).toMatch(/milk/);
    const md = await shoppingList(
      authedRequest(`http://localhost/api/plans/${planId}/shopping-list?format=md`),
      pctx(planId),
    );
    expect(await md.text()).toMatch(/milk.*for the challenge \(lactose\)/);
  });

  it('exports the add-on lines and washout notes in Markdown, the calendar and JSON', async () => {
    const file = async (format: string) =>
      exportPlan(
        authedRequest(`http://localhost/api/plans/${planId}/export?format=${format}`),
        pctx(planId),
      );
    const md = await (await file('md')).text();
    expect(md).toContain('**Challenge** (lactose, day 2): add ½ cup whole milk to breakfast.');
    expect(md.match(/\*\*Challenge\*\*/g)).toHaveLength(3);
    expect(md.match(/_Washout: elimination foods only\._/g)).toHaveLength(3);
    const ics = await (await file('ics')).text();
    expect(ics).toContain('+ 1 cup whole milk (challenge)');
    const json = (await (await file('json')).json()) as {
      plan: { days: { washout: boolean; meals: { id: string; challenge: unknown }[] }[] };
    };
    expect(json.plan.days.map((d) => d.washout)).toEqual([
      false,
      false,
      false,
      false,
      true,
      true,
      true,
    ]);
    expect(
      json.plan.days.flatMap((d) => d.meals.filter((m) => m.challenge !== null).map((m) => m.id)),
    ).toEqual(['2026-12-01-breakfast', '2026-12-02-breakfast', '2026-12-03-breakfast']);
  });

  it('keeps the challenges through a swap and a lock, and a regeneration follows the calendar', async () => {
    const before = await readPlan(planId);
    const mealId = '2026-12-02-breakfast';
    const alt = await alternatives(
      authedRequest(`http://localhost/api/plans/${planId}/meals/${mealId}/alternatives`),
      mctx(planId, mealId),
    );
    const { items } = (await alt.json()) as { items: { recipeSlug: string }[] };
    expect(items.length).toBeGreaterThan(0);
    const swapped = await swapMeal(
      jsonRequest(`/api/plans/${planId}/meals/${mealId}/swap`, 'POST', {
        recipeSlug: items[0]!.recipeSlug,
      }),
      mctx(planId, mealId),
    );
    expect(swapped.status).toBe(200);
    const afterSwap = await readPlan(planId);
    expect(meals(afterSwap).find((m) => m.id === mealId)?.recipeSlug).toBe(items[0]!.recipeSlug);
    expect(challenged(afterSwap)).toEqual(challenged(before));
    const locked = await lockMeal(
      jsonRequest(`/api/plans/${planId}/meals/${mealId}`, 'PATCH', { locked: true }),
      mctx(planId, mealId),
    );
    expect(locked.status).toBe(200);
    expect(challenged(await readPlan(planId))).toEqual(challenged(before));

    const again = await regenerate(
      jsonRequest(`/api/plans/${planId}/regenerate`, 'POST', { scope: 'week', seed: 5 }),
      pctx(planId),
    );
    expect(again.status).toBe(200);
    const regenerated = await readPlan(planId);
    expect(challenged(regenerated)).toEqual(challenged(before));
    expect(regenerated.days.map((d) => d.washout)).toEqual(before.days.map((d) => d.washout));

    // the calendar moved on (say, the challenge was paused): the next regeneration follows it
    calendar.current = { challenges: {}, washout: [] };
    const cleared = await regenerate(
      jsonRequest(`/api/plans/${planId}/regenerate`, 'POST', { scope: 'week', seed: 6 }),
      pctx(planId),
    );
    expect(cleared.status).toBe(200);
    const plain = await readPlan(planId);
    expect(challenged(plain)).toEqual([]);
    expect(plain.days.every((d) => !d.washout)).toBe(true);
    calendar.current = LACTOSE;
  });

  it('reads a plan stored before reintroduction with no challenge and no washout', async () => {
    const res = await regenerate(
      jsonRequest(`/api/plans/${planId}/regenerate`, 'POST', { scope: 'week', seed: 7 }),
      pctx(planId),
    );
    expect(res.status).toBe(200);
    expect(challenged(await readPlan(planId))).toHaveLength(3);
    const db = getDb();
    const { plans } = db.t;
    const [row] = await db.orm.select({ score: plans.score }).from(plans).limit(1);
    expect(row).toBeDefined();
    const { challenges: _c, washout: _w, ...old } = row!.score;
    await db.transaction(async (tx) => {
      await tx.orm.update(tx.t.plans).set({ score: old });
    });
    const plan = await readPlan(planId);
    expect(meals(plan).every((m) => m.challenge === null)).toBe(true);
    expect(plan.days.every((d) => d.washout === false)).toBe(true);
  });
});
