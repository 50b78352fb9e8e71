import { fillByFlow } from './feasibility';
import { keepsUntil, MAX_FED } from './leftovers';
import {
  cellOf,
  getModel,
  type Model,
  mealIdOf,
  mealTypeBit,
  nearestPortion,
  portionOk,
  recipeViolations,
} from './model';
import { notReadyText } from './readiness';
import { createRng } from './rng';
import { fillWithBatches, optimise, roundsFor } from './search';
import { EMPTY, PlanState } from './state';
import type { PlannedMeal, PlannerInput } from './types';

/** A kept meal that cannot stay as it is under the current input. */
export type LockProblem = { cell: number; mealId: string; recipeName: string; text: string };

/**
 * Places kept meals into `st` as locked cells and marks them in `userLocked`. Meals outside the
 * week or the profile's slots are ignored. A kept leftover meal pins the meal its batch was
 * cooked at to the same recipe (placing it if it was not kept itself), so the batch stays
 * consistent; a leftover that could not be one (not a lunch or dinner eating from an earlier
 * one) is kept as a freshly cooked meal, as `readPlan` reads it. Portions
 * come from `portionOf` (an index into the model's portions) when given, else from servings.
 * Returns the meals that break a hard rule; they are not placed.
 */
export function applyLocks(
  m: Model,
  st: PlanState,
  userLocked: Uint8Array,
  locked: PlannedMeal[],
  portionOf?: (mealId: string) => number | undefined,
): LockProblem[] {
  const problems: LockProblem[] = [];
  const inGrid = locked.filter((x) => m.dates.includes(x.date) && m.slots.includes(x.slot));
  const byId = new Map(inGrid.map((x) => [x.id, x]));
  const isBatchMeal = (x: PlannedMeal): boolean => x.slot === 'lunch' || x.slot === 'dinner';
  /** The cell of the meal a kept leftover's batch is cooked at, or −1. */
  const sourceCell = (x: PlannedMeal): number => {
    if (!x.leftoverOf || !isBatchMeal(x)) return EMPTY;
    const day = m.dates.indexOf(x.date);
    for (let c = 0; c < day * m.nSlots; c++) {
      if (m.isBatchSlot[c % m.nSlots] && mealIdOf(m, c) === x.leftoverOf) return c;
    }
    return EMPTY;
  };
  const isLeftoverLock = (x: PlannedMeal): boolean => sourceCell(x) >= 0;
  const fedServings = (id: string): number =>
    inGrid
      .filter((x) => x.leftoverOf === id && isLeftoverLock(x))
      .reduce((a, x) => a + x.servings, 0);

  const check = (meal: PlannedMeal, cell: number, src: number): string | null => {
    const r = m.bySlug.get(meal.recipeSlug);
    if (r === undefined) return 'the recipe is no longer in the catalog';
    const recipe = m.input.recipes[r]!;
    if (!m.compliant[r]) {
      const violations = recipeViolations(m.input, recipe, m.portions);
      const reasons = [...new Set(violations.map((v) => v.reason))];
      return violations.every((v) => v.kind === 'recipe')
        ? `not planned here (${reasons.join('; ')})`
        : `contains foods you leave out (${reasons.join('; ')})`;
    }
    const d = st.dayOf(cell);
    if (src >= 0) {
      if (!keepsUntil(m, r, st.dayOf(src), d)) {
        return m.keeps[r]
          ? `the dish keeps ${m.keepDays[r]} days, not until ${m.dates[d]}`
          : 'the dish does not keep until another day';
      }
      if (st.fedCount(src) >= MAX_FED) {
        return `its batch already feeds ${MAX_FED} other meals (${MAX_FED + 1} meals from one cooking at most)`;
      }
      return st.appearsOnDay(r, d, cell)
        ? 'the same dish would be eaten twice that day (as leftovers and freshly cooked)'
        : null;
    }
    if (!(m.typeMask[r]! & mealTypeBit(meal.slot))) return `the recipe is not a ${meal.slot}`;
    if (m.minutes[r]! > m.dayLimit[d]!) {
      return `it takes ${m.minutes[r]} min, over the ${m.isWeekend[d] ? 'weekend' : 'weekday'} limit of ${m.dayLimit[d]} min`;
    }
    const notReady = notReadyText(m, r, d, m.slots.indexOf(meal.slot));
    if (notReady !== null) return `it ${notReady}`;
    if (!st.canCook(r)) {
      return m.maxUses[r]! > 1
        ? `the recipe would be made more than ${m.maxUses[r]} times this week`
        : 'the recipe would be cooked twice this week';
    }
    if (st.appearsOnDay(r, d, cell)) return 'the recipe would be served twice that day';
    return null;
  };

  const place = (meal: PlannedMeal, src: number): boolean => {
    const d = m.dates.indexOf(meal.date);
    const cell = cellOf(m, d, m.slots.indexOf(meal.slot));
    if (st.recipe[cell] !== EMPTY && src < 0) return true;
    const problem = check(meal, cell, src);
    const r = m.bySlug.get(meal.recipeSlug);
    if (problem !== null || r === undefined) {
      problems.push({
        cell,
        mealId: meal.id,
        recipeName: r === undefined ? meal.recipeSlug : m.input.recipes[r]!.name,
        text: problem ?? 'unknown recipe',
      });
      return false;
    }
    const own = meal.servings - fedServings(meal.id);
    const k = portionOf?.(meal.id) ?? nearestPortion(m, own / m.householdSize);
    if (!portionOk(m, r, k)) {
      problems.push({
        cell,
        mealId: meal.id,
        recipeName: m.input.recipes[r]!.name,
        text: `its ${m.portions[k]} servings per person are over ${m.input.restriction.fodmapDoses ? 'the low-FODMAP serve or ' : ''}a per-meal nutrient limit (up to ${Math.floor(m.maxPortion[r]! * 100) / 100} fits)`,
      });
      return false;
    }
    st.place(cell, r, k, src);
    st.locked[cell] = 1;
    userLocked[cell] = 1;
    return true;
  };

  for (const meal of inGrid) if (!isLeftoverLock(meal)) place(meal, EMPTY);
  for (const meal of inGrid) {
    const src = sourceCell(meal);
    if (src < 0) continue;
    const r = m.bySlug.get(meal.recipeSlug);
    if (st.recipe[src] === EMPTY && r !== undefined) {
      const id = mealIdOf(m, src);
      const kept = byId.get(id);
      // the batch's meal was not kept: it stays cooked with the recipe, at its own portion
      const cooked: PlannedMeal = {
        ...meal,
        id,
        date: m.dates[st.dayOf(src)]!,
        slot: m.slots[src % m.nSlots]!,
        servings: kept ? kept.servings : m.householdSize + fedServings(id),
        leftoverOf: null,
      };
      if (!place(cooked, EMPTY)) continue;
      st.locked[src] = 0;
      userLocked[src] = 0;
      st.pinned[src] = 1;
    } else if (st.recipe[src] !== r || st.source[src] !== EMPTY) {
      problems.push({
        cell: cellOf(m, m.dates.indexOf(meal.date), m.slots.indexOf(meal.slot)),
        mealId: meal.id,
        recipeName: r === undefined ? meal.recipeSlug : m.input.recipes[r]!.name,
        text: 'it is a leftover of a meal that is no longer planned',
      });
      continue;
    }
    place(meal, src);
  }
  return problems;
}

/** Search effort of a feasibility check that needs a search (see `isFeasible`). */
const FEASIBILITY_EFFORT = 0.25;

/**
 * Whether every day can stay within its cooking budget at all: per day, each slot's cheapest
 * candidate in sessions and, apart, in hands-on minutes (nothing for a lunch that may be a
 * leftover), summed. A necessary condition that rules out hopeless budgets without a search.
 */
function budgetWithinReach(m: Model): boolean {
  for (let d = 0; d < 7; d++) {
    let sessions = 0;
    let minutes = 0;
    for (let s = 0; s < m.nSlots; s++) {
      if (m.leftoversOn && s === m.lunch && d > 0) continue;
      let minS = Number.POSITIVE_INFINITY;
      let minA = Number.POSITIVE_INFINITY;
      for (const r of m.cellCandidates[cellOf(m, d, s)]!) {
        minS = Math.min(minS, m.session[r]!);
        minA = Math.min(minA, m.active[r]!);
      }
      sessions += minS;
      minutes += minA;
    }
    if (sessions > m.sessionBudget[d]! || minutes > m.minuteBudget[d]! + 1e-9) return false;
  }
  return true;
}

/**
 * Whether a full plan exists for `input` with these kept meals (used by suggestions). Exact
 * for weeks whose leftovers are next-day lunches while no cooking budget or main-protein limit
 * applies (a max-flow); a week that needs bigger batches is looked for by a seeded day-by-day
 * fill, and the budget and the limit sum over a day or the week, which a flow cannot express,
 * so then a week must also be found by a short seeded search: a true answer is always a real
 * week, a false one may miss a rare week.
 */
export function isFeasible(input: PlannerInput, locked: PlannedMeal[]): boolean {
  const m = getModel(input);
  const st = new PlanState(m);
  if (applyLocks(m, st, new Uint8Array(m.nCells), locked).length > 0) return false;
  if (m.budgetOn && !budgetWithinReach(m)) return false;
  // the flow tries next-day lunches only; a week that needs bigger batches is built day by day
  if (!fillByFlow(st) && !fillWithBatches(st, createRng(1))) return false;
  if ((!m.budgetOn && !m.proteinOn) || st.keepsHardRules()) return true;
  optimise(st, createRng(1), roundsFor(m, FEASIBILITY_EFFORT), () => st.keepsHardRules());
  return st.keepsHardRules();
}
