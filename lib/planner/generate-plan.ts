import { diagnose } from './diagnose';
import { fillByFlow } from './feasibility';
import { applyLocks } from './locks';
import { getModel, type Model, mealIdOf } from './model';
import { buildPlan, readPlan } from './plan-io';
import type { Rng } from './rng';
import { constructRandom, MAX_SCAN, optimise } from './search';
import { EMPTY, PlanState } from './state';
import type {
  GenerateOptions,
  PlannedMeal,
  PlannerInput,
  PlanResult,
  RegenerateScope,
  WeekPlan,
} from './types';

/**
 * Search effort in candidate evaluations. Counting work instead of time keeps plans
 * reproducible on any machine; the value keeps a ~260-recipe catalog near 20 ms.
 */
const WORK_PER_PLAN = 250_000;
const MIN_ROUNDS = 30;
/**
 * Work units per candidate evaluation with the nutrient goals on. An evaluation then costs about
 * 1.8 × a plain one; the rest is a budget choice: half the rounds of the plain search keeps
 * generation near its latency goal (p50 40 ms) and cost +0.5 % of the objective on the nutrient
 * bench's weeks, with the same share of weeks meeting every target.
 */
const NUTRIENT_EVAL_COST = 3.5;
const MAX_ROUNDS = 400;

/** Iterated-local-search rounds for this model: more for small catalogs, fewer for big ones. */
export function roundsFor(m: Model, effort: number): number {
  const scanned = (c: number): number => Math.min(MAX_SCAN, m.cellCandidates[c]!.length);
  let passCost = 0;
  for (let c = 0; c < m.nCells; c++) passCost += scanned(c);
  if (m.leftoversOn) passCost += 7 * scanned(m.dinner);
  // A candidate priced with the nutrient goals (weekly micronutrients, energy shares) costs
  // about twice as much to evaluate: count work in the same time units.
  const n = m.nutrition;
  if (m.nMicro > 0 || n.sharesOn) passCost *= NUTRIENT_EVAL_COST;
  const rounds = Math.round(WORK_PER_PLAN / Math.max(1, passCost));
  return Math.round(effort * Math.max(MIN_ROUNDS, Math.min(MAX_ROUNDS, rounds)));
}

/**
 * Plans a week (7 days from `input.weekStart`, every slot of the profile) that meets every hard
 * rule and has a low penalty (formula in `score.ts`).
 *
 * Hard rules: every ingredient of every planned recipe passes `findViolations` (may-contain
 * counts, dislikes too); the recipe's meal types include the slot; prep + cook ≤ the day's
 * limit (weekend limit on Saturday and Sunday); a recipe is cooked at most twice a week; a
 * recipe is served at most once a day, leftover meals included. A leftover meal is the previous
 * day's dinner eaten again at lunch: only when `profile.leftovers` and the recipe keeps ≥ 1 day;
 * it needs no cooking, so it is exempt from the slot-type, time and twice-a-week rules, but a
 * leftover lunch of a recipe rules out cooking it at another meal that day.
 *
 * Portions: each meal serves `householdSize × portion` with portion ∈ PORTIONS (½, 1, 1½, 2)
 * per person (a dinner feeding a leftover lunch also cooks the lunch's servings). Under a
 * dose-aware restriction (low-FODMAP), a meal's portion is at most the recipe's
 * `Model.maxPortion`, so every food stays within its green serve and every FODMAP subgroup within
 * the stacking limit (Σ grams ÷ green serve ≤ 1); a recipe with no such portion is not compliant. Written
 * servings alone put about 30 % of days inside ±10 % of the energy target on the benchmark's
 * synthetic catalog; portions raise that to about 94 %.
 *
 * Search: a random fill that respects the hard rules (exact max-flow when it gets stuck; if
 * that fails too, no plan exists and the answer is a diagnosis), then iterated local search over
 * single meals with their portions, leftover pairs, twice-cooked recipes and same-slot swaps.
 *
 * Deterministic: the same input, seed and options give a deep-equal result. Kept meals
 * (`options.locked`) stay as they are; a kept meal that now breaks a hard rule makes the answer
 * a diagnosis. A kept dinner's own portion is read from its servings minus those of kept
 * leftover lunches that reuse it. The answer is a full plan or a diagnosis, never a half plan.
 */
export function generatePlan(
  input: PlannerInput,
  rng: Rng,
  options: GenerateOptions = {},
): PlanResult {
  const m = getModel(input, options.portions);
  const st = new PlanState(m);
  const userLocked = new Uint8Array(m.nCells);
  const locked = options.locked ?? [];
  const problems = applyLocks(m, st, userLocked, locked);
  if (problems.length > 0) {
    return { ok: false, reason: 'infeasible', diagnosis: diagnose(m, st, locked, problems) };
  }
  return completePlan(st, userLocked, rng, options.effort ?? 1, locked);
}

/**
 * Fills the empty cells of `st` (kept cells already placed and marked) and optimises them.
 * Per-cell bans are dropped if the week cannot be filled with them.
 */
export function completePlan(
  st: PlanState,
  userLocked: Uint8Array,
  rng: Rng,
  effort: number,
  lockedForDiagnosis: PlannedMeal[],
): PlanResult {
  const fixed = st.snapshot();
  let filled = fillWeek(st, rng);
  if (!filled && st.banned.some((b) => b !== EMPTY)) {
    st.banned.fill(EMPTY);
    st.restore(fixed);
    filled = fillWeek(st, rng);
  }
  if (!filled) {
    st.restore(fixed);
    return {
      ok: false,
      reason: 'infeasible',
      diagnosis: diagnose(st.m, st, lockedForDiagnosis, []),
    };
  }
  if (st.m.nCells > 0) optimise(st, rng, roundsFor(st.m, effort));
  // Daily caps are hard: the search prices any excess far above every other term, so a week
  // still over a cap here means none was found; answer with a diagnosis, never that week.
  if (overCapDays(st).length > 0) {
    const over = overCapDays(st).map((d) => st.m.dates[d]!);
    st.restore(fixed);
    const diagnosis = diagnose(st.m, st, lockedForDiagnosis, []);
    return {
      ok: false,
      reason: 'infeasible',
      diagnosis: {
        ...diagnosis,
        suggestions: [...capSuggestions(st.m, over), ...diagnosis.suggestions],
      },
    };
  }
  return { ok: true, ...buildPlan(st, userLocked) };
}

/** Days (0–6) whose per-person fructose, sodium or retinol is over its cap. */
export function overCapDays(st: PlanState): number[] {
  return [0, 1, 2, 3, 4, 5, 6].filter((d) => st.isOverCap(d));
}

function capSuggestions(m: Model, dates: string[]): string[] {
  const caps = m.input.restriction.dailyCaps ?? [];
  const n = m.nutrition;
  const nutrientCaps = [
    ...(Number.isFinite(n.sodiumCap) ? [`sodium ${n.sodiumCap} mg`] : []),
    ...(Number.isFinite(n.retinolCap) ? [`preformed vitamin A ${n.retinolCap} µg`] : []),
  ];
  return [
    ...caps.map(
      (c) =>
        `No week found within the daily limit (${c.reason}; ${c.max} g) on ${dates.join(', ')}: keep fewer fruit, honey or dried-fruit meals locked, or add more plain savoury recipes`,
    ),
    ...(nutrientCaps.length > 0
      ? [
          `No week found within the daily limits (${nutrientCaps.join(', ')}) on ${dates.join(', ')}: keep fewer salty or liver meals locked, or add more low-sodium recipes`,
        ]
      : []),
  ];
}

function fillWeek(st: PlanState, rng: Rng): boolean {
  const before = st.snapshot();
  if (constructRandom(st, rng)) return true;
  st.restore(before);
  return fillByFlow(st);
}

/**
 * Replaces every unlocked meal in scope (the whole week, or one date) and keeps the rest.
 * Kept meals: locked ones, meals outside the scope, and a dinner whose leftovers are eaten at a
 * kept lunch (changing it would change that lunch). A kept dinner may gain or lose a leftover
 * lunch in scope; its servings follow. Each replaced meal avoids its previous recipe when the
 * week can still be filled, so a regeneration visibly changes something. Kept meals that now
 * break a hard rule (the profile changed) make the answer a diagnosis. Throws if the plan does
 * not belong to the input.
 */
export function regeneratePlan(
  input: PlannerInput,
  plan: WeekPlan,
  scope: RegenerateScope,
  rng: Rng,
  options: Pick<GenerateOptions, 'effort'> = {},
): PlanResult {
  const m = getModel(input);
  const cells = readPlan(m, plan);
  const scopeDay = scope.scope === 'day' ? m.dates.indexOf(scope.date) : -1;
  const inScope = (c: number): boolean =>
    scope.scope === 'week' || Math.floor(c / m.nSlots) === scopeDay;
  const meals = new Map(plan.days.flatMap((d) => d.meals).map((x) => [x.id, x]));
  const kept: PlannedMeal[] = [];
  const portionById = new Map<string, number>();
  for (let c = 0; c < m.nCells; c++) {
    const id = mealIdOf(m, c);
    portionById.set(id, cells.portion[c]!);
    const meal = meals.get(id);
    if (meal && (cells.userLocked[c] || !inScope(c))) kept.push(meal);
  }
  const st = new PlanState(m);
  const problems = applyLocks(m, st, new Uint8Array(m.nCells), kept, (id) => portionById.get(id));
  if (problems.length > 0) {
    return { ok: false, reason: 'infeasible', diagnosis: diagnose(m, st, kept, problems) };
  }
  for (let c = 0; c < m.nCells; c++) {
    if (st.recipe[c] === EMPTY && inScope(c) && !cells.leftover[c]) st.banned[c] = cells.recipe[c]!;
  }
  return completePlan(st, cells.userLocked, rng, options.effort ?? 1, kept);
}
