import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getAlternatives } from '@/app/api/plans/[id]/meals/[mealId]/alternatives/route';
import { POST as swapMeal } from '@/app/api/plans/[id]/meals/[mealId]/swap/route';
import { GET as getPlan } from '@/app/api/plans/[id]/route';
import { POST as createPlan } from '@/app/api/plans/route';
import { POST as createProfile } from '@/app/api/profiles/route';
import { addDays } from '@/lib/planner/dates';
import { planViewSchema } from '@/lib/planner/plan-view-schema';
import { recipeSchema } from '@/lib/recipes/schema';
import { authedRequest, jsonRequest, useFreshDatabase } from '../support/db';
import { ROOMY_LIMITS } from '../support/profiles';
import { readinessLead } from '../unit/planner/fixtures';

const WEEK = '2026-11-30';
const DIR = join(process.cwd(), 'seeds', 'recipes');
/** The catalog as written in the seeds, independent of what the database and planner read. */
const catalog = new Map(
  readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => recipeSchema.parse(JSON.parse(readFileSync(join(DIR, f), 'utf8'))))
    .map((r) => [r.slug, r]),
);
const isMakeAhead = (slug: string) => (catalog.get(slug)?.passiveMinutes ?? 0) >= 6 * 60;

const pctx = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });
const mctx = (id: number, mealId: string) => ({
  params: Promise.resolve({ id: String(id), mealId }),
});

async function readPlan(id: number) {
  const res = await getPlan(authedRequest(`http://localhost/api/plans/${id}`), pctx(id));
  expect(res.status).toBe(200);
  return planViewSchema.parse(await res.json());
}

let planId: number;

beforeAll(async () => {
  await useFreshDatabase();
  // Every slot, the snack included; the catalog's ferments and broths are snacks.
  const profile = await createProfile(
    jsonRequest('/api/profiles', 'POST', { name: 'Snacks', protocol: 'six-food', ...ROOMY_LIMITS }),
  );
  if (profile.status !== 201) throw new Error(await profile.text());
  const profileId = ((await profile.json()) as { id: number }).id;
  const res = await createPlan(
    jsonRequest('/api/plans', 'POST', { profileId, weekStart: WEEK, seed: 1 }),
  );
  if (res.status !== 201) throw new Error(await res.text());
  planId = ((await res.json()) as { id: number }).id;
  // A ferment of days on Sunday's snack, swapped in unless the week already has one.
  const plan = await readPlan(planId);
  const hasFerment = plan.days.some((d) =>
    d.meals.some(
      (m) =>
        m.leftoverOf === null &&
        isMakeAhead(m.recipeSlug) &&
        readinessLead(catalog.get(m.recipeSlug)!, m.slot) >= 2,
    ),
  );
  if (hasFerment) return;
  const sunday = `${addDays(WEEK, 6)}-snack`;
  const alts = await getAlternatives(
    authedRequest(`http://localhost/api/plans/${planId}/meals/${sunday}/alternatives?limit=50`),
    mctx(planId, sunday),
  );
  const { items } = (await alts.json()) as { items: { recipeSlug: string }[] };
  const ferment = items.find(
    (a) => isMakeAhead(a.recipeSlug) && readinessLead(catalog.get(a.recipeSlug)!, 'snack') >= 2,
  );
  if (!ferment) throw new Error(`no ferment offered for ${sunday}`);
  const swapped = await swapMeal(
    jsonRequest(`/api/plans/${planId}/meals/${sunday}/swap`, 'POST', {
      recipeSlug: ferment.recipeSlug,
    }),
    mctx(planId, sunday),
  );
  if (swapped.status !== 200) throw new Error(await swapped.text());
});

describe('make-ahead prep lines in the plan JSON', () => {
  it('carries one prep line per make-ahead meal, on its start day, consistent with the meals', async () => {
    const plan = await readPlan(planId);
    const meals = new Map(plan.days.flatMap((d) => d.meals.map((m) => [m.id, m])));
    const cooked = [...meals.values()].filter(
      (m) => m.leftoverOf === null && isMakeAhead(m.recipeSlug),
    );
    expect(cooked.length).toBeGreaterThan(0);
    expect(cooked.some((m) => readinessLead(catalog.get(m.recipeSlug)!, m.slot) >= 2)).toBe(true);
    const lines = plan.days.flatMap((d) => d.prep.map((line) => ({ line, on: d.date })));
    expect(lines.map((x) => x.line.forMeal).sort()).toEqual(cooked.map((m) => m.id).sort());
    for (const { line, on } of lines) {
      const meal = meals.get(line.forMeal)!;
      const recipe = catalog.get(meal.recipeSlug)!;
      expect(line).toMatchObject({
        recipeSlug: meal.recipeSlug,
        recipeName: meal.recipeName,
        activeMinutes: recipe.activeMinutes,
        passiveMinutes: recipe.passiveMinutes,
        readyOn: meal.date,
      });
      // the prep starts within the week, its lead before the meal
      expect(on).toBe(addDays(meal.date, -readinessLead(recipe, meal.slot)));
      expect(on >= WEEK).toBe(true);
    }
  });

  it('refuses to swap a make-ahead recipe onto the first day, before it can be ready', async () => {
    const plan = await readPlan(planId);
    const meal = plan.days
      .flatMap((d) => d.meals)
      .find(
        (m) =>
          m.leftoverOf === null &&
          isMakeAhead(m.recipeSlug) &&
          readinessLead(catalog.get(m.recipeSlug)!, m.slot) >= 1,
      )!;
    const first = `${WEEK}-${meal.slot}`;
    const res = await swapMeal(
      jsonRequest(`/api/plans/${planId}/meals/${first}/swap`, 'POST', {
        recipeSlug: meal.recipeSlug,
      }),
      mctx(planId, first),
    );
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('not-ready');
    expect(body.error.message).toContain(`${meal.recipeName} needs `);
    expect(body.error.message).toContain(`the first ${meal.slot} it can be is on `);
    // nothing changed
    expect(await readPlan(planId)).toEqual(plan);
  });
});
