/**
 * The planner against an exact MIP solver (HiGHS) with the full nutrient model on: random adults
 * with body data (`randomNutrientInput`: every protocol's elimination phase, seeded), their DRI
 * targets, sodium and retinol caps, energy shares, fibre ceiling and snack carbs, on the shipped
 * catalog. The MIP (`planner-mip.ts`) has the same candidates, hard rules and objective, so for
 * any week both price it the same (checked per HiGHS answer: "objective check").
 *
 * A. Full instances (the whole catalog): our objective, HiGHS's best incumbent within the time
 *    limit, its dual bound (a proven lower bound on the optimum) and our gap to it. Then the
 *    feasibility question "is there a week whose weekly averages meet every tracked RDA/AI,
 *    within every hard rule?" (`microFloors`, no objective): where HiGHS finds such a week (a
 *    proof that one exists), does our planner's week meet every target too (goal ≥ 95 %)?
 *    Profiles our planner finds infeasible are asked too (hard rules only): a week found by HiGHS
 *    there would be one we missed.
 * B. Reduced instances, small enough for HiGHS to prove the optimum: the same kind of profiles,
 *    cut to their two main meals (dinner, then lunch, then breakfast: `keepSlots`) and a seeded
 *    sample of `recipesPerMealType` compliant recipes per kept meal type (`sampleCandidates`);
 *    our planner and HiGHS get the same reduced input and portions. Our week is HiGHS's MIP
 *    start (it only prunes; a proof is still a proof). Our gap to the proven optimum (goal
 *    median ≤ 1 %, p95 ≤ 3 %).
 *
 * Gap: (ours − reference) / max(|reference|, 1), reference = HiGHS's best, its dual bound or the
 * proven optimum; objectives are penalty points (0 = ideal, a week typically 50–600), so the
 * max(…, 1) only guards a near-zero optimum. Negative = ours is better than HiGHS's incumbent.
 * "Proven optimal" is HiGHS's status Optimal with mip_rel_gap 0 (its absolute gap tolerance
 * 1e-6 stays). A full instance gets no MIP start, so HiGHS's best is its own search.
 *
 * Default limits (`NUTRIENT_MIP_DEFAULTS`, used by bench/run.ts): 20 full instances × (30 s
 * objective + 20 s feasibility) and 20 reduced instances (6 recipes per meal type, 2 meals a day)
 * × at most 45 s, on 2 workers: at most about 16 min if every solve ran to its limit; the
 * feasibility questions end in a second or two, so about 10 min. HiGHS's limits are wall-clock:
 * on a loaded machine fewer reduced instances are proven within them.
 *
 * Standalone:  node --conditions=react-server --import tsx bench/planner-nutrient-mip.ts
 *              [--instances=N] [--reduced=N] [--time=S] [--feasibility-time=S]
 *              [--reduced-time=S] [--per-type=N] [--slots=N] [--portions=0.75,1,...]
 */
import { pathToFileURL } from 'node:url';
import type { DriTable } from '@/lib/nutrition/dri';
import type { NutrientTargets } from '@/lib/nutrition/nutrient-model';
import { generatePlan } from '@/lib/planner/generate-plan';
import { getModel } from '@/lib/planner/model';
import { buildPlan, readPlan, stateFromCells } from '@/lib/planner/plan-io';
import { createRng, type Rng } from '@/lib/planner/rng';
import { PORTIONS } from '@/lib/planner/score';
import { scorePlan } from '@/lib/planner/score-plan';
import type { PlannerInput, PlannerProfile, PlannerRecipe, WeekPlan } from '@/lib/planner/types';
import type { Protocol } from '@/lib/protocols/schema';
import { randomNutrientInput, weekNutrients } from './nutrients';
import { sampleCandidates } from './planner';
import { createHighsPool, type HighsAnswer, type HighsPool } from './planner-highs';
import { buildPlannerMip, type PlannerMip } from './planner-mip';
import { printTable } from './table';

export type NutrientMipOptions = {
  recipes: PlannerRecipe[];
  protocols: Protocol[];
  dri: DriTable;
  full: { instances: number; timeLimitS: number; feasibilityTimeLimitS: number };
  reduced: {
    instances: number;
    recipesPerMealType: number;
    timeLimitS: number;
    /** Keep at most this many of the profile's meals a day (dinner, then lunch, breakfast, snack). */
    maxSlots?: number;
    /** Portion factors for both solvers (default the planner's). */
    portions?: readonly number[];
  };
  workers: number;
  seed?: number;
  log?: (line: string) => void;
};

/** See the header: relative to the reference, at least 1 point in the denominator. */
export function gapTo(ours: number, reference: number): number {
  return (ours - reference) / Math.max(Math.abs(reference), 1);
}

type Instance = {
  label: string;
  input: PlannerInput;
  targets: NutrientTargets;
  plan: WeekPlan;
  ours: number;
  oursMs: number;
  oursMeetsAll: boolean;
  /** Tracked nutrients whose weekly average in our week is below target. */
  oursShort: string[];
};

type Decoded = {
  plan: WeekPlan;
  score: number;
  overCapDays: number;
  overHalfRetinolMeals: number;
  meetsAll: boolean;
  /** See `QualityRow.objectiveCheck` in planner.ts. */
  check: 'equal' | 'slack' | 'MISMATCH';
};

function decode(
  input: PlannerInput,
  targets: NutrientTargets,
  mip: PlannerMip,
  a: HighsAnswer,
  hasObjective = true,
  portions?: readonly number[],
): Decoded | null {
  if (a.objective === null) return null;
  const st = stateFromCells(getModel(input, portions), mip.decode(a.ones));
  if (!st.isFull()) throw new Error('HiGHS answer leaves a meal empty');
  const plan = buildPlan(st, new Uint8Array(st.m.nCells)).plan;
  const score = scorePlan(input, plan).total;
  const w = weekNutrients(input, plan, targets);
  const diff = score - a.objective;
  return {
    plan,
    score,
    overCapDays: w.sodiumOverDays + w.retinolOverDays,
    overHalfRetinolMeals: w.retinolOverMeals,
    meetsAll: w.short.length === 0,
    // without an objective there is nothing to compare
    check: !hasObjective || Math.abs(diff) <= 2e-3 ? 'equal' : diff < 0 ? 'slack' : 'MISMATCH',
  };
}

const slotsOf = (input: PlannerInput): string =>
  input.profile.slots.map((s) => s[0]!.toUpperCase()).join('');
const pct = (x: number | null): string => (x === null ? '—' : `${(100 * x).toFixed(2)} %`);
const num = (x: number | null | undefined): string =>
  x === null || x === undefined ? '—' : x.toFixed(3);

/** Nearest-rank percentile of fractions (bench/stats.ts rounds to 1e-3, too coarse for gaps). */
function quantile(xs: number[], p: number): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
}

/** Draws profiles until `count` are feasible for our planner; infeasible ones are kept apart. */
function drawInstances(
  opts: NutrientMipOptions,
  rng: Rng,
  count: number,
  seed: number,
  restrict: (input: PlannerInput, i: number) => PlannerInput,
  portions?: readonly number[],
): {
  feasible: Instance[];
  infeasible: Pick<Instance, 'label' | 'input' | 'targets'>[];
} {
  const feasible: Instance[] = [];
  const infeasible: Pick<Instance, 'label' | 'input' | 'targets'>[] = [];
  for (let i = 0; feasible.length < count && i < count * 10; i++) {
    const drawn = randomNutrientInput(rng, i, opts);
    if (!drawn) continue;
    const input = restrict(drawn.input, i);
    const label = `${feasible.length + infeasible.length + 1} ${drawn.protocolId}`;
    const t0 = performance.now();
    const result = generatePlan(input, createRng(seed + i), portions ? { portions } : {});
    const oursMs = performance.now() - t0;
    if (!result.ok) {
      infeasible.push({ label, input, targets: drawn.targets });
      continue;
    }
    const short = weekNutrients(input, result.plan, drawn.targets).short;
    feasible.push({
      label,
      input,
      targets: drawn.targets,
      plan: result.plan,
      ours: scorePlan(input, result.plan).total,
      oursMs,
      oursMeetsAll: short.length === 0,
      oursShort: short,
    });
  }
  return { feasible, infeasible };
}

const SLOT_PRIORITY = ['dinner', 'lunch', 'breakfast', 'snack'] as const;

/** The profile with at most `max` of its meals a day, in `SLOT_PRIORITY` order. */
export function keepSlots(profile: PlannerProfile, max: number | undefined): PlannerProfile {
  if (max === undefined || profile.slots.length <= max) return profile;
  const kept = new Set(SLOT_PRIORITY.filter((s) => profile.slots.includes(s)).slice(0, max));
  return { ...profile, slots: profile.slots.filter((s) => kept.has(s)) };
}

/** Our week as a MIP start: its columns at 1, every other 0/1 column at 0. */
function startOf(
  mip: PlannerMip,
  input: PlannerInput,
  plan: WeekPlan,
  portions: readonly number[] | undefined,
): { ones: string[]; zeros: string[] } {
  const ones = mip.encode(readPlan(getModel(input, portions), plan));
  const set = new Set(ones);
  return { ones, zeros: mip.binaryNames.filter((n) => !set.has(n)) };
}

/** HiGHS's dual bound when it has a finite one (−Infinity before the root LP is solved). */
const boundOf = (a: HighsAnswer): number | null =>
  a.dualBound !== null && Number.isFinite(a.dualBound) ? a.dualBound : null;

const shortName = (key: string): string => key.replace(/(DfeUg|Mg|Ug)$/, '');

const hasEmptyCell = (input: PlannerInput): boolean =>
  getModel(input).cellCandidates.some((c) => c.length === 0);

export type NutrientMipResult = {
  full: {
    instances: number;
    highsFound: number;
    oursBetterOrEqual: number;
    medianGapToBest: number | null;
    medianGapToBound: number | null;
    p95GapToBound: number | null;
    targetsProvenReachable: number;
    oursMeetsWhereReachable: number;
    targetsProvenUnreachable: number;
    targetsUnknown: number;
  };
  reduced: {
    instances: number;
    provenOptimal: number;
    medianGap: number | null;
    p95Gap: number | null;
    over3Pct: string[];
  };
  missedFeasible: number;
  highsOverCap: number;
  mismatches: number;
};

export async function runNutrientMipBench(opts: NutrientMipOptions): Promise<NutrientMipResult> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const seed = opts.seed ?? 20261207;
  const started = performance.now();

  const full = drawInstances(opts, createRng(seed), opts.full.instances, seed, (x) => x);
  const reducedSeed = seed + 1;
  const reduced = drawInstances(
    opts,
    createRng(reducedSeed),
    opts.reduced.instances,
    reducedSeed,
    (x, i) => {
      const fewer = { ...x, profile: keepSlots(x.profile, opts.reduced.maxSlots) };
      return {
        ...fewer,
        recipes: sampleCandidates(
          fewer,
          opts.reduced.recipesPerMealType,
          createRng(reducedSeed + i),
        ),
      };
    },
    opts.reduced.portions,
  );

  const pool: HighsPool = createHighsPool(opts.workers);
  const solve = (mip: PlannerMip, timeLimitS: number, start?: WeekPlan, input?: PlannerInput) =>
    pool.solve(mip.lp, {
      timeLimitS,
      relGap: 0,
      start: start && input ? startOf(mip, input, start, opts.reduced.portions) : undefined,
    });
  try {
    const fullMips = full.feasible.map((x) => ({
      objective: buildPlannerMip(x.input),
      floors: buildPlannerMip(x.input, { objective: false, microFloors: true }),
    }));
    const reducedMips = reduced.feasible.map((x) =>
      buildPlannerMip(x.input, { portions: opts.reduced.portions }),
    );
    // profiles our planner answered with a diagnosis: does any week within the hard rules exist?
    const missedCheck = [...full.infeasible, ...reduced.infeasible].map((x) => ({
      ...x,
      mip: hasEmptyCell(x.input) ? null : buildPlannerMip(x.input, { objective: false }),
    }));
    log(
      `\n## Planner vs HiGHS with the full nutrient model (random adults with body data, every protocol; ${opts.workers} workers)\n`,
    );
    log(
      `HiGHS jobs: ${fullMips.length} × objective (${opts.full.timeLimitS} s) + ${fullMips.length} × targets feasibility (${opts.full.feasibilityTimeLimitS} s) + ${reducedMips.length} reduced (${opts.reduced.timeLimitS} s) + ${missedCheck.filter((x) => x.mip).length} rules-only feasibility (${opts.full.feasibilityTimeLimitS} s).`,
    );
    const [objAnswers, floorAnswers, reducedAnswers, missedAnswers] = await Promise.all([
      Promise.all(fullMips.map((x) => solve(x.objective, opts.full.timeLimitS))),
      Promise.all(fullMips.map((x) => solve(x.floors, opts.full.feasibilityTimeLimitS))),
      Promise.all(
        reducedMips.map((x, i) =>
          solve(x, opts.reduced.timeLimitS, reduced.feasible[i]!.plan, reduced.feasible[i]!.input),
        ),
      ),
      Promise.all(
        missedCheck.map((x) =>
          x.mip ? solve(x.mip, opts.full.feasibilityTimeLimitS) : Promise.resolve(null),
        ),
      ),
    ]);

    let highsOverCap = 0;
    let mismatches = 0;
    const tally = (d: Decoded | null): void => {
      if (!d) return;
      highsOverCap += d.overCapDays + d.overHalfRetinolMeals;
      if (d.check === 'MISMATCH') mismatches++;
    };

    // A. full instances
    const fullRows = full.feasible.map((x, i) => {
      const a = objAnswers[i]!;
      const f = floorAnswers[i]!;
      const best = decode(x.input, x.targets, fullMips[i]!.objective, a);
      const floors = decode(x.input, x.targets, fullMips[i]!.floors, f, false);
      tally(best);
      tally(floors);
      // a floors answer is a week HiGHS found; it must meet every target by construction
      const reachable = floors?.meetsAll === true;
      if (floors !== null && !floors.meetsAll) mismatches++;
      return {
        x,
        a,
        best,
        reachable,
        floorsStatus: f.status,
        gapBest: best ? gapTo(x.ours, best.score) : null,
        gapBound: boundOf(a) === null ? null : gapTo(x.ours, boundOf(a)!),
      };
    });
    log(
      `\n### A. Full catalog (${opts.recipes.length} recipes): ${fullRows.length} profiles our planner can plan; objective ${opts.full.timeLimitS} s, feasibility ${opts.full.feasibilityTimeLimitS} s\n`,
    );
    printTable(
      log,
      [
        'profile',
        'slots',
        'binaries',
        'ours',
        'ours ms',
        'HiGHS best',
        'dual bound',
        'status',
        'HiGHS s',
        'ours vs best',
        'ours vs bound',
        'check',
        'every target: HiGHS',
        'ours meets (short)',
      ],
      fullRows.map((r, i) => [
        r.x.label,
        slotsOf(r.x.input),
        fullMips[i]!.objective.binaries,
        num(r.x.ours),
        r.x.oursMs.toFixed(0),
        num(r.best?.score),
        num(boundOf(r.a)),
        r.a.status,
        r.a.seconds.toFixed(1),
        pct(r.gapBest),
        pct(r.gapBound),
        r.best?.check ?? '—',
        r.reachable ? 'week found' : r.floorsStatus === 'Infeasible' ? 'none exists' : 'unknown',
        r.x.oursMeetsAll ? 'yes' : `no: ${r.x.oursShort.map(shortName).join(', ')}`,
      ]),
    );
    const gapsBest = fullRows.flatMap((r) => (r.gapBest === null ? [] : [r.gapBest]));
    const gapsBound = fullRows.flatMap((r) => (r.gapBound === null ? [] : [r.gapBound]));
    const reachable = fullRows.filter((r) => r.reachable);
    const fullSummary: NutrientMipResult['full'] = {
      instances: fullRows.length,
      highsFound: gapsBest.length,
      oursBetterOrEqual: gapsBest.filter((g) => g <= 1e-9).length,
      medianGapToBest: quantile(gapsBest, 0.5),
      medianGapToBound: quantile(gapsBound, 0.5),
      p95GapToBound: quantile(gapsBound, 0.95),
      targetsProvenReachable: reachable.length,
      oursMeetsWhereReachable: reachable.filter((r) => r.x.oursMeetsAll).length,
      targetsProvenUnreachable: fullRows.filter((r) => r.floorsStatus === 'Infeasible').length,
      targetsUnknown: fullRows.filter((r) => !r.reachable && r.floorsStatus !== 'Infeasible')
        .length,
    };
    log('');
    printTable(
      log,
      ['measure', 'value', 'goal'],
      [
        ['HiGHS found a week', `${fullSummary.highsFound} / ${fullSummary.instances}`, ''],
        [
          'ours ≤ HiGHS best; median ours vs HiGHS best',
          `${fullSummary.oursBetterOrEqual} / ${fullSummary.highsFound}; ${pct(fullSummary.medianGapToBest)}`,
          '',
        ],
        [
          'ours vs dual bound: median; p95',
          `${pct(fullSummary.medianGapToBound)}; ${pct(fullSummary.p95GapToBound)}`,
          '',
        ],
        [
          'proven optimal within the limit',
          fullRows.filter((r) => r.a.status === 'Optimal').length,
          '',
        ],
        [
          'every target met on the weekly average: HiGHS found a week / proved none / unknown',
          `${fullSummary.targetsProvenReachable} / ${fullSummary.targetsProvenUnreachable} / ${fullSummary.targetsUnknown}`,
          '',
        ],
        [
          'where HiGHS found one, ours meets every target too',
          `${fullSummary.oursMeetsWhereReachable} / ${fullSummary.targetsProvenReachable}`,
          '≥ 95 %',
        ],
        [
          'ours meets every target (all profiles)',
          `${fullRows.filter((r) => r.x.oursMeetsAll).length} / ${fullRows.length}`,
          '',
        ],
      ],
    );

    // B. reduced instances
    const reducedRows = reduced.feasible.map((x, i) => {
      const a = reducedAnswers[i]!;
      const best = decode(x.input, x.targets, reducedMips[i]!, a, true, opts.reduced.portions);
      tally(best);
      const proven = a.status === 'Optimal' && best !== null;
      return {
        x,
        a,
        best,
        proven,
        gap: best ? gapTo(x.ours, best.score) : null,
        gapBound: boundOf(a) === null ? null : gapTo(x.ours, boundOf(a)!),
      };
    });
    log(
      `\n### B. Reduced catalog (${opts.reduced.recipesPerMealType} sampled compliant recipes per meal type, same input for both; ${opts.reduced.timeLimitS} s limit)\n`,
    );
    printTable(
      log,
      [
        'profile',
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
        'check',
      ],
      reducedRows.map((r, i) => [
        r.x.label,
        slotsOf(r.x.input),
        r.x.input.recipes.length,
        reducedMips[i]!.binaries,
        num(r.x.ours),
        r.x.oursMs.toFixed(0),
        num(r.best?.score),
        num(boundOf(r.a)),
        r.a.status,
        r.a.seconds.toFixed(1),
        pct(r.proven ? r.gap : r.gapBound),
        r.best?.check ?? '—',
      ]),
    );
    const provenGaps = reducedRows.flatMap((r) => (r.proven && r.gap !== null ? [r.gap] : []));
    const over3Pct = reducedRows
      .filter((r) => r.proven && r.gap !== null && r.gap > 0.03)
      .map((r) => `${r.x.label} (${pct(r.gap)})`);
    const reducedSummary: NutrientMipResult['reduced'] = {
      instances: reducedRows.length,
      provenOptimal: provenGaps.length,
      medianGap: quantile(provenGaps, 0.5),
      p95Gap: quantile(provenGaps, 0.95),
      over3Pct,
    };
    log('');
    printTable(
      log,
      ['measure', 'value', 'goal'],
      [
        ['proven optimal', `${reducedSummary.provenOptimal} / ${reducedSummary.instances}`, 'all'],
        ['ours vs proven optimum: median', pct(reducedSummary.medianGap), '≤ 1 %'],
        ['ours vs proven optimum: p95', pct(reducedSummary.p95Gap), '≤ 3 %'],
        [
          'ours = optimum (within 1e-3)',
          reducedRows.filter((r) => r.proven && r.best && r.x.ours - r.best.score <= 1e-3).length,
          '',
        ],
        ['gap > 3 %', over3Pct.length === 0 ? 'none' : over3Pct.join(', '), 'none'],
        [
          'not proven: ours vs dual bound (max)',
          pct(
            quantile(
              reducedRows.flatMap((r) => (!r.proven && r.gapBound !== null ? [r.gapBound] : [])),
              1,
            ),
          ),
          '',
        ],
      ],
    );

    // profiles our planner could not plan
    let missed = 0;
    let provenNone = 0;
    let unknown = 0;
    let trivial = 0;
    missedCheck.forEach((x, i) => {
      const a = missedAnswers[i];
      if (!a) {
        trivial++;
        return;
      }
      if (a.objective !== null) {
        missed++;
        tally(decode(x.input, x.targets, x.mip!, a, false));
      } else if (a.status === 'Infeasible') provenNone++;
      else unknown++;
    });
    log('');
    printTable(
      log,
      ['measure', 'value', 'goal'],
      [
        [
          'profiles our planner could not plan: a meal with no candidate / HiGHS proved no week / HiGHS found a week / unknown',
          `${trivial} / ${provenNone} / ${missed} / ${unknown}`,
          'found a week: 0',
        ],
        ['HiGHS weeks over a daily cap or a meal over half the retinol limit', highsOverCap, '0'],
        ['objective or target mismatches between MIP and our scorer', mismatches, '0'],
      ],
    );
    log(`\nSection time ${((performance.now() - started) / 1000).toFixed(0)} s`);
    return {
      full: fullSummary,
      reduced: reducedSummary,
      missedFeasible: missed,
      highsOverCap,
      mismatches,
    };
  } finally {
    await pool.close();
  }
}

async function main(): Promise<void> {
  const { seedBenchCatalog } = await import('./catalog');
  const { loadDriTable } = await import('@/seeds/dri/load');
  const arg = (name: string, fallback: number): number =>
    Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
  const { recipes, protocols } = await seedBenchCatalog('bench-nutrient-mip');
  await runNutrientMipBench({
    recipes,
    protocols,
    dri: loadDriTable(),
    ...NUTRIENT_MIP_DEFAULTS,
    full: {
      instances: arg('instances', NUTRIENT_MIP_DEFAULTS.full.instances),
      timeLimitS: arg('time', NUTRIENT_MIP_DEFAULTS.full.timeLimitS),
      feasibilityTimeLimitS: arg(
        'feasibility-time',
        NUTRIENT_MIP_DEFAULTS.full.feasibilityTimeLimitS,
      ),
    },
    reduced: {
      instances: arg('reduced', NUTRIENT_MIP_DEFAULTS.reduced.instances),
      recipesPerMealType: arg('per-type', NUTRIENT_MIP_DEFAULTS.reduced.recipesPerMealType),
      timeLimitS: arg('reduced-time', NUTRIENT_MIP_DEFAULTS.reduced.timeLimitS),
      maxSlots: arg('slots', NUTRIENT_MIP_DEFAULTS.reduced.maxSlots),
      portions: (
        process.argv.find((a) => a.startsWith('--portions='))?.split('=')[1] ??
        NUTRIENT_MIP_DEFAULTS.reduced.portions.join(',')
      )
        .split(',')
        .map(Number),
    },
  });
}

/** The sizes and limits bench/run.ts uses (see the header). */
export const NUTRIENT_MIP_DEFAULTS = {
  full: { instances: 20, timeLimitS: 30, feasibilityTimeLimitS: 20 },
  reduced: {
    instances: 20,
    recipesPerMealType: 6,
    timeLimitS: 45,
    maxSlots: 2,
    portions: PORTIONS,
  },
  workers: 2,
} as const;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
