import { beforeAll, describe, expect, it } from 'vitest';
import { plannerInputFor } from '@/app/_server/use-cases/plan-input';
import { GET as exportPlan } from '@/app/api/plans/[id]/export/route';
import { GET as getAlternatives } from '@/app/api/plans/[id]/meals/[mealId]/alternatives/route';
import { PATCH as lockMeal } from '@/app/api/plans/[id]/meals/[mealId]/route';
import { POST as swapMeal } from '@/app/api/plans/[id]/meals/[mealId]/swap/route';
import { GET as getNutrition } from '@/app/api/plans/[id]/nutrition/route';
import { POST as regenerate } from '@/app/api/plans/[id]/regenerate/route';
import { GET as getPlan } from '@/app/api/plans/[id]/route';
import { GET as shoppingList } from '@/app/api/plans/[id]/shopping-list/route';
import { POST as createPlan, GET as listPlans } from '@/app/api/plans/route';
import { DELETE as deleteProfile } from '@/app/api/profiles/[id]/route';
import { POST as createProfile } from '@/app/api/profiles/route';
import { getDb } from '@/db/client';
import { getProfileById } from '@/db/queries/profiles';
import { planExportSchema } from '@/lib/export/plan-export-schema';
import { nutritionReportSchema } from '@/lib/nutrition/report-schema';
import { planViewSchema } from '@/lib/planner/plan-view-schema';
import type { PlannerRecipe } from '@/lib/planner/types';
import type { Restriction } from '@/lib/restrictions/types';
import { findViolations } from '@/lib/restrictions/violations';
import { authedRequest, jsonRequest, useFreshDatabase } from '../support/db';
import { ROOMY_LIMITS } from '../support/profiles';

const WEEK = '2026-11-30';
const SEED = 21;

type Portion = { profileId: number; name: string; servings: number; text: string };
type Meal = {
  id: string;
  slot: string;
  recipeSlug: string;
  servings: number;
  portion: number;
  leftoverOf: string | null;
  portions?: Portion[];
  portionsText?: string;
};
type Plan = {
  id: number;
  profileId: number;
  householdSize: number;
  shared?: true;
  members?: { profileId: number; name: string; portion: number }[];
  days: {
    date: string;
    meals: Meal[];
    totals: { energyKcal: number; proteinG: number };
    memberTotals?: { profileId: number; energyKcal: number; proteinG: number }[];
  }[];
};
type ErrorBody = {
  error: {
    code: string;
    fieldErrors?: Record<string, string[]>;
    message: string;
    details?: { violations?: { reason: string }[] };
  };
};

const pctx = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });
const meals = (p: Plan) => p.days.flatMap((d) => d.meals);

async function newProfile(body: Record<string, unknown>): Promise<number> {
  const res = await createProfile(
    jsonRequest('/api/profiles', 'POST', { ...ROOMY_LIMITS, leftovers: true, ...body }),
  );
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

async function post(body: Record<string, unknown>) {
  const res = await createPlan(jsonRequest('/api/plans', 'POST', body));
  return { status: res.status, body: (await res.json()) as unknown };
}

async function gramsOf(planId: number): Promise<number> {
  const res = await shoppingList(authedRequest('http://localhost'), pctx(planId));
  const list = (await res.json()) as { items: { grams: number }[] };
  return list.items.reduce((sum, i) => sum + i.grams, 0);
}

let alex: number;
let sam: number;
let plan: Plan;
let alexRestriction: Restriction;
let samRestriction: Restriction;
let recipes: Map<string, PlannerRecipe>;

beforeAll(async () => {
  await useFreshDatabase();
  // Alex: gut reset with a peanut and tree-nut allergy, 2400 kcal; Sam: AIP elimination, 1600.
  alex = await newProfile({
    name: 'Alex',
    protocol: 'gut-reset',
    allergens: ['peanut', 'tree-nut'],
    energyKcal: 2400,
  });
  sam = await newProfile({ name: 'Sam', protocol: 'aip', phase: 'elimination', energyKcal: 1600 });
  const res = await post({ memberIds: [alex, sam], weekStart: WEEK, seed: SEED });
  expect(res.status).toBe(201);
  plan = res.body as Plan;
  // each member's own restriction, as a one-person plan of theirs would be made
  const db = getDb();
  const a = await getProfileById(db, alex);
  const s = await getProfileById(db, sam);
  if (!a || !s) throw new Error('profiles vanished');
  const inputA = await plannerInputFor(db, a, WEEK);
  alexRestriction = inputA.restriction;
  samRestriction = (await plannerInputFor(db, s, WEEK)).restriction;
  recipes = new Map(inputA.recipes.map((r) => [r.slug, r]));
});

describe('a plan shared by two members', () => {
  it('names its members with portions from their energy targets: Alex 1½, Sam 1', () => {
    expect(plan.shared).toBe(true);
    expect(plan.profileId).toBe(alex);
    expect(plan.members).toEqual([
      { profileId: alex, name: 'Alex', portion: 1.5 },
      { profileId: sam, name: 'Sam', portion: 1 },
    ]);
    expect(plan.householdSize).toBe(2.5);
    // the response follows the documented schema
    expect(() => planViewSchema.parse(plan)).not.toThrow();
  });

  it('has no meal with an ingredient either member cannot eat', () => {
    expect(meals(plan).length).toBeGreaterThan(0);
    for (const m of meals(plan)) {
      const recipe = recipes.get(m.recipeSlug);
      if (!recipe) throw new Error(`unknown recipe ${m.recipeSlug}`);
      for (const ing of recipe.ingredients) {
        expect(findViolations(ing, alexRestriction), `${m.id} ${ing.name} for Alex`).toEqual([]);
        expect(findViolations(ing, samRestriction), `${m.id} ${ing.name} for Sam`).toEqual([]);
      }
    }
  });

  it("gives each member their portion of every meal, and a meal's servings cover them all", () => {
    const fed = new Map<string, number>();
    for (const m of meals(plan)) {
      if (m.leftoverOf) fed.set(m.leftoverOf, (fed.get(m.leftoverOf) ?? 0) + m.servings);
    }
    for (const m of meals(plan)) {
      const [a, s] = m.portions ?? [];
      expect(a?.servings).toBeCloseTo(1.5 * m.portion, 9);
      expect(s?.servings).toBeCloseTo(m.portion, 9);
      expect(m.servings - (fed.get(m.id) ?? 0)).toBeCloseTo(2.5 * m.portion, 9);
    }
    const whole = meals(plan).find((m) => m.portion === 1);
    if (whole) expect(whole.portionsText).toBe('Alex 1½ servings, Sam 1');
  });

  it("gives each member a day's totals at their portion", () => {
    for (const d of plan.days) {
      const [a, s] = d.memberTotals ?? [];
      expect(s?.energyKcal).toBe(Math.round(d.totals.energyKcal));
      expect(a?.energyKcal).toBe(Math.round(d.totals.energyKcal * 1.5));
    }
  });

  it("buys more than one member's plan of the same seed", async () => {
    const single = await post({ profileId: sam, weekStart: WEEK, seed: SEED });
    expect(single.status).toBe(201);
    const one = single.body as Plan;
    expect(one.shared).toBeUndefined();
    expect(one.members).toBeUndefined();
    expect(await gramsOf(plan.id)).toBeGreaterThan(1.5 * (await gramsOf(one.id)));
  });

  it('lists the plan for each member', async () => {
    for (const id of [alex, sam]) {
      const res = await listPlans(authedRequest(`http://localhost/api/plans?profileId=${id}`));
      const { items } = (await res.json()) as { items: { id: number }[] };
      expect(items.map((p) => p.id)).toContain(plan.id);
    }
  });

  it('exports say who eats how much of each meal: JSON, Markdown and the calendar', async () => {
    const file = async (format: string) => {
      const res = await exportPlan(
        authedRequest(`http://localhost/api/plans/${plan.id}/export?format=${format}`),
        pctx(plan.id),
      );
      expect(res.status).toBe(200);
      return res.text();
    };
    const json = planExportSchema.parse(JSON.parse(await file('json')));
    expect(json.plan.members).toEqual([
      { profileId: alex, name: 'Alex', servings: 1.5 },
      { profileId: sam, name: 'Sam', servings: 1 },
    ]);
    const byId = new Map(json.plan.days.flatMap((d) => d.meals.map((m) => [m.id, m])));
    for (const m of meals(plan)) expect(byId.get(m.id)?.portionsText).toBe(m.portionsText);
    for (const m of meals(plan)) expect(m.portionsText).toMatch(/^Alex .+, Sam .+$/);

    const md = await file('md');
    const ics = (await file('ics')).replace(/\r\n[ \t]/g, '');
    for (const m of meals(plan)) {
      expect(md).toContain(`${m.portionsText}`);
      // iCalendar escapes the comma
      expect(ics).toContain(`Portions: ${m.portionsText?.replace(',', '\\,')}.`);
    }
    expect(md).not.toMatch(/servings? each/);
  });

  it('a one-person plan exports no members and no shared portions', async () => {
    const single = await post({ profileId: sam, weekStart: '2026-12-14', seed: SEED });
    expect(single.status, JSON.stringify(single.body)).toBe(201);
    const one = single.body as Plan;
    const res = await exportPlan(
      authedRequest(`http://localhost/api/plans/${one.id}/export?format=json`),
      pctx(one.id),
    );
    const body: unknown = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    const json = planExportSchema.parse(body);
    expect(json.plan.members).toBeUndefined();
    expect(json.plan.days.flatMap((d) => d.meals).some((m) => 'portionsText' in m)).toBe(false);
  });

  it('reports nutrition per member against their own targets', async () => {
    const report = async (member?: number) => {
      const q = member === undefined ? '' : `?member=${member}`;
      const res = await getNutrition(authedRequest(`http://localhost/x${q}`), pctx(plan.id));
      expect(res.status).toBe(200);
      return nutritionReportSchema.parse(await res.json());
    };
    const a = await report(alex);
    const s = await report(sam);
    expect(a.targets.energyKcal?.amount).toBe(2400);
    expect(s.targets.energyKcal?.amount).toBe(1600);
    const ea = a.weekAverage.energyKcal?.amount ?? 0;
    const es = s.weekAverage.energyKcal?.amount ?? 0;
    expect(ea).toBeCloseTo(1.5 * es, 0);
    expect((await report()).weekAverage.energyKcal?.amount).toBe(ea);
    const stranger = await newProfile({ name: 'Kim' });
    const res = await getNutrition(
      authedRequest(`http://localhost/x?member=${stranger}`),
      pctx(plan.id),
    );
    expect(res.status).toBe(400);
    expect(Object.keys(((await res.json()) as ErrorBody).error.fieldErrors ?? {})).toEqual([
      'member',
    ]);
  });

  it('refuses a swap to a recipe one member cannot eat (422 not-compliant, naming them)', async () => {
    const meal = meals(plan).find((m) => !m.leftoverOf);
    if (!meal) throw new Error('no cooked meal');
    // a recipe of that slot Alex may eat and AIP leaves out for Sam
    const target = [...recipes.values()].find(
      (r) =>
        r.mealTypes.some((t) => t === meal.slot) &&
        r.ingredients.every((i) => findViolations(i, alexRestriction).length === 0) &&
        r.ingredients.some((i) => findViolations(i, samRestriction).length > 0),
    );
    if (!target) throw new Error(`no ${meal.slot} recipe for Alex alone`);
    const res = await swapMeal(jsonRequest('/', 'POST', { recipeSlug: target.slug }), {
      params: Promise.resolve({ id: String(plan.id), mealId: meal.id }),
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('not-compliant');
    expect(body.error.details?.violations?.some((v) => v.reason.startsWith('Sam: '))).toBe(true);
  });

  it('offers only alternatives both members can eat, and a lock keeps the portions', async () => {
    const meal = meals(plan).find((m) => !m.leftoverOf);
    if (!meal) throw new Error('no cooked meal');
    const res = await getAlternatives(authedRequest(`http://localhost/x?limit=50`), {
      params: Promise.resolve({ id: String(plan.id), mealId: meal.id }),
    });
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { recipeSlug: string }[] };
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      for (const ing of recipes.get(item.recipeSlug)?.ingredients ?? []) {
        expect(findViolations(ing, alexRestriction), `${item.recipeSlug} ${ing.name}`).toEqual([]);
        expect(findViolations(ing, samRestriction), `${item.recipeSlug} ${ing.name}`).toEqual([]);
      }
    }
    const locked = await lockMeal(jsonRequest('/', 'PATCH', { locked: true }), {
      params: Promise.resolve({ id: String(plan.id), mealId: meal.id }),
    });
    expect(locked.status).toBe(200);
    const after = (await locked.json()) as Plan;
    expect(after.members).toEqual(plan.members);
    expect(meals(after).find((m) => m.id === meal.id)?.servings).toBe(meal.servings);
  });

  it('regenerates the week still honoring both members', async () => {
    const res = await regenerate(
      jsonRequest('/', 'POST', { scope: 'week', seed: SEED + 1 }),
      pctx(plan.id),
    );
    expect(res.status).toBe(200);
    const after = (await (
      await getPlan(authedRequest('http://localhost'), pctx(plan.id))
    ).json()) as Plan;
    expect(after.members?.map((m) => m.portion)).toEqual([1.5, 1]);
    for (const m of meals(after)) {
      for (const ing of recipes.get(m.recipeSlug)?.ingredients ?? []) {
        expect(findViolations(ing, alexRestriction)).toEqual([]);
        expect(findViolations(ing, samRestriction)).toEqual([]);
      }
    }
  });
});

describe('POST /api/plans with memberIds: bad input', () => {
  it.each([
    [{ weekStart: WEEK }, 'profileId'],
    [{ profileId: 1, memberIds: [1, 2], weekStart: WEEK }, 'memberIds'],
    [{ memberIds: [], weekStart: WEEK }, 'memberIds'],
    [{ memberIds: [1, 1], weekStart: WEEK }, 'memberIds'],
    [{ memberIds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13], weekStart: WEEK }, 'memberIds'],
    [{ memberIds: ['1'], weekStart: WEEK }, 'memberIds.0'],
  ])('%j is 400 naming %s', async (body, field) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(Object.keys((res.body as ErrorBody).error.fieldErrors ?? {})).toEqual([field]);
  });

  it('an unknown member is 404', async () => {
    const res = await post({ memberIds: [alex, 999999], weekStart: WEEK });
    expect(res.status).toBe(404);
  });

  it('one member id plans exactly as profileId does', async () => {
    const week = '2026-12-07';
    const a = (await post({ memberIds: [sam], weekStart: week, seed: 4 })).body as Plan;
    const b = (await post({ profileId: sam, weekStart: week, seed: 4, replace: true }))
      .body as Plan;
    expect(a.shared).toBeUndefined();
    expect(meals(b).map((m) => [m.id, m.recipeSlug, m.servings])).toEqual(
      meals(a).map((m) => [m.id, m.recipeSlug, m.servings]),
    );
  });
});

describe('a member who leaves', () => {
  it('deleting a member profile leaves the plan whole for the others', async () => {
    const kim = await newProfile({ name: 'Kim', energyKcal: 2000 });
    const lee = await newProfile({ name: 'Lee', energyKcal: 2000 });
    const made = await post({ memberIds: [kim, lee], weekStart: '2026-12-14', seed: 3 });
    expect(made.status).toBe(201);
    const id = (made.body as Plan).id;
    const del = await deleteProfile(
      authedRequest('http://localhost', { method: 'DELETE' }),
      pctx(lee),
    );
    expect(del.status).toBe(204);
    const res = await getPlan(authedRequest('http://localhost'), pctx(id));
    expect(res.status).toBe(200);
    const after = (await res.json()) as Plan;
    expect(after.members).toEqual([{ profileId: kim, name: 'Kim', portion: 1 }]);
    const again = await regenerate(jsonRequest('/', 'POST', { scope: 'week', seed: 4 }), pctx(id));
    expect(again.status).toBe(200);
  });
});
