/**
 * Low-FODMAP doses: over random low-FODMAP elimination profiles (seeded; household, slots,
 * energy and time from the planner bench's `randomProfile`, plus a random everyday diet, up to two
 * allergies and sometimes an avoided group), count planned meals over a food's green serve or
 * over the stacking limit (goal 0) after generate, one swap and a one-day regeneration, and how
 * many recipes fit the elimination phase with doses compared with the yes/no model (the same
 * tags, every FODMAP tag excluding the food outright).
 *
 * Standalone (small sizes while developing): npx tsx bench/fodmap.ts --profiles=20
 * From bench/run.ts:                          runFodmapBench({ recipes, protocols, log })
 */
import { pathToFileURL } from 'node:url';
import { generatePlan, regeneratePlan } from '@/lib/planner/generate-plan';
import { getModel } from '@/lib/planner/model';
import { createRng, type Rng } from '@/lib/planner/rng';
import { applySwap, rankAlternatives } from '@/lib/planner/swap';
import type { PlannerInput, PlannerRecipe, WeekPlan } from '@/lib/planner/types';
import { buildRestriction } from '@/lib/protocols/build-restriction';
import type { Protocol } from '@/lib/protocols/schema';
import type { Restriction } from '@/lib/restrictions/types';
import { randomProfile } from './planner-synthetic';
import { printTable } from './table';

const FODMAP = /^(high-fodmap|fodmap-|fructan-)/;
const ALLERGIES = ['fish', 'crustacean', 'tree-nut', 'peanut', 'milk', 'egg', 'soy', 'sesame'];
const AVOID = ['nightshade', 'pork', 'legume', 'fructan-onion'];

export type FodmapBenchRow = {
  profiles: number;
  feasible: number;
  meals: number;
  dosedMeals: number;
  overServe: number;
  overStacking: number;
};

/**
 * Meals of `plan` over a food's green serve, and over the stacking limit (a subgroup's Σ grams ÷
 * green serve > 1), counted independently of the planner (portion from servings, leftovers out).
 */
export function countOverDose(
  input: PlannerInput,
  plan: WeekPlan,
): { meals: number; dosed: number; overServe: number; overStacking: number } {
  const bySlug = new Map(input.recipes.map((r) => [r.slug, r]));
  const meals = plan.days.flatMap((d) => d.meals);
  let dosed = 0;
  let overServe = 0;
  let overStacking = 0;
  for (const meal of meals) {
    const recipe = bySlug.get(meal.recipeSlug)!;
    const fed = meals
      .filter((x) => x.leftoverOf === meal.id && x.recipeSlug === meal.recipeSlug)
      .reduce((a, x) => a + x.servings, 0);
    const portion = (meal.servings - fed) / input.profile.householdSize;
    const sums = new Map<string, number>();
    let serve = false;
    let hasDose = false;
    for (const ing of recipe.ingredients) {
      const tags = ing.tags.filter((t) => FODMAP.test(t.code));
      if (tags.length === 0 || tags.some((t) => !t.greenMaxG)) continue;
      hasDose = true;
      const green = Math.min(...tags.map((t) => t.greenMaxG!));
      const grams = (ing.gramsPerServing ?? Number.POSITIVE_INFINITY) * portion;
      if (grams > green + 1e-6) serve = true;
      for (const code of new Set(tags.map((t) => t.code).filter((c) => c.startsWith('fodmap-'))))
        sums.set(code, (sums.get(code) ?? 0) + grams / green);
    }
    if (hasDose) dosed++;
    if (serve) overServe++;
    if ([...sums.values()].some((s) => s > 1 + 1e-6)) overStacking++;
  }
  return { meals: meals.length, dosed, overServe, overStacking };
}

function subset<T>(rng: Rng, list: readonly T[], max: number): T[] {
  const n = rng.int(max + 1);
  const pool = [...list];
  const out: T[] = [];
  for (let i = 0; i < n && pool.length > 0; i++) out.push(pool.splice(rng.int(pool.length), 1)[0]!);
  return out;
}

/** Recipes the phase lets in, counted by the planner model for a plain elimination profile. */
function compliantCount(recipes: PlannerRecipe[], restriction: Restriction): number {
  const input: PlannerInput = {
    profile: randomProfile(createRng(1)),
    restriction,
    recipes,
    weekStart: '2026-11-30',
  };
  return getModel(input).compliant.reduce((a, x) => a + x, 0);
}

export function runFodmapBench(opts: {
  recipes: PlannerRecipe[];
  protocols: Protocol[];
  profiles?: number;
  seed?: number;
  log?: (line: string) => void;
}): { row: FodmapBenchRow; dosed: number; yesNo: number } {
  const log = opts.log ?? ((l: string) => console.log(l));
  const wanted = opts.profiles ?? 500;
  const seed = opts.seed ?? 20261206;
  const rng = createRng(seed);
  const diets = opts.protocols.filter((p) => p.kind === 'diet').map((p) => p.id);
  const row: FodmapBenchRow = {
    profiles: wanted,
    feasible: 0,
    meals: 0,
    dosedMeals: 0,
    overServe: 0,
    overStacking: 0,
  };
  const add = (input: PlannerInput, plan: WeekPlan) => {
    const c = countOverDose(input, plan);
    row.meals += c.meals;
    row.dosedMeals += c.dosed;
    row.overServe += c.overServe;
    row.overStacking += c.overStacking;
  };
  for (let i = 0; i < wanted; i++) {
    const built = buildRestriction({
      protocols: opts.protocols,
      protocolId: 'low-fodmap',
      phaseId: 'elimination',
      diet: diets[rng.int(diets.length)]!,
      allergens: subset(rng, ALLERGIES, 2),
      avoid: rng.next() < 0.3 ? subset(rng, AVOID, 1) : [],
      dislikes: [],
    });
    if (!built.ok) throw new Error(built.message);
    const input: PlannerInput = {
      profile: randomProfile(rng),
      restriction: built.restriction,
      recipes: opts.recipes,
      weekStart: '2026-11-30',
    };
    const result = generatePlan(input, createRng(seed + i));
    if (!result.ok) continue;
    row.feasible++;
    add(input, result.plan);
    const meals = result.plan.days.flatMap((d) => d.meals);
    const meal = meals[rng.int(meals.length)]!;
    const alt = rankAlternatives(input, result.plan, meal.id, 3)[0];
    if (alt) {
      const swapped = applySwap(input, result.plan, meal.id, alt.recipeSlug);
      if (swapped.ok) add(input, swapped.plan);
    }
    const again = regeneratePlan(
      input,
      result.plan,
      { scope: 'day', date: meal.date },
      createRng(seed + i + 1),
    );
    if (again.ok) add(input, again.plan);
  }

  const plain = buildRestriction({
    protocols: opts.protocols,
    protocolId: 'low-fodmap',
    phaseId: 'elimination',
    diet: 'omnivore',
    allergens: [],
    avoid: [],
    dislikes: [],
  });
  if (!plain.ok) throw new Error(plain.message);
  const dosed = compliantCount(opts.recipes, plain.restriction);
  const { fodmapDoses: _doses, ...yesNoRestriction } = plain.restriction;
  const yesNo = compliantCount(opts.recipes, yesNoRestriction);

  log(
    `\n## Low-FODMAP doses: ${wanted} random elimination profiles (generate, one swap, one-day regeneration)\n`,
  );
  printTable(
    log,
    [
      'profiles',
      'feasible',
      'meals checked',
      'meals with a dosed food',
      'over a green serve',
      'over the stacking limit',
    ],
    [[row.profiles, row.feasible, row.meals, row.dosedMeals, row.overServe, row.overStacking]],
  );
  log('\nGoal: 0 meals over a green serve and 0 over the stacking limit.\n');
  printTable(
    log,
    ['model', `recipes that fit low-FODMAP elimination (of ${opts.recipes.length})`],
    [
      ['dose-aware (green serves, stacking)', dosed],
      ['yes/no (any FODMAP tag excludes)', yesNo],
      ['more with doses', dosed - yesNo],
    ],
  );
  return { row, dosed, yesNo };
}

async function main(): Promise<void> {
  const { seedBenchCatalog, profilesArg } = await import('./catalog');
  const profiles = profilesArg();
  const { recipes, protocols } = await seedBenchCatalog('bench-fodmap');
  runFodmapBench({ recipes, protocols, profiles });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
