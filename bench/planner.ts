/**
 * Planner benchmark: speed, exactness of the alternatives ranking, quality against an exact
 * MIP solver (HiGHS), and how often days land in the energy band and meet protein.
 *
 * Standalone on a synthetic catalog:   npx tsx bench/planner.ts [--full] [--no-mip]
 *                                      [--mip-time=S] [--mip-profiles=N] [--band-profiles=N]
 * From code with the real catalog:     await runPlannerBench({ recipes, restrictions, buildInput })
 *
 * Quick mode (default): 20 MIP profiles × 20 s on 2 workers ≈ 3.5 min, whole run ≈ 5 min.
 * Full mode: 60 s per MIP ≈ 10 min for the MIP part, so about 11 min in all.
 */
import { pathToFileURL } from 'node:url';
import { generatePlan } from '@/lib/planner/generate-plan';
import { getModel } from '@/lib/planner/model';
import { buildPlan, stateFromCells } from '@/lib/planner/plan-io';
import { createRng, type Rng } from '@/lib/planner/rng';
import { scorePlan } from '@/lib/planner/score-plan';
import { applySwap, rankAlternatives } from '@/lib/planner/swap';
import type { PlannerInput, PlannerProfile, PlannerRecipe, WeekPlan } from '@/lib/planner/types';
import type { Restriction } from '@/lib/restrictions/types';
import { createHighsPool } from './planner-highs';
import { buildPlannerMip } from './planner-mip';
import { makeSyntheticCatalog, randomProfile, SYNTHETIC_RESTRICTIONS } from './planner-synthetic';

export type NamedRestriction = { name: string; restriction: Restriction };

export type BuildInput = (args: {
  profile: PlannerProfile;
  restriction: Restriction;
  recipes: PlannerRecipe[];
  weekStart: string;
}) => PlannerInput;

export type PlannerBenchOptions = {
  /** The catalog to measure (the real one, loaded by the caller, or a synthetic one). */
  recipes: PlannerRecipe[];
  /** Restrictions to spread the runs over. */
  restrictions: NamedRestriction[];
  /** How the caller turns a profile, restriction and catalog into planner input. */
  buildInput?: BuildInput;
  /** Random profile generator (default: synthetic plausible profiles). */
  makeProfile?: (rng: Rng) => PlannerProfile;
  weekStart?: string;
  seed?: number;
  latencyRuns?: number;
  /** Size of the synthetic large catalog for the scaling row; 0 skips it. */
  largeCatalogSize?: number;
  alternativeRuns?: number;
  bruteForceChecks?: number;
  /** false skips the exact-solver comparison. */
  mip?:
    | false
    | { profiles: number; recipesPerMealType: number; timeLimitS: number; workers: number };
  bandProfiles?: number;
  log?: (line: string) => void;
};

export type LatencyRow = {
  catalog: string;
  runs: number;
  feasible: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
};
export type AlternativesRow = {
  runs: number;
  p50Ms: number;
  p95Ms: number;
  bruteForceChecked: number;
  bruteForceEqual: number;
};
export type QualityRow = {
  restriction: string;
  slots: string;
  recipes: number;
  binaries: number;
  ours: number;
  oursMs: number;
  highsBest: number | null;
  highsBound: number | null;
  highsStatus: string;
  highsSeconds: number;
  /** (ours − HiGHS best) / HiGHS best; negative = ours is better. */
  gap: number | null;
  /** (ours − dual bound) / ours: how far ours can at most be from the optimum. */
  boundGap: number | null;
  ingredientsOurs: number;
  ingredientsHighs: number | null;
  /**
   * Our scorer on HiGHS's decoded plan vs HiGHS's objective: 'equal', 'slack' (a time-limited
   * incumbent may leave continuous variables above their minimum, so its plan scores lower
   * than its objective), or 'MISMATCH' (the plan scores higher: the models differ — a bug).
   */
  objectiveCheck: 'equal' | 'slack' | 'MISMATCH' | null;
};
export type BandRow = {
  portions: string;
  profiles: number;
  days: number;
  energyInBand: number;
  proteinMet: number;
  fiberMet: number;
};
export type PlannerBenchRows = {
  latency: LatencyRow[];
  alternatives: AlternativesRow;
  quality: QualityRow[];
  qualitySummary: {
    solved: number;
    medianGap: number | null;
    p95Gap: number | null;
    oursBetterOrEqual: number;
    maxExtraIngredients: number | null;
  } | null;
  bands: BandRow[];
};

const defaultBuildInput: BuildInput = (args) => ({ ...args });

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

const ms = (x: number): string => x.toFixed(1);
const pct = (x: number | null): string => (x === null ? '—' : `${(100 * x).toFixed(2)} %`);

function table(log: (l: string) => void, header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  log(line(header));
  log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of cells.slice(1)) log(line(r));
}

/** A fresh copy, as a request handler would build it: no cache hits from earlier runs. */
function freshRestriction(r: Restriction): Restriction {
  return structuredClone(r);
}

export async function runPlannerBench(opts: PlannerBenchOptions): Promise<PlannerBenchRows> {
  const log = opts.log ?? console.log;
  const build = opts.buildInput ?? defaultBuildInput;
  const makeProfile = opts.makeProfile ?? randomProfile;
  const weekStart = opts.weekStart ?? '2026-11-30';
  const seed = opts.seed ?? 1;
  const restrictions = opts.restrictions;
  const inputFor = (
    rng: Rng,
    i: number,
    recipes: PlannerRecipe[],
  ): { input: PlannerInput; name: string } => {
    const named = restrictions[i % restrictions.length]!;
    return {
      name: named.name,
      input: build({
        profile: makeProfile(rng),
        restriction: freshRestriction(named.restriction),
        recipes,
        weekStart,
      }),
    };
  };

  // Warm the JIT so the first timed runs are not compile time.
  {
    const rng = createRng(seed + 1000);
    for (let i = 0; i < 15; i++) generatePlan(inputFor(rng, i, opts.recipes).input, createRng(i));
  }

  // (1) latency
  const latency: LatencyRow[] = [];
  const timeGenerate = (
    label: string,
    recipes: PlannerRecipe[],
    runs: number,
  ): { plans: { input: PlannerInput; plan: WeekPlan }[] } => {
    const rng = createRng(seed);
    const times: number[] = [];
    const plans: { input: PlannerInput; plan: WeekPlan }[] = [];
    for (let i = 0; i < runs; i++) {
      const { input } = inputFor(rng, i, recipes);
      const t0 = performance.now();
      const result = generatePlan(input, createRng(seed + i));
      times.push(performance.now() - t0);
      if (result.ok) plans.push({ input, plan: result.plan });
    }
    latency.push({
      catalog: label,
      runs,
      feasible: plans.length,
      p50Ms: percentile(times, 0.5),
      p95Ms: percentile(times, 0.95),
      maxMs: Math.max(...times),
    });
    return { plans };
  };
  const { plans } = timeGenerate(
    `given (${opts.recipes.length} recipes)`,
    opts.recipes,
    opts.latencyRuns ?? 200,
  );
  const largeSize = opts.largeCatalogSize ?? 10_000;
  if (largeSize > 0) {
    const large = makeSyntheticCatalog(largeSize, seed + 7);
    const rng = createRng(seed + 3);
    for (let i = 0; i < 5; i++) generatePlan(inputFor(rng, i, large).input, createRng(i));
    timeGenerate(`synthetic (${largeSize} recipes)`, large, 40);
  }
  log('\n## 1. Latency (generatePlan, fresh input per call)\n');
  table(
    log,
    ['catalog', 'runs', 'feasible', 'p50 ms', 'p95 ms', 'max ms'],
    latency.map((r) => [r.catalog, r.runs, r.feasible, ms(r.p50Ms), ms(r.p95Ms), ms(r.maxMs)]),
  );

  // rankAlternatives latency on fresh inputs (the model is rebuilt, as in a request), and exactness
  const altRng = createRng(seed + 5);
  const altTimes: number[] = [];
  const altRuns = Math.min(opts.alternativeRuns ?? 200, plans.length * 8);
  for (let i = 0; i < altRuns; i++) {
    const { input, plan } = plans[i % plans.length]!;
    const meals = plan.days.flatMap((d) => d.meals);
    const meal = meals[altRng.int(meals.length)]!;
    const fresh = { ...input, restriction: freshRestriction(input.restriction) };
    const t0 = performance.now();
    rankAlternatives(fresh, plan, meal.id);
    altTimes.push(performance.now() - t0);
  }
  let checked = 0;
  let equal = 0;
  const bruteRuns = Math.min(opts.bruteForceChecks ?? 30, plans.length);
  for (let i = 0; i < bruteRuns; i++) {
    const { input, plan } = plans[i]!;
    const meals = plan.days.flatMap((d) => d.meals);
    const meal = meals[altRng.int(meals.length)]!;
    const [top] = rankAlternatives(input, plan, meal.id, 1);
    let best = Number.POSITIVE_INFINITY;
    for (const recipe of input.recipes) {
      if (recipe.slug === meal.recipeSlug) continue;
      const swapped = applySwap(input, plan, meal.id, recipe.slug);
      if (swapped.ok) best = Math.min(best, scorePlan(input, swapped.plan).total);
    }
    checked++;
    const predicted = top
      ? scorePlan(input, plan).total + top.scoreDelta
      : Number.POSITIVE_INFINITY;
    if (predicted === best || Math.abs(predicted - best) <= 2e-3) equal++;
  }
  const alternatives: AlternativesRow = {
    runs: altRuns,
    p50Ms: percentile(altTimes, 0.5),
    p95Ms: percentile(altTimes, 0.95),
    bruteForceChecked: checked,
    bruteForceEqual: equal,
  };
  log(
    '\n## 1b. rankAlternatives (fresh input per call) and top alternative vs brute force over applySwap\n',
  );
  table(
    log,
    ['runs', 'p50 ms', 'p95 ms', 'top = brute force'],
    [[alternatives.runs, ms(alternatives.p50Ms), ms(alternatives.p95Ms), `${equal} / ${checked}`]],
  );

  // (2) quality against HiGHS
  const quality: QualityRow[] = [];
  let qualitySummary: PlannerBenchRows['qualitySummary'] = null;
  if (opts.mip !== false) {
    const mipOpts = opts.mip ?? {
      profiles: 20,
      recipesPerMealType: 10,
      timeLimitS: 20,
      workers: 2,
    };
    const rng = createRng(seed + 11);
    const jobs: {
      row: Omit<
        QualityRow,
        | 'highsBest'
        | 'highsBound'
        | 'highsStatus'
        | 'highsSeconds'
        | 'gap'
        | 'boundGap'
        | 'ingredientsHighs'
        | 'objectiveCheck'
      >;
      input: PlannerInput;
      lp: ReturnType<typeof buildPlannerMip>;
    }[] = [];
    for (let i = 0; jobs.length < mipOpts.profiles && i < mipOpts.profiles * 20; i++) {
      const { input: full, name } = inputFor(rng, i, opts.recipes);
      const input = {
        ...full,
        recipes: sampleCandidates(full, mipOpts.recipesPerMealType, createRng(seed + i)),
      };
      const t0 = performance.now();
      const ours = generatePlan(input, createRng(seed + i));
      const oursMs = performance.now() - t0;
      if (!ours.ok) continue;
      const score = scorePlan(input, ours.plan);
      const lp = buildPlannerMip(input);
      jobs.push({
        input,
        lp,
        row: {
          restriction: name,
          slots: input.profile.slots.map((s) => s[0]!.toUpperCase()).join(''),
          recipes: input.recipes.length,
          binaries: lp.binaries,
          ours: score.total,
          oursMs,
          ingredientsOurs: score.distinctIngredients,
        },
      });
    }
    log(
      `\n## 2. Quality vs HiGHS (${jobs.length} profiles, ${mipOpts.recipesPerMealType} sampled compliant recipes per meal type, same instance for both, ${mipOpts.timeLimitS} s limit, ${mipOpts.workers} workers)\n`,
    );
    const pool = createHighsPool(mipOpts.workers);
    try {
      const answers = await Promise.all(
        jobs.map((j) => pool.solve(j.lp.lp, { timeLimitS: mipOpts.timeLimitS, relGap: 0 })),
      );
      answers.forEach((a, i) => {
        const { row, input, lp } = jobs[i]!;
        let ingredientsHighs: number | null = null;
        let objectiveCheck: QualityRow['objectiveCheck'] = null;
        let highsBest: number | null = null;
        if (a.objective !== null) {
          const st = stateFromCells(getModel(input), lp.decode(a.ones));
          const decoded = scorePlan(input, buildPlan(st, new Uint8Array(st.m.nCells)).plan);
          ingredientsHighs = decoded.distinctIngredients;
          highsBest = decoded.total;
          const diff = decoded.total - a.objective;
          objectiveCheck = Math.abs(diff) <= 2e-3 ? 'equal' : diff < 0 ? 'slack' : 'MISMATCH';
        }
        quality.push({
          ...row,
          highsBest,
          highsBound: a.dualBound,
          highsStatus: a.status,
          highsSeconds: a.seconds,
          gap: highsBest === null ? null : (row.ours - highsBest) / highsBest,
          boundGap: a.dualBound === null ? null : (row.ours - a.dualBound) / row.ours,
          ingredientsHighs,
          objectiveCheck,
        });
      });
    } finally {
      await pool.close();
    }
    table(
      log,
      [
        'restriction',
        'slots',
        'recipes',
        'binaries',
        'ours',
        'ours ms',
        'HiGHS best',
        'dual bound',
        'status',
        'HiGHS s',
        'gap',
        'ours vs bound',
        'ingredients ours/HiGHS',
        'objective check',
      ],
      quality.map((q) => [
        q.restriction,
        q.slots,
        q.recipes,
        q.binaries,
        q.ours.toFixed(3),
        ms(q.oursMs),
        q.highsBest?.toFixed(3) ?? '—',
        q.highsBound?.toFixed(3) ?? '—',
        q.highsStatus,
        q.highsSeconds.toFixed(1),
        pct(q.gap),
        pct(q.boundGap),
        `${q.ingredientsOurs} / ${q.ingredientsHighs ?? '—'}`,
        q.objectiveCheck ?? '—',
      ]),
    );
    const gaps = quality.flatMap((q) => (q.gap === null ? [] : [q.gap]));
    // HiGHS best is the score of HiGHS's plan under our scorer (see objectiveCheck).
    const extra = quality.flatMap((q) =>
      q.ingredientsHighs === null ? [] : [q.ingredientsOurs - q.ingredientsHighs],
    );
    qualitySummary = {
      solved: gaps.length,
      medianGap: gaps.length ? percentile(gaps, 0.5) : null,
      p95Gap: gaps.length ? percentile(gaps, 0.95) : null,
      oursBetterOrEqual: gaps.filter((g) => g <= 1e-9).length,
      maxExtraIngredients: extra.length ? Math.max(...extra) : null,
    };
    log('');
    table(
      log,
      [
        'HiGHS found a plan',
        'median gap',
        'p95 gap',
        'ours ≤ HiGHS best',
        'max ingredients over HiGHS',
        'proven optimal',
      ],
      [
        [
          qualitySummary.solved,
          pct(qualitySummary.medianGap),
          pct(qualitySummary.p95Gap),
          `${qualitySummary.oursBetterOrEqual} / ${qualitySummary.solved}`,
          qualitySummary.maxExtraIngredients ?? '—',
          quality.filter((q) => q.highsStatus === 'Optimal').length,
        ],
      ],
    );
  }

  // (3) energy band and protein over random feasible profiles, with and without portions
  const bands: BandRow[] = [];
  const wanted = opts.bandProfiles ?? 500;
  for (const portions of [undefined, [1]] as const) {
    const rng = createRng(seed + 23);
    let found = 0;
    let days = 0;
    let inBand = 0;
    let protein = 0;
    let fiber = 0;
    for (let i = 0; found < wanted && i < wanted * 4; i++) {
      const { input } = inputFor(rng, i, opts.recipes);
      const result = generatePlan(input, createRng(seed + i), portions ? { portions } : {});
      if (!result.ok) continue;
      found++;
      for (const d of result.plan.days) {
        days++;
        if (d.totals.energyInBand) inBand++;
        if (d.totals.proteinMet) protein++;
        if (d.totals.fiberMet) fiber++;
      }
    }
    bands.push({
      portions: portions ? 'written serving only (1)' : 'portions ½–2 (default)',
      profiles: found,
      days,
      energyInBand: inBand / days,
      proteinMet: protein / days,
      fiberMet: fiber / days,
    });
  }
  log(
    `\n## 3. Days in the energy band (±10 %) and meeting protein, ${wanted} random feasible profiles\n`,
  );
  table(
    log,
    ['portions', 'profiles', 'days', 'energy in band', 'protein met', 'fibre met'],
    bands.map((b) => [
      b.portions,
      b.profiles,
      b.days,
      pct(b.energyInBand),
      pct(b.proteinMet),
      pct(b.fiberMet),
    ]),
  );
  return { latency, alternatives, quality, qualitySummary, bands };
}

/**
 * The MIP instance: up to `perType` compliant recipes per planned meal type, sampled at random.
 * Both solvers get exactly this catalog, so their objectives are comparable.
 */
export function sampleCandidates(input: PlannerInput, perType: number, rng: Rng): PlannerRecipe[] {
  const m = getModel(input);
  const chosen = new Set<number>();
  for (const slot of m.slots) {
    const pool = input.recipes.flatMap((r, i) =>
      m.compliant[i] && r.mealTypes.includes(slot) ? [i] : [],
    );
    for (let k = 0; k < perType && pool.length > 0; k++)
      chosen.add(pool.splice(rng.int(pool.length), 1)[0]!);
  }
  return [...chosen].sort((a, b) => a - b).map((i) => input.recipes[i]!);
}

async function main(): Promise<void> {
  const args = new Map(
    process.argv.slice(2).map((a) => {
      const [k, v] = a.replace(/^--/, '').split('=');
      return [k!, v ?? 'true'] as const;
    }),
  );
  const full = args.has('full');
  const recipes = makeSyntheticCatalog(Number(args.get('recipes') ?? 260), 7);
  const started = performance.now();
  console.log(
    `# Planner bench — synthetic catalog of ${recipes.length} recipes, ${full ? 'full' : 'quick'} mode`,
  );
  await runPlannerBench({
    recipes,
    restrictions: SYNTHETIC_RESTRICTIONS,
    mip: args.has('no-mip')
      ? false
      : {
          profiles: Number(args.get('mip-profiles') ?? 20),
          recipesPerMealType: Number(args.get('mip-recipes') ?? 10),
          timeLimitS: Number(args.get('mip-time') ?? (full ? 60 : 20)),
          workers: 2,
        },
    bandProfiles: Number(args.get('band-profiles') ?? 500),
  });
  console.log(`\nTotal ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
