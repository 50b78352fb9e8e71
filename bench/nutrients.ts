/**
 * Nutrient rules: over random profiles with body data (seeded; both sexes, ages 18–80, some
 * pregnant or lactating women; household, slots, time and carb targets from the planner bench's
 * `randomProfile`; every protocol's elimination phase with a random everyday diet), plan a week
 * with the full nutrient model (the profile's DRI targets via `nutrientTargetsFor`) and count,
 * independently of the planner from the stored meals:
 * - days over the sodium cap or the retinol limit (goal 0), meals over half the retinol limit;
 * - weeks whose 7-day average meets every tracked RDA/AI (goal ≥ 80 %);
 * - per protocol, the share of weeks short of each tracked nutrient;
 * - generate latency with the full model on the shipped catalog (goal p50 ≤ 40 ms, p95 ≤ 100 ms).
 * Micronutrient sums count known values only (a lower bound); unknown sodium or retinol counts
 * as over the cap.
 *
 * Standalone (small sizes while developing): npx tsx bench/nutrients.ts --profiles=20
 * From bench/run.ts:                          runNutrientBench({ recipes, protocols, log })
 */
import { pathToFileURL } from 'node:url';
import type { DriTable } from '@/lib/nutrition/dri';
import {
  type MicronutrientKey,
  type NutrientTargets,
  TRACKED_MICRONUTRIENTS,
} from '@/lib/nutrition/nutrient-model';
import { nutrientTargetsFor } from '@/lib/nutrition/nutrient-targets';
import { type BodyMetrics, computeTargets, type Sex } from '@/lib/nutrition/targets';
import { generatePlan } from '@/lib/planner/generate-plan';
import { plannerNutritionFrom, snackCarbsFor } from '@/lib/planner/nutrition';
import { createRng, type Rng } from '@/lib/planner/rng';
import type { PlannerInput, PlannerProfile, PlannerRecipe, WeekPlan } from '@/lib/planner/types';
import { DEFAULT_COOKING, DEFAULT_MAX_PROTEIN_MEALS } from '@/lib/profiles/schema';
import { buildRestriction } from '@/lib/protocols/build-restriction';
import type { Protocol } from '@/lib/protocols/schema';
import { randomProfile } from './planner-synthetic';
import { printTable } from './table';

const ACTIVITY = ['sedentary', 'light', 'moderate', 'active'] as const;

function between(rng: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * rng.next();
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/** A random adult body: both sexes, 18–80, some pregnancies (women 18–45) and lactation. */
export function randomBody(rng: Rng): BodyMetrics {
  const sex: Sex = rng.next() < 0.5 ? 'female' : 'male';
  const ageYears = 18 + rng.int(63);
  const fertile = sex === 'female' && ageYears <= 45;
  const pregnant = fertile && rng.next() < 0.15;
  const lactating = fertile && !pregnant && rng.next() < 0.08;
  return {
    sex,
    ageYears,
    heightCm: Math.round(sex === 'female' ? between(rng, 152, 178) : between(rng, 162, 192)),
    weightKg: Math.round(sex === 'female' ? between(rng, 50, 95) : between(rng, 60, 110)),
    activity: ACTIVITY[rng.int(ACTIVITY.length)]!,
    pregnant,
    lactating,
  };
}

export type WeekNutrients = {
  sodiumOverDays: number;
  retinolOverDays: number;
  retinolOverMeals: number;
  /** Tracked nutrients whose weekly average is below the target. */
  short: MicronutrientKey[];
};

/** Counts a stored week against the targets, from its meals alone (see the header). */
export function weekNutrients(
  input: PlannerInput,
  plan: WeekPlan,
  targets: NutrientTargets,
): WeekNutrients {
  const bySlug = new Map(input.recipes.map((r) => [r.slug, r]));
  const meals = plan.days.flatMap((d) => d.meals);
  const sodiumCap = targets.caps.sodiumMg.amount;
  const retinolCap = targets.caps.retinolUg.amount;
  const week = new Map<MicronutrientKey, number>(TRACKED_MICRONUTRIENTS.map((k) => [k, 0]));
  let sodiumOverDays = 0;
  let retinolOverDays = 0;
  let retinolOverMeals = 0;
  for (const day of plan.days) {
    let na = 0;
    let ret = 0;
    for (const meal of day.meals) {
      const fed = meals.filter((x) => x.leftoverOf === meal.id).reduce((a, x) => a + x.servings, 0);
      const portion = (meal.servings - fed) / input.profile.householdSize;
      const r = bySlug.get(meal.recipeSlug)!;
      const capped = (key: 'sodiumMg' | 'retinolUg'): number => {
        const v = r.perServing[key];
        return v === undefined || (r.unknownNutrients?.[key] ?? 0) > 0
          ? Number.POSITIVE_INFINITY
          : portion * v;
      };
      na += capped('sodiumMg');
      const mealRet = capped('retinolUg');
      ret += mealRet;
      if (mealRet > retinolCap / 2 + 1e-6) retinolOverMeals++;
      for (const k of TRACKED_MICRONUTRIENTS) {
        week.set(k, week.get(k)! + portion * (r.perServing[k] ?? 0));
      }
    }
    if (na > sodiumCap + 1e-6) sodiumOverDays++;
    if (ret > retinolCap + 1e-6) retinolOverDays++;
  }
  const short = TRACKED_MICRONUTRIENTS.filter(
    (k) => week.get(k)! / 7 < targets.targets[k].amount - 1e-9,
  );
  return { sodiumOverDays, retinolOverDays, retinolOverMeals, short };
}

/**
 * Profile `i` of a seeded series: protocol `i` mod the protocols (elimination phase), a random
 * everyday diet, `randomProfile`'s household, slots, time and carbs, a `randomBody` and the full
 * nutrient model from its DRIs. Null when the protocol and diet cannot be combined.
 */
export function randomNutrientInput(
  rng: Rng,
  i: number,
  opts: {
    recipes: PlannerRecipe[];
    protocols: Protocol[];
    dri: DriTable;
    /** Another mix: the diet to draw (default: each everyday diet alike). */
    drawDiet?: (rng: Rng, diets: string[]) => string;
    /** Another mix: changes to `randomProfile`'s household, slots and times. */
    adjust?: (profile: PlannerProfile, rng: Rng) => PlannerProfile;
  },
): { input: PlannerInput; targets: NutrientTargets; protocolId: string; diet: string } | null {
  const diets = opts.protocols.filter((p) => p.kind === 'diet').map((p) => p.id);
  const protocolIds = opts.protocols.filter((p) => p.kind === 'protocol').map((p) => p.id);
  const protocolId = protocolIds[i % protocolIds.length]!;
  const diet = opts.drawDiet ? opts.drawDiet(rng, diets) : diets[rng.int(diets.length)]!;
  const built = buildRestriction({
    protocols: opts.protocols,
    protocolId,
    phaseId: 'elimination',
    diet,
    allergens: [],
    avoid: [],
    dislikes: [],
  });
  const drawn = randomProfile(rng);
  const base = opts.adjust ? opts.adjust(drawn, rng) : drawn;
  const body = randomBody(rng);
  if (!built.ok) return null;
  const energy = computeTargets({ body });
  const targets = nutrientTargetsFor(
    {
      sex: body.sex,
      ageYears: body.ageYears,
      pregnant: body.pregnant,
      lactating: body.lactating,
    },
    opts.dri,
  );
  const input: PlannerInput = {
    profile: {
      ...base,
      energyKcal: energy.energyKcal,
      proteinG: energy.proteinG,
      fiberG: energy.fiberG,
      carbsPerSnackG: snackCarbsFor(base.carbsPerMealG),
      nutrition: plannerNutritionFrom(targets),
      // as the app plans: every profile has a cooking budget, the defaults unless changed
      cooking: DEFAULT_COOKING,
      maxProteinMeals: DEFAULT_MAX_PROTEIN_MEALS,
    },
    restriction: built.restriction,
    recipes: opts.recipes,
    weekStart: '2026-11-30',
  };
  return { input, targets, protocolId, diet };
}

export type NutrientBenchResult = {
  profiles: number;
  feasible: number;
  feasibleWithoutNutrients: number;
  days: number;
  sodiumOverDays: number;
  retinolOverDays: number;
  retinolOverMeals: number;
  weeksMeetingAll: number;
  p50Ms: number;
  p95Ms: number;
};

/** What a bench section over random profiles with body data takes. */
export type ProfileBenchOptions = {
  recipes: PlannerRecipe[];
  protocols: Protocol[];
  dri: DriTable;
  profiles?: number;
  seed?: number;
  log?: (line: string) => void;
};

export function runNutrientBench(opts: ProfileBenchOptions): NutrientBenchResult {
  const log = opts.log ?? ((l: string) => console.log(l));
  const wanted = opts.profiles ?? 500;
  const seed = opts.seed ?? 20261206;
  const rng = createRng(seed);
  const protocolIds = opts.protocols.filter((p) => p.kind === 'protocol').map((p) => p.id);
  const result: NutrientBenchResult = {
    profiles: 0,
    feasible: 0,
    feasibleWithoutNutrients: 0,
    days: 0,
    sodiumOverDays: 0,
    retinolOverDays: 0,
    retinolOverMeals: 0,
    weeksMeetingAll: 0,
    p50Ms: 0,
    p95Ms: 0,
  };
  const times: number[] = [];
  const okTimes: number[] = [];
  const plainTimes: number[] = [];
  const byProtocol = new Map<
    string,
    { weeks: number; meetingAll: number; short: Map<MicronutrientKey, number> }
  >();
  const pregnancyRisk = { weeks: 0, meals: 0 };
  // Warm the JIT so the first timed runs are not compile time.
  for (let i = 0; i < Math.min(10, wanted); i++) {
    const built = buildRestriction({
      protocols: opts.protocols,
      protocolId: protocolIds[i % protocolIds.length]!,
      phaseId: 'elimination',
      diet: 'omnivore',
      allergens: [],
      avoid: [],
      dislikes: [],
    });
    if (!built.ok) continue;
    generatePlan(
      {
        profile: randomProfile(createRng(i)),
        restriction: built.restriction,
        recipes: opts.recipes,
        weekStart: '2026-11-30',
      },
      createRng(i),
    );
  }
  for (let i = 0; i < wanted; i++) {
    const drawn = randomNutrientInput(rng, i, opts);
    if (!drawn) continue;
    const { input, targets, protocolId } = drawn;
    result.profiles++;
    const t0 = performance.now();
    const planned = generatePlan(input, createRng(seed + i));
    const ms = performance.now() - t0;
    times.push(ms);
    // the same profile without the nutrient model: what the nutrient rules themselves cost
    const t1 = performance.now();
    const plain = generatePlan(
      { ...input, profile: { ...input.profile, nutrition: undefined, carbsPerSnackG: null } },
      createRng(seed + i),
    );
    if (plain.ok) {
      result.feasibleWithoutNutrients++;
      plainTimes.push(performance.now() - t1);
    }
    if (!planned.ok) continue;
    okTimes.push(ms);
    result.feasible++;
    result.days += 7;
    const w = weekNutrients(input, planned.plan, targets);
    result.sodiumOverDays += w.sodiumOverDays;
    result.retinolOverDays += w.retinolOverDays;
    result.retinolOverMeals += w.retinolOverMeals;
    if (w.short.length === 0) result.weeksMeetingAll++;
    const entry = byProtocol.get(protocolId) ?? { weeks: 0, meetingAll: 0, short: new Map() };
    entry.weeks++;
    if (w.short.length === 0) entry.meetingAll++;
    for (const k of w.short) entry.short.set(k, (entry.short.get(k) ?? 0) + 1);
    byProtocol.set(protocolId, entry);
    if (targets.avoidPregnancyRisks) {
      pregnancyRisk.weeks++;
      const bySlug = new Map(opts.recipes.map((r) => [r.slug, r]));
      for (const m of planned.plan.days.flatMap((d) => d.meals)) {
        const risky = bySlug
          .get(m.recipeSlug)!
          .ingredients.some((ing) =>
            ing.tags.some((t) => t.code === 'organ-meat' || t.code === 'high-mercury-fish'),
          );
        if (risky) pregnancyRisk.meals++;
      }
    }
  }
  result.p50Ms = percentile(times, 0.5);
  result.p95Ms = percentile(times, 0.95);
  const pct = (a: number, b: number): string => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)} %`);

  log('\n## Nutrient rules (random adults with body data, every protocol, full nutrient model)\n');
  printTable(
    log,
    ['measure', 'value', 'goal'],
    [
      [
        'profiles (feasible; feasible without the nutrient model)',
        `${result.profiles} (${result.feasible}; ${result.feasibleWithoutNutrients})`,
        '',
      ],
      ['days over the sodium cap', `${result.sodiumOverDays} of ${result.days}`, '0'],
      ['days over the retinol limit', `${result.retinolOverDays} of ${result.days}`, '0'],
      ['meals over half the retinol limit', result.retinolOverMeals, '0'],
      [
        'pregnant weeks with organ meat or high-mercury fish (meals)',
        `${pregnancyRisk.meals} meals in ${pregnancyRisk.weeks} weeks`,
        '0',
      ],
      [
        'weeks meeting every tracked RDA/AI',
        pct(result.weeksMeetingAll, result.feasible),
        '≥ 80 %',
      ],
      [
        'generate p50 ms (all; feasible)',
        `${result.p50Ms.toFixed(1)}; ${percentile(okTimes, 0.5).toFixed(1)}`,
        '≤ 40',
      ],
      [
        'same profiles without the nutrient model, feasible: p50; p95 ms',
        `${percentile(plainTimes, 0.5).toFixed(1)}; ${percentile(plainTimes, 0.95).toFixed(1)}`,
        '',
      ],
      [
        'generate p95 ms (all; feasible)',
        `${result.p95Ms.toFixed(1)}; ${percentile(okTimes, 0.95).toFixed(1)}`,
        '≤ 100',
      ],
    ],
  );
  log(
    '\n### Share of weeks short of each nutrient (weekly average below the RDA/AI), per protocol\n',
  );
  const short = (k: MicronutrientKey) => k.replace(/(Mg|Ug)$/, '');
  printTable(
    log,
    ['protocol', 'weeks', 'all met', ...TRACKED_MICRONUTRIENTS.map(short)],
    [...byProtocol.entries()].map(([id, e]) => [
      id,
      e.weeks,
      pct(e.meetingAll, e.weeks),
      ...TRACKED_MICRONUTRIENTS.map((k) => pct(e.short.get(k) ?? 0, e.weeks)),
    ]),
  );
  return result;
}

async function main(): Promise<void> {
  const { seedBenchCatalog, profilesArg } = await import('./catalog');
  const { loadDriTable } = await import('@/seeds/dri/load');
  const profiles = profilesArg();
  const { recipes, protocols } = await seedBenchCatalog('bench-nutrients');
  runNutrientBench({ recipes, protocols, dri: loadDriTable(), profiles });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
