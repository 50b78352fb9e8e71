import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDb } from '@/db/client';
import { loadPlannerRecipes } from '@/db/queries/planner-recipes';
import { listProtocols } from '@/db/queries/protocols';
import { loadRecipeFoods, loadShoppingRecipes } from '@/db/queries/shopping';
import type { MealType } from '@/lib/foods/codes';
import { nutrientTargetsFor } from '@/lib/nutrition/nutrient-targets';
import { generatePlan } from '@/lib/planner/generate-plan';
import { plannerNutritionFrom } from '@/lib/planner/nutrition';
import { createRng } from '@/lib/planner/rng';
import type { PlannerInput, WeekPlan } from '@/lib/planner/types';
import { buildRestriction } from '@/lib/protocols/build-restriction';
import { parseAisleRules } from '@/lib/shopping/aisles';
import { parsePantryDefaults } from '@/lib/shopping/pantry';
import { toShoppingPlan } from '@/lib/shopping/plan-from-week';
import type { ShoppingListInput } from '@/lib/shopping/types';
import aislesJson from '@/seeds/aisles.json';
import { loadDriTable } from '@/seeds/dri/load';
import pantryJson from '@/seeds/pantry-defaults.json';
import { runSeed } from '@/seeds/seed';

export type RealInputs = {
  /** Feasible inputs over the shipped catalog, one per protocol kind the planner treats apart. */
  inputs: { name: string; input: PlannerInput }[];
  /** An input no week can satisfy (its answer is a diagnosis). */
  infeasible: PlannerInput;
  /** A week planned for `inputs[0]` and the shopping input of that week. */
  plan: WeekPlan;
  shopping: ShoppingListInput;
};

const WEEK = '2026-11-30';

/**
 * The seeded catalog (the integration suite's template when there is one, else a database seeded
 * here) turned into planner and shopping inputs as the app builds them.
 */
export async function loadRealInputs(): Promise<RealInputs> {
  const template = process.env.VILLI_TEST_DB_TEMPLATE;
  const own = join(process.cwd(), '.tmp', `pool-real-${process.pid}.db`);
  const path = template && existsSync(template) ? template : own;
  if (path === own) await runSeed(own, false);
  const db = openDb(path);
  try {
    const recipes = await loadPlannerRecipes(db);
    const protocols = await listProtocols(db);
    const nutrition = plannerNutritionFrom(nutrientTargetsFor({}, loadDriTable()));
    const restrictionOf = (protocolId: string, diet = 'omnivore', allergens: string[] = []) => {
      const built = buildRestriction({
        protocols,
        protocolId,
        phaseId: 'elimination',
        diet,
        allergens,
        avoid: [],
        dislikes: [],
      });
      if (!built.ok) throw new Error(built.message);
      return built.restriction;
    };
    const profile = (slots: MealType[], energyKcal: number) => ({
      householdSize: 2,
      slots,
      energyKcal,
      proteinG: 90,
      fiberG: 28,
      maxMinutes: { weekday: 45, weekend: 90 },
      leftovers: true,
      carbsPerMealG: null,
      nutrition,
    });
    const input = (restriction: PlannerInput['restriction'], p = profile(MAIN, 2000)) => ({
      profile: p,
      restriction,
      recipes,
      weekStart: WEEK,
    });
    const inputs = [
      { name: 'AIP, fish allergy', input: input(restrictionOf('aip', 'omnivore', ['fish'])) },
      { name: 'low-FODMAP (doses)', input: input(restrictionOf('low-fodmap')) },
      {
        name: 'gut reset, vegan, snacks',
        input: input(restrictionOf('gut-reset', 'vegan'), profile([...MAIN, 'snack'], 2400)),
      },
    ];
    const infeasible = input(restrictionOf('aip', 'vegan'));
    const first = inputs[0]!.input;
    const result = generatePlan(first, createRng(11));
    if (!result.ok) throw new Error('the AIP week should be feasible');
    const shoppingRecipes = await loadShoppingRecipes(
      db,
      result.plan.days.flatMap((d) => d.meals.map((m) => m.recipeSlug)),
    );
    const shopping: ShoppingListInput = {
      plan: toShoppingPlan(1, 1, result.plan, first.profile.householdSize),
      recipes: shoppingRecipes,
      foods: await loadRecipeFoods(db, shoppingRecipes),
      aisles: parseAisleRules(aislesJson),
      pantry: { defaults: parsePantryDefaults(pantryJson), explicit: new Map([['11216', true]]) },
      checked: new Map([['11507', { checked: true, gramsAtCheck: 1 }]]),
      units: 'us',
    };
    return { inputs, infeasible, plan: result.plan, shopping };
  } finally {
    await db.close();
    if (path === own) for (const s of ['', '-wal', '-shm']) rmSync(`${own}${s}`, { force: true });
  }
}

const MAIN: MealType[] = ['breakfast', 'lunch', 'dinner'];
