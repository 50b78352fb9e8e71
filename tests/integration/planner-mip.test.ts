import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomNutrientInput } from '@/bench/nutrients';
import { sampleCandidates } from '@/bench/planner';
import { createHighsPool, type HighsPool } from '@/bench/planner-highs';
import { buildPlannerMip, fixedLp } from '@/bench/planner-mip';
import { keepSlots } from '@/bench/planner-nutrient-mip';
import { getDb } from '@/db/client';
import { loadPlannerRecipes } from '@/db/queries/planner-recipes';
import { listProtocols } from '@/db/queries/protocols';
import type { DriTable } from '@/lib/nutrition/dri';
import { generatePlan } from '@/lib/planner/generate-plan';
import { getModel } from '@/lib/planner/model';
import { buildPlan, readPlan, stateFromCells } from '@/lib/planner/plan-io';
import { createRng } from '@/lib/planner/rng';
import { scorePlan } from '@/lib/planner/score-plan';
import type { PlannerInput, PlannerRecipe, WeekPlan } from '@/lib/planner/types';
import type { Protocol } from '@/lib/protocols/schema';
import { loadDriTable } from '@/seeds/dri/load';
import { useFreshDatabase } from '../support/db';

let recipes: PlannerRecipe[];
let protocols: Protocol[];
let dri: DriTable;
let pool: HighsPool;

beforeAll(async () => {
  await useFreshDatabase();
  recipes = await loadPlannerRecipes(getDb());
  protocols = await listProtocols(getDb());
  dri = loadDriTable();
  pool = createHighsPool(1);
});

afterAll(async () => {
  await pool.close();
});

/** Per day: per-person sodium and retinol, and the largest one-meal retinol, from the meals. */
function capSums(input: PlannerInput, plan: WeekPlan) {
  const bySlug = new Map(input.recipes.map((r) => [r.slug, r]));
  const meals = plan.days.flatMap((d) => d.meals);
  return plan.days.map((day) => {
    let sodium = 0;
    let retinol = 0;
    let mealRetinol = 0;
    for (const meal of day.meals) {
      const fed = meals.filter((x) => x.leftoverOf === meal.id).reduce((a, x) => a + x.servings, 0);
      const portion = (meal.servings - fed) / input.profile.householdSize;
      const r = bySlug.get(meal.recipeSlug)!;
      // a capped value must be known for a planned recipe: undefined fails the comparison below
      sodium += portion * (r.perServing.sodiumMg ?? Number.NaN);
      const ret = portion * (r.perServing.retinolUg ?? Number.NaN);
      retinol += ret;
      mealRetinol = Math.max(mealRetinol, ret);
    }
    return { sodium, retinol, mealRetinol };
  });
}

describe('the HiGHS model of the planner (bench/planner-mip) with the nutrient model on', () => {
  it('prices every week the planner makes exactly as the planner does', async () => {
    const rng = createRng(41);
    const checked: { lp: number; state: number; parts: Record<string, number> }[] = [];
    for (let i = 0; checked.length < 4 && i < 80; i++) {
      const drawn = randomNutrientInput(rng, i, { recipes, protocols, dri });
      if (!drawn) continue;
      const { input } = drawn;
      const planned = generatePlan(input, createRng(i));
      if (!planned.ok) continue;
      const m = getModel(input);
      const st = stateFromCells(m, readPlan(m, planned.plan));
      const mip = buildPlannerMip(input);
      // the cooking budget is in the model: the fixed week must keep its rows
      expect(mip.lp).toMatch(/ ses_0: /);
      expect(mip.lp).toMatch(/ act_0: /);
      expect(mip.lp).toMatch(/ prot_\d+: /);
      const answer = await pool.solve(fixedLp(mip, mip.encode(st)), {
        timeLimitS: 60,
        relGap: 0,
      });
      expect(answer.status).toBe('Optimal');
      const score = scorePlan(input, planned.plan);
      checked.push({ lp: answer.objective!, state: st.total(), parts: score.parts });
      expect(Math.abs(answer.objective! - st.total())).toBeLessThan(1e-6);
      // the stored score is rounded to 1e-3
      expect(Math.abs(answer.objective! - score.total)).toBeLessThanOrEqual(5e-4 + 1e-9);
    }
    expect(checked).toHaveLength(4);
    // the nutrient terms were really in play, so leaving one out of the MIP would show
    const sum = (key: string) => checked.reduce((a, c) => a + (c.parts[key] ?? 0), 0);
    expect(sum('micronutrients')).toBeGreaterThan(0);
    expect(sum('energyShares')).toBeGreaterThan(0);
    // and the plant reward
    expect(sum('variety')).toBeLessThan(0);
  });

  it('answers with weeks within the sodium and retinol caps, per day and per meal', async () => {
    const rng = createRng(43);
    let solved = 0;
    for (let i = 0; solved < 2 && i < 80; i++) {
      const drawn = randomNutrientInput(rng, i, { recipes, protocols, dri });
      if (!drawn) continue;
      // a low-sodium profile (1,500 mg a day), so the cap binds on a real week
      const nutrition = drawn.input.profile.nutrition!;
      const profile = keepSlots(
        {
          ...drawn.input.profile,
          nutrition: { ...nutrition, caps: { ...nutrition.caps, sodiumMg: 1500 } },
        },
        2,
      );
      const narrowed = { ...drawn.input, profile };
      const input = { ...narrowed, recipes: sampleCandidates(narrowed, 8, createRng(i)) };
      const m = getModel(input);
      if (m.cellCandidates.some((c) => c.length === 0)) continue;
      const mip = buildPlannerMip(input);
      expect(mip.lp).toMatch(/ na_6: /);
      const answer = await pool.solve(mip.lp, { timeLimitS: 20, relGap: 0 });
      if (answer.objective === null) continue;
      const st = stateFromCells(m, mip.decode(answer.ones));
      expect(st.isFull()).toBe(true);
      const plan = buildPlan(st, new Uint8Array(m.nCells)).plan;
      for (const day of capSums(input, plan)) {
        expect(day.sodium).toBeLessThanOrEqual(1500 + 1e-6);
        expect(day.retinol).toBeLessThanOrEqual(nutrition.caps!.retinolUg! + 1e-6);
        expect(day.mealRetinol).toBeLessThanOrEqual(nutrition.caps!.retinolUg! / 2 + 1e-6);
      }
      solved++;
    }
    expect(solved).toBe(2);
  }, 120_000);
});
