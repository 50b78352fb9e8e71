import { type BudgetOver, diagnose } from './diagnose';
import { fillByFlow } from './feasibility';
import { applyLocks } from './locks';
import { getModel, type Model, mealIdOf } from './model';
import { buildPlan, readPlan } from './plan-io';
import type { Rng } from './rng';
import { constructRandom, fillWithBatches, optimise, roundsFor } from './search';
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
 * Plans a week (7 days from `input.weekStart`, every slot of the profile) that meets every hard
 * rule and has a low penalty (formula in `score.ts`).
 *
 * Hard rules: every ingredient of every planned recipe passes `findViolations` (may-contain
 * counts, dislikes too); the recipe's meal types include the slot; prep + cook ≤ the day's
 * limit (weekend limit on Saturday and Sunday); a recipe is cooked at most once a week; a
 * recipe is served at most once a day, leftover meals included; each day within its cooking
 * budget (cooked meals and hands-on minutes, `cooking.ts`) and its daily caps. A leftover meal
 * is a lunch or dinner eating from the batch cooked at an earlier lunch or dinner (batch
 * cooking, `leftovers.ts`): only when `profile.leftovers`, within the days the recipe keeps (any
 * later day when it freezes), at most two per cooking; it needs no cooking, so it is exempt
 * from the slot-type, time, once-a-week and cooking-budget rules, but a leftover meal of a
 * recipe rules out cooking it at another meal that day.
 *
 * Portions: each meal serves `householdSize × portion` with portion ∈ PORTIONS (½, 1, 1½, 2)
 * per person (a meal feeding leftover meals also cooks their servings). Under a
 * dose-aware restriction (low-FODMAP), a meal's portion is at most the recipe's
 * `Model.maxPortion`, so every food stays within its green serve and every FODMAP subgroup within
 * the stacking limit (Σ grams ÷ green serve ≤ 1); a recipe with no such portion is not compliant. Written
 * servings alone put about 30 % of days inside ±10 % of the energy target on the benchmark's
 * synthetic catalog; portions raise that to about 94 %.
 *
 * Search: a random fill that respects the hard rules (a max-flow when it gets stuck, then a few
 * day-by-day fills with batches; if those fail too, the answer is a diagnosis), then iterated
 * local search over single meals with their portions, leftover pairs and same-slot swaps.
 *
 * Deterministic: the same input, seed and options give a deep-equal result. Kept meals
 * (`options.locked`) stay as they are; a kept meal that now breaks a hard rule makes the answer
 * a diagnosis. A kept meal's own portion is read from its servings minus those of kept
 * leftover meals that eat from its batch. The answer is a full plan or a diagnosis, never a half plan.
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

/** Further fills tried, each with new random draws, before a week is declared impossible. */
const FILL_RETRIES = 3;

/**
 * Fills the empty cells of `st` (kept cells already placed and marked) and optimises them.
 * Per-cell bans are dropped if the week cannot be filled, or kept within the hard rules the
 * search prices (caps, cooking budget, main-protein limit), with them.
 */
export function completePlan(
  st: PlanState,
  userLocked: Uint8Array,
  rng: Rng,
  effort: number,
  lockedForDiagnosis: PlannedMeal[],
): PlanResult {
  const fixed = st.snapshot();
  const search = (): boolean => {
    if (!fillWeek(st, rng)) return false;
    if (st.m.nCells > 0) optimise(st, rng, roundsFor(st.m, effort));
    return true;
  };
  let filled = search();
  if ((!filled || !st.keepsHardRules()) && st.banned.some((b) => b !== EMPTY)) {
    st.banned.fill(EMPTY);
    st.restore(fixed);
    filled = search();
  }
  // The fill is randomised: a week one draw misses (a locked meal taking the cell a batch
  // needed, say) is often found by another before the answer is "no week".
  for (let retry = 0; !filled && retry < FILL_RETRIES; retry++) {
    st.restore(fixed);
    filled = search();
  }
  if (!filled) {
    st.restore(fixed);
    return {
      ok: false,
      reason: 'infeasible',
      diagnosis: diagnose(st.m, st, lockedForDiagnosis, []),
    };
  }
  // Daily caps, the cooking budget and the main-protein limit are hard: the search prices any
  // excess far above every other term, so a week still over one here means none was found;
  // answer with a diagnosis, never that week.
  if (!st.keepsHardRules()) {
    const overCap = overCapDays(st).map((d) => st.m.dates[d]!);
    const overBudget = overBudgetOf(st);
    const proteins = st.proteinsOver().map((p) => st.m.proteinNames[p]!);
    st.restore(fixed);
    const diagnosis = diagnose(st.m, st, lockedForDiagnosis, [], overBudget, proteins);
    return {
      ok: false,
      reason: 'infeasible',
      diagnosis: {
        ...diagnosis,
        suggestions: [
          ...(overCap.length > 0 ? capSuggestions(st.m, overCap) : []),
          ...diagnosis.suggestions,
        ],
      },
    };
  }
  return { ok: true, ...buildPlan(st, userLocked) };
}

/** Days (0–6) whose per-person fructose, sodium or retinol is over its cap. */
export function overCapDays(st: PlanState): number[] {
  return [0, 1, 2, 3, 4, 5, 6].filter((d) => st.isOverCap(d));
}

/** Days over the cooking budget, and which part of it, as a diagnosis reads them. */
function overBudgetOf(st: PlanState): BudgetOver {
  const over: BudgetOver = [];
  for (let d = 0; d < 7; d++) {
    const o = st.budgetOver(d);
    if (o.sessions || o.activeMinutes) over.push({ day: d, ...o });
  }
  return over;
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
  return fillByFlow(st) || fillWithBatches(st, rng);
}

/**
 * Replaces every unlocked meal in scope (the whole week, or one date) and keeps the rest.
 * Kept meals: locked ones, meals outside the scope, and a meal whose batch feeds a kept leftover
 * meal (changing it would change that meal). A kept meal may gain or lose leftover meals in
 * scope; its servings follow. Each replaced meal avoids its previous recipe when the
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
  const result = completePlan(st, cells.userLocked, rng, options.effort ?? 1, kept);
  if (result.ok) return result;
  // The search can miss a week on a tight catalog (a rare draw of the randomised search), yet
  // the week being regenerated is itself a valid completion: answer with it rather than a
  // diagnosis that says no week exists.
  const again = new PlanState(m);
  const all = [...meals.values()];
  if (applyLocks(m, again, new Uint8Array(m.nCells), all, (id) => portionById.get(id)).length > 0) {
    return result;
  }
  if (!again.isFull() || !again.keepsHardRules()) return result;
  return { ok: true, ...buildPlan(again, cells.userLocked) };
}
