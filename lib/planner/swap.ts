import { sessionsText } from './cooking';
import { keepsUntil } from './leftovers';
import {
  fitPortion,
  fitsDay,
  getModel,
  isReady,
  type Model,
  mealIdOf,
  portionOk,
  recipeViolations,
} from './model';
import { buildPlan, dayCooking, readPlan, stateFromCells } from './plan-io';
import { notReadyText } from './readiness';
import { roundScore } from './score';
import { EMPTY, type PlanState } from './state';
import type { Alternative, DayTotals, PlannerInput, SwapResult, WeekPlan } from './types';
import { mealsText } from './variety';

function findCell(m: Model, mealId: string): number {
  for (let c = 0; c < m.nCells; c++) if (mealIdOf(m, c) === mealId) return c;
  return EMPTY;
}

/** Best portion index for `r` in `cell`, judged by the plan's total; lowest index on ties. */
function placeBestPortion(st: PlanState, cell: number, r: number, then?: () => void): void {
  let bestK = fitPortion(st.m, r, 0);
  let best = Number.POSITIVE_INFINITY;
  for (let k = 0; k < st.m.portions.length; k++) {
    if (!portionOk(st.m, r, k)) continue;
    st.place(cell, r, k);
    then?.();
    const t = st.total();
    if (t < best - 1e-9) {
      best = t;
      bestK = k;
    }
  }
  st.place(cell, r, bestK);
  then?.();
}

/**
 * Whether `r` may be cooked in `cell` with the cell's current meal taken out: slot type, day
 * time limit and compliance (via the cell's candidate list), once a week, once a day (leftover
 * meals of `r` that day count).
 */
function mayCook(
  st: PlanState,
  cell: number,
  r: number,
  current: number,
  currentIsLeftover: boolean,
): boolean {
  const uses = st.uses[r]! - (r === current && !currentIsLeftover ? 1 : 0);
  return uses < st.m.maxUses[r]! && !st.appearsOnDay(r, st.dayOf(cell), cell);
}

/**
 * Puts recipe `r` into `cell` and settles leftovers. Rules:
 * - the new meal is freshly cooked, at the portion that gives the lowest plan penalty;
 * - a meal whose batch fed leftover meals keeps feeding each one `r` keeps until and that is not
 *   served at another meal of its day (it keeps its portion); the others become fresh meals,
 *   each filled with its best alternative;
 * - a leftover meal that is swapped becomes a fresh meal; its batch then cooks less.
 * `fed` are the leftover cells of `cell`'s batch, read before `cell` was cleared. Returns false
 * (state untouched apart from the cells' contents being restorable by the caller) when an
 * orphaned meal has no allowed recipe.
 */
function swapInto(st: PlanState, cell: number, r: number, fed: readonly number[]): boolean {
  const m = st.m;
  if (fed.length === 0) {
    placeBestPortion(st, cell, r);
    return true;
  }
  const d = st.dayOf(cell);
  const kept: { cell: number; k: number }[] = [];
  const orphans: number[] = [];
  for (const c of fed) {
    if (keepsUntil(m, r, d, st.dayOf(c)) && !st.appearsOnDay(r, st.dayOf(c), c)) {
      // the meal keeps its portion where the new recipe is green at it, else the nearest green one
      kept.push({ cell: c, k: fitPortion(m, r, st.portion[c]!) });
    } else {
      orphans.push(c);
    }
  }
  for (const c of fed) st.clear(c);
  placeBestPortion(st, cell, r, () => {
    for (const x of kept) st.place(x.cell, r, x.k, cell);
  });
  for (const c of orphans) {
    const refill = bestFresh(st, c, EMPTY);
    if (refill === null) return false;
    st.place(c, refill.r, refill.k);
  }
  return true;
}

/** The fresh recipe and portion for an empty `cell` with the lowest plan penalty, or null. */
function bestFresh(st: PlanState, cell: number, exclude: number): { r: number; k: number } | null {
  const m = st.m;
  let best: { r: number; k: number } | null = null;
  let bestTotal = Number.POSITIVE_INFINITY;
  const day = st.dayOf(cell);
  for (const r of m.cellCandidates[cell]!) {
    if (r === exclude || !st.canCook(r) || st.appearsOnDay(r, day, cell)) continue;
    for (let k = 0; k < m.portions.length; k++) {
      if (!portionOk(m, r, k)) continue;
      st.place(cell, r, k);
      const t = st.total();
      if (t < bestTotal - 1e-9) {
        bestTotal = t;
        best = { r, k };
      }
    }
    st.clear(cell);
  }
  return best;
}

/** Whether a day of the given cells is over a daily cap (a hard rule; see `daily-caps.ts`). */
function breaksCap(st: PlanState, cells: number[]): boolean {
  return cells.some((c) => st.isOverCap(st.dayOf(c)));
}

/** The caps broken on the days of `cells`, in words. */
function capsBroken(st: PlanState, cells: number[]): string[] {
  const m = st.m;
  const out = new Set<string>();
  for (const c of cells) {
    const d = st.dayOf(c);
    if (st.dayFr[d]! > m.fructoseCap + 1e-9) {
      const cap = (m.input.restriction.dailyCaps ?? [])[0];
      out.add(cap ? `${cap.reason}; ${cap.max} g` : `fructose ${m.fructoseCap} g`);
    }
    if (st.dayNa[d]! > m.nutrition.sodiumCap + 1e-9) out.add(`sodium ${m.nutrition.sodiumCap} mg`);
    if (st.dayRet[d]! > m.nutrition.retinolCap + 1e-9) {
      out.add(`preformed vitamin A ${m.nutrition.retinolCap} µg`);
    }
  }
  return [...out];
}

/** What the week-level hard rules count, taken before a change to judge what it broke. */
type Counts = { sessions: Int32Array; active: Float64Array; protein: Int32Array };

function countsOf(st: PlanState): Counts {
  return {
    sessions: st.daySessions.slice(),
    active: st.dayActive.slice(),
    protein: st.proteinMeals.slice(),
  };
}

/**
 * Days of `cells` the change took over the cooking budget, or further over it (a hard rule; see
 * `cooking.ts`). A day a plan already had over budget (planned before the budget, say) does not
 * stop a change that leaves it no worse.
 */
function overBudgetDays(st: PlanState, cells: number[], before: Counts): number[] {
  return [...new Set(cells.map((c) => st.dayOf(c)))].filter((d) => {
    const o = st.budgetOver(d);
    return (
      (o.sessions && st.daySessions[d]! > before.sessions[d]!) ||
      (o.activeMinutes && st.dayActive[d]! > before.active[d]! + 1e-9)
    );
  });
}

/** Main proteins the change took over their limit, or further over it (see `variety.ts`). */
function proteinsBroken(st: PlanState, before: Counts): number[] {
  return st.proteinsOver().filter((p) => st.proteinMeals[p]! > before.protein[p]!);
}

/** What of each day's cooking budget is broken, in words. */
function budgetBroken(st: PlanState, days: number[]): string[] {
  const m = st.m;
  const out: string[] = [];
  for (const d of days) {
    const kind = m.isWeekend[d] ? 'weekend' : 'weekday';
    const o = st.budgetOver(d);
    if (o.sessions) {
      out.push(
        `${m.dates[d]} would need ${sessionsText(st.daySessions[d]!)}; your ${kind} budget is ${sessionsText(m.sessionBudget[d]!)}`,
      );
    }
    if (o.activeMinutes) {
      out.push(
        `${m.dates[d]} would take ${Math.round(st.dayActive[d]!)} hands-on minutes; your ${kind} budget is ${m.minuteBudget[d]} minutes`,
      );
    }
  }
  return out;
}

type CellSave = { cell: number; r: number; k: number; src: number };

function saveCells(st: PlanState, cells: number[]): CellSave[] {
  return cells.map((cell) => ({
    cell,
    r: st.recipe[cell]!,
    k: st.portion[cell]!,
    src: st.source[cell]!,
  }));
}

/** Puts saved cells back: cooked meals first, then the leftover meals their batches feed. */
function restoreCells(st: PlanState, saved: CellSave[]): void {
  for (const s of saved) st.clear(s.cell);
  for (const leftovers of [false, true]) {
    for (const s of saved) {
      if (s.r !== EMPTY && (s.src !== EMPTY) === leftovers) st.place(s.cell, s.r, s.k, s.src);
    }
  }
}

/** Narrowing of the alternatives (all optional): they never add a recipe. */
export type AlternativeFilter = {
  /** Words that must all appear in the recipe's name or an ingredient's name (any case, accents). */
  q?: string;
  /** Largest prep + cook minutes. */
  maxMinutes?: number;
  /** Largest per-person energy of the meal at the portion it would get. */
  maxKcal?: number;
};

/** One alternative with what the meal itself would be, per person. */
export type AlternativeCandidate = Alternative & {
  recipeName: string;
  /** Per person, at the portion the swap would give. */
  energyKcal: number;
  proteinG: number;
  /** Prep + cook. */
  totalMinutes: number;
  /** Per-person share of one written serving. */
  portion: number;
  /**
   * The recipe is already served at another meal of the week: only an assembly recipe, which
   * may be made on two days (a cooked recipe is cooked once a week at most).
   */
  inWeek: boolean;
};

/**
 * Recipes of the meal's type that follow every food rule but were not offered, counted once at
 * the first rule they break, in the order checked: the day's time limit, the day's cooking budget
 * on its own, not ready that day (made ahead), once a week or once a day, a leftover meal no
 * recipe can fill; then the daily caps (a recipe over two caps counts for both).
 */
export type AlternativeRejections = {
  /** Compliant recipes of the meal's type, the current one left out. */
  candidates: number;
  tooLong: number;
  repeated: number;
  leftover: number;
  overCap: { fructoseG: number; sodiumMg: number; retinolUg: number };
  /**
   * Over the cooking budget of the meal's day (or of a leftover meal's day it changes): a
   * recipe over both parts counts for both; one whose own hands-on minutes are over the day's
   * budget counts here too.
   */
  overBudget: { sessions: number; activeMinutes: number };
  /** Made ahead and not ready that day: its prep would start before the week. */
  notReady: number;
  /** Would serve a main protein at more meals than the week's limit. */
  protein: number;
};

export type AlternativesReport = {
  /** Ranked best first, filtered, not cut to a limit. */
  items: AlternativeCandidate[];
  /** Alternatives before the filter. */
  available: number;
  rejected: AlternativeRejections;
  /** Meals a week one main protein may be served at; null = no limit. */
  maxProteinMeals: number | null;
  /**
   * The meal's day: its prep + cook limit, whether it is a weekend day and, with a budget, its
   * cooking sessions and hands-on minutes as planned (the meal included).
   */
  day: {
    date: string;
    limitMinutes: number;
    weekend: boolean;
    cooking?: DayTotals['cooking'];
  };
};

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function matchesText(recipe: PlannerInput['recipes'][number], words: string[]): boolean {
  if (words.length === 0) return true;
  const hay = fold([recipe.name, ...recipe.ingredients.map((i) => i.name)].join(' '));
  return words.every((w) => hay.includes(w));
}

/**
 * Compliant recipes for one meal, best first, by the plan's total penalty with that one meal
 * changed as `applySwap` would change it (so the first entry is what a brute-force search over
 * `applySwap` finds best). Candidates obey every hard rule with the current meal taken out,
 * including once a week; the current recipe is left out. Ties break by slug. The filter only
 * narrows this list. Null for an unknown or empty meal.
 */
export function alternativesReport(
  input: PlannerInput,
  plan: WeekPlan,
  mealId: string,
  filter: AlternativeFilter = {},
): AlternativesReport | null {
  const m = getModel(input);
  const cell = findCell(m, mealId);
  if (cell < 0) return null;
  const cells = readPlan(m, plan);
  const st = stateFromCells(m, cells);
  if (st.recipe[cell] === EMPTY) return null;
  const day = st.dayOf(cell);
  const current = st.recipe[cell]!;
  const currentIsLeftover = st.leftover[cell] === 1;
  const total0 = st.total();
  const energy0 = st.dayE[day]!;
  const protein0 = st.dayP[day]!;
  const distinct0 = st.distinct;
  const fed = st.fedCells(cell);
  const touched = [cell, ...fed];
  const saved = saveCells(st, touched);
  const inWeek = new Set<number>();
  for (let c = 0; c < m.nCells; c++)
    if (c !== cell && st.recipe[c] !== EMPTY) inWeek.add(st.recipe[c]!);
  const rejected: AlternativeRejections = {
    candidates: 0,
    tooLong: 0,
    repeated: 0,
    leftover: 0,
    overCap: { fructoseG: 0, sodiumMg: 0, retinolUg: 0 },
    overBudget: { sessions: 0, activeMinutes: 0 },
    notReady: 0,
    protein: 0,
  };
  const bit = m.typeBitOfSlot[cell % m.nSlots]!;
  for (let r = 0; r < m.n; r++) {
    if (r === current || !m.compliant[r] || !(m.typeMask[r]! & bit)) continue;
    if (m.bySlug.get(input.recipes[r]!.slug) !== r) continue;
    rejected.candidates++;
    if (m.minutes[r]! > m.dayLimit[day]!) rejected.tooLong++;
    else if (!fitsDay(m, r, day)) {
      // alone over the day's budget: its hands-on minutes, or a session where none is allowed
      if (m.active[r]! > m.minuteBudget[day]! + 1e-9) rejected.overBudget.activeMinutes++;
      else rejected.overBudget.sessions++;
    } else if (!isReady(m, r, day, cell % m.nSlots)) rejected.notReady++;
  }
  const cooking0 = dayCooking(st, day);
  const counts0 = countsOf(st);
  const scored: (AlternativeCandidate & { total: number; r: number })[] = [];
  for (const r of m.cellCandidates[cell]!) {
    if (r === current) continue;
    if (!mayCook(st, cell, r, current, currentIsLeftover)) {
      rejected.repeated++;
      continue;
    }
    st.clear(cell);
    if (!swapInto(st, cell, r, fed)) rejected.leftover++;
    else if (breaksCap(st, touched)) {
      for (const c of touched) {
        const over = st.capsOver(st.dayOf(c));
        if (over.fructoseG) rejected.overCap.fructoseG++;
        if (over.sodiumMg) rejected.overCap.sodiumMg++;
        if (over.retinolUg) rejected.overCap.retinolUg++;
      }
    } else if (overBudgetDays(st, touched, counts0).length > 0) {
      const days = overBudgetDays(st, touched, counts0).map((d) => st.budgetOver(d));
      if (days.some((o) => o.sessions)) rejected.overBudget.sessions++;
      if (days.some((o) => o.activeMinutes)) rejected.overBudget.activeMinutes++;
    } else if (proteinsBroken(st, counts0).length > 0) {
      rejected.protein++;
    } else {
      const total = st.total();
      const f = m.portions[st.portion[cell]!]!;
      const recipe = input.recipes[r]!;
      scored.push({
        r,
        recipeSlug: recipe.slug,
        recipeName: recipe.name,
        total,
        scoreDelta: roundScore(total - total0),
        energyDeltaKcal: Math.round((st.dayE[day]! - energy0) * 10) / 10,
        proteinDeltaG: Math.round((st.dayP[day]! - protein0) * 10) / 10,
        itemsToBuyDelta: st.distinct - distinct0,
        energyKcal: Math.round(m.energy[r]! * f * 10) / 10,
        proteinG: Math.round(m.protein[r]! * f * 10) / 10,
        totalMinutes: m.minutes[r]!,
        portion: f,
        inWeek: inWeek.has(r),
      });
    }
    restoreCells(st, saved);
  }
  scored.sort((a, b) => a.total - b.total || (a.recipeSlug < b.recipeSlug ? -1 : 1));
  const words = filter.q ? fold(filter.q).split(/\s+/).filter(Boolean) : [];
  const items = scored
    .filter(
      (a) =>
        (filter.maxMinutes === undefined || a.totalMinutes <= filter.maxMinutes) &&
        (filter.maxKcal === undefined || a.energyKcal <= filter.maxKcal) &&
        matchesText(input.recipes[a.r]!, words),
    )
    .map(({ total: _total, r: _r, ...alt }) => alt);
  return {
    items,
    available: scored.length,
    rejected,
    maxProteinMeals: m.proteinOn ? m.maxProteinMeals : null,
    day: {
      date: m.dates[day]!,
      limitMinutes: m.dayLimit[day]!,
      weekend: m.isWeekend[day]!,
      ...(cooking0 ? { cooking: cooking0 } : {}),
    },
  };
}

/**
 * The first `limit` (≥ 0) entries of `alternativesReport` without a filter, in the five fields
 * of `Alternative`. An unknown meal gives an empty list.
 */
export function rankAlternatives(
  input: PlannerInput,
  plan: WeekPlan,
  mealId: string,
  limit = 10,
): Alternative[] {
  const report = alternativesReport(input, plan, mealId);
  if (!report) return [];
  return report.items
    .slice(0, Math.max(0, limit))
    .map(({ recipeSlug, scoreDelta, energyDeltaKcal, proteinDeltaG, itemsToBuyDelta }) => ({
      recipeSlug,
      scoreDelta,
      energyDeltaKcal,
      proteinDeltaG,
      itemsToBuyDelta,
    }));
}

/**
 * Replaces one meal by `recipeSlug`, checking every hard rule first (see `rankAlternatives` for
 * how leftovers follow). The meal's lock flag is kept. On failure the plan is unchanged and the
 * code says why; a non-compliant recipe comes with its violations.
 */
export function applySwap(
  input: PlannerInput,
  plan: WeekPlan,
  mealId: string,
  recipeSlug: string,
): SwapResult {
  const m = getModel(input);
  const cell = findCell(m, mealId);
  const exists = plan.days.some((d) => d.meals.some((x) => x.id === mealId));
  if (cell < 0 || !exists) {
    return { ok: false, code: 'unknown-meal', message: `There is no meal ${mealId} in this plan.` };
  }
  const r = m.bySlug.get(recipeSlug);
  if (r === undefined) {
    return { ok: false, code: 'unknown-recipe', message: `There is no recipe ${recipeSlug}.` };
  }
  const recipe = input.recipes[r]!;
  if (!m.compliant[r]) {
    const violations = recipeViolations(input, recipe, m.portions);
    const reasons = [
      ...new Set(
        violations.filter((v) => v.kind !== 'recipe').map((v) => `${v.foodName}: ${v.reason}`),
      ),
    ];
    // Rules about the whole recipe (a treat, an unknown value under a limit) name no food.
    const recipeReasons = [
      ...new Set(violations.filter((v) => v.kind === 'recipe').map((v) => v.reason)),
    ];
    const parts = [
      ...(reasons.length > 0 ? [`contains foods you leave out (${reasons.join('; ')})`] : []),
      ...(recipeReasons.length > 0 ? [`is not planned here: ${recipeReasons.join('; ')}`] : []),
    ];
    return {
      ok: false,
      code: 'not-compliant',
      message: `${recipe.name} ${parts.join(', and ')}.`,
      violations,
    };
  }
  const slot = m.slots[cell % m.nSlots]!;
  if (!(m.typeMask[r]! & m.typeBitOfSlot[cell % m.nSlots]!)) {
    return { ok: false, code: 'wrong-slot', message: `${recipe.name} is not a ${slot} recipe.` };
  }
  const cells = readPlan(m, plan);
  const st = stateFromCells(m, cells);
  const day = st.dayOf(cell);
  if (m.minutes[r]! > m.dayLimit[day]!) {
    const kind = m.isWeekend[day] ? 'weekend' : 'weekday';
    return {
      ok: false,
      code: 'too-long',
      message: `${recipe.name} takes ${m.minutes[r]} min; your ${kind} limit is ${m.dayLimit[day]} min.`,
    };
  }
  const notReady = notReadyText(m, r, day, cell % m.nSlots);
  if (notReady !== null) {
    return { ok: false, code: 'not-ready', message: `${recipe.name} ${notReady}.` };
  }
  const current = st.recipe[cell]!;
  const currentIsLeftover = st.leftover[cell] === 1;
  if (r === current && !currentIsLeftover) return { ok: true, plan };
  if (!mayCook(st, cell, r, current, currentIsLeftover)) {
    return {
      ok: false,
      code: 'overused',
      message:
        m.maxUses[r]! > 1
          ? `${recipe.name} is already made ${m.maxUses[r]} times this week or would be served twice on ${m.dates[day]}.`
          : `${recipe.name} is already cooked this week (once a week: a leftover of it is fine) or would be served twice on ${m.dates[day]}.`,
    };
  }
  const counts0 = countsOf(st);
  const touched = [cell, ...st.fedCells(cell)];
  st.clear(cell);
  if (!swapInto(st, cell, r, touched.slice(1))) {
    return {
      ok: false,
      code: 'overused',
      message: `No recipe is left for a leftover meal that ${recipe.name} cannot provide.`,
    };
  }
  if (breaksCap(st, touched)) {
    return {
      ok: false,
      code: 'over-daily-cap',
      message: `${recipe.name} would take ${m.dates[day]} over the daily limit (${capsBroken(st, touched).join('; ')}).`,
    };
  }
  const overBudget = overBudgetDays(st, touched, counts0);
  if (overBudget.length > 0) {
    return {
      ok: false,
      code: 'over-cooking-budget',
      message: `${recipe.name} would break your cooking budget: ${budgetBroken(st, overBudget).join('; ')}.`,
    };
  }
  const proteins = proteinsBroken(st, counts0);
  if (proteins.length > 0) {
    const served = proteins.map((p) => `${m.proteinNames[p]} at ${mealsText(st.proteinMeals[p]!)}`);
    return {
      ok: false,
      code: 'protein-limit',
      message: `${recipe.name} would serve ${served.join(' and ')} this week; your limit is ${mealsText(m.maxProteinMeals)} a week of the same main protein.`,
    };
  }
  return { ok: true, plan: buildPlan(st, cells.userLocked).plan };
}

/** The plan with one meal's lock flag set; unknown meal ids leave it as it is. */
export function setLocked(plan: WeekPlan, mealId: string, locked: boolean): WeekPlan {
  return {
    ...plan,
    days: plan.days.map((day) => ({
      ...day,
      meals: day.meals.map((meal) => (meal.id === mealId ? { ...meal, locked } : meal)),
    })),
  };
}
