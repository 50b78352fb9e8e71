import type { MealType } from '../foods/codes';
import { classOfScore } from '../foods/inflammation';
import { INFLAMMATION_CLASS_LABELS } from '../foods/inflammation-labels';
import { type ChallengeCalendar, placeChallenges } from './challenges';
import { MAX_FED } from './leftovers';
import { cellOf, LOWER_BOUND_NUTRIENTS, type Model, mealIdOf, nearestPortion } from './model';
import {
  carbsPenalty,
  ENERGY_BAND,
  energyPenalty,
  energySharePenalty,
  fiberCeilingPenalty,
  fiberPenalty,
  finishScore,
  isInEnergyBand,
  MEAL_SHARE_BAND_PCT,
  mealSharePenalty,
  proteinPenalty,
  roundScore,
  SCORE_WEIGHTS,
} from './score';
import { EMPTY, PlanState } from './state';
import type {
  DayCookingBudget,
  DayTotals,
  PlanDay,
  PlannedMeal,
  PlanScore,
  ScorePart,
  WeekPlan,
} from './types';

const NONE: ChallengeCalendar = { challenges: {}, washout: [] };

const round1 = (x: number): number => Math.round(x * 10) / 10;
const pctOf = (kcal: number, total: number): string =>
  total > 0 ? `${Math.round((100 * kcal) / total)} %` : '—';

/** Neutral words for a recipe's evidence-weighted inflammation score. */
function describeInflammation(score: number): string {
  return `${INFLAMMATION_CLASS_LABELS[classOfScore(score)]} (evidence-weighted ${score.toFixed(2)})`;
}

/** Score parts of the state, in the shape stored on a plan. */
export function scoreOf(st: PlanState): PlanScore {
  const m = st.m;
  const p = m.input.profile;
  const n = m.nutrition;
  const parts: PlanScore['parts'] = {
    energy: 0,
    protein: 0,
    fiber: 0,
    carbs: 0,
    inflammation: 0,
    variety: -SCORE_WEIGHTS.plant * st.plants,
    ingredients: SCORE_WEIGHTS.ingredient * st.distinct,
    ...(m.nMicro > 0 ? { micronutrients: st.microPenalty() } : {}),
    ...(n.sharesOn ? { energyShares: 0 } : {}),
    ...(m.slotShare !== null ? { mealShares: 0 } : {}),
  };
  for (let d = 0; d < 7; d++) {
    parts.energy += energyPenalty(st.dayE[d]!, p.energyKcal);
    parts.protein += proteinPenalty(st.dayP[d]!, p.proteinG);
    parts.fiber += fiberPenalty(st.dayF[d]!, p.fiberG);
    if (n.fiberMaxFactor > 0)
      parts.fiber += fiberCeilingPenalty(st.dayF[d]!, p.fiberG, n.fiberMaxFactor);
    if (n.sharesOn) {
      parts.energyShares =
        (parts.energyShares ?? 0) +
        energySharePenalty(
          st.dayE[d]!,
          st.dayP[d]!,
          st.daySf[d]!,
          st.dayFat[d]!,
          p.energyKcal,
          n.shares,
        );
    }
  }
  for (let c = 0; c < m.nCells; c++) {
    const r = st.recipe[c]!;
    if (r === EMPTY) continue;
    const f = m.portions[st.portion[c]!]!;
    parts.inflammation += m.inflCost[r]!;
    if (m.slotShare !== null) {
      parts.mealShares =
        (parts.mealShares ?? 0) +
        mealSharePenalty(f * m.energy[r]!, m.slotShare[c % m.nSlots]!, p.energyKcal);
    }
    const spec = m.isMainSlot[c % m.nSlots] ? p.carbsPerMealG : n.snackCarbs;
    parts.carbs += carbsPenalty(f * m.carbs[r]!, spec);
  }
  return finishScore(parts, st.distinct, st.plants);
}

/**
 * Turns a full search state into the stored plan. Explanations attribute penalty points to
 * meals: a day's energy, protein and fibre penalties are split evenly over its meals, and the
 * ingredient term and the plant reward to the first cooking of a recipe,
 * counting only foods (and plants) no other cooked recipe of the week needs.
 */
export function buildPlan(
  st: PlanState,
  userLocked: Uint8Array,
): { plan: WeekPlan; score: PlanScore } {
  const m = st.m;
  const p = m.input.profile;
  const hh = m.householdSize;
  const seenCooked = new Set<number>();
  const days: PlanDay[] = [];
  for (let d = 0; d < 7; d++) {
    const date = m.dates[d]!;
    const meals: PlannedMeal[] = [];
    let carbsDay = 0;
    const dayParts = {
      energy: energyPenalty(st.dayE[d]!, p.energyKcal),
      protein: proteinPenalty(st.dayP[d]!, p.proteinG),
      fiber: fiberPenalty(st.dayF[d]!, p.fiberG),
      fiberCeiling:
        m.nutrition.fiberMaxFactor > 0
          ? fiberCeilingPenalty(st.dayF[d]!, p.fiberG, m.nutrition.fiberMaxFactor)
          : 0,
      shares: m.nutrition.sharesOn
        ? energySharePenalty(
            st.dayE[d]!,
            st.dayP[d]!,
            st.daySf[d]!,
            st.dayFat[d]!,
            p.energyKcal,
            m.nutrition.shares,
          )
        : 0,
    };
    const mealsToday = m.nSlots;
    let atLeastBits = 0;
    for (let s = 0; s < m.nSlots; s++) {
      const c = cellOf(m, d, s);
      const r = st.recipe[c]!;
      if (r === EMPTY) throw new Error(`cell ${mealIdOf(m, c)} is empty`);
      const recipe = m.input.recipes[r]!;
      const f = m.portions[st.portion[c]!]!;
      const isLeftover = st.leftover[c] === 1;
      let servings = hh * f;
      for (const fed of st.fedCells(c)) servings += hh * m.portions[st.portion[fed]!]!;
      carbsDay += f * m.carbs[r]!;
      atLeastBits |= m.atLeast[r]!;
      const parts: ScorePart[] = [];
      const kcal = f * m.energy[r]!;
      const portionNote = f === 1 ? '' : ` (${f} portions)`;
      parts.push({
        name: 'energy',
        value: roundScore(dayParts.energy / mealsToday),
        note: `${Math.round(kcal)} kcal${portionNote} of the day's ${Math.round(st.dayE[d]!)} (target ${Math.round(p.energyKcal)} ± ${Math.round(ENERGY_BAND * 100)} %)`,
      });
      parts.push({
        name: 'protein',
        value: roundScore(dayParts.protein / mealsToday),
        note: `${round1(f * m.protein[r]!)} g of the day's ${round1(st.dayP[d]!)} g (target ${p.proteinG} g)`,
      });
      parts.push({
        name: 'fiber',
        value: roundScore(dayParts.fiber / mealsToday),
        note: `${round1(f * m.fiber[r]!)} g of the day's ${round1(st.dayF[d]!)} g (target ${p.fiberG} g)`,
      });
      if (m.slotShare !== null) {
        const share = m.slotShare[s]!;
        parts.push({
          name: 'balance',
          value: roundScore(mealSharePenalty(kcal, share, p.energyKcal)),
          note: `${pctOf(kcal, p.energyKcal)} of the day's energy target (this meal's share ${Math.round(100 * share)} ± ${MEAL_SHARE_BAND_PCT} points)`,
        });
      }
      const n = m.nutrition;
      if (n.snackCarbs && !m.isMainSlot[s]) {
        parts.push({
          name: 'carbs',
          value: roundScore(carbsPenalty(f * m.carbs[r]!, n.snackCarbs)),
          note: `${round1(f * m.carbs[r]!)} g carbohydrate (snack target ${n.snackCarbs.target} ± ${n.snackCarbs.tolerance} g)`,
        });
      }
      if (n.fiberMaxFactor > 0 && dayParts.fiberCeiling > 0) {
        parts.push({
          name: 'fiber',
          value: roundScore(dayParts.fiberCeiling / mealsToday),
          note: `the day's ${round1(st.dayF[d]!)} g fiber is above ${n.fiberMaxFactor} × the target`,
        });
      }
      if (n.sharesOn) {
        parts.push({
          name: 'energy shares',
          value: roundScore(dayParts.shares / mealsToday),
          note: `the day's fat ${pctOf(9 * st.dayFat[d]!, st.dayE[d]!)}, saturated fat ${pctOf(9 * st.daySf[d]!, st.dayE[d]!)}, protein ${pctOf(4 * st.dayP[d]!, st.dayE[d]!)} of energy`,
        });
      }
      if (m.nMicro > 0) {
        parts.push({
          name: 'micronutrients',
          value: roundScore(st.microPen / m.nCells),
          note: "the week's micronutrient shortfall, shared over its meals",
        });
      }
      if (p.carbsPerMealG && m.isMainSlot[s]) {
        parts.push({
          name: 'carbs',
          value: roundScore(carbsPenalty(f * m.carbs[r]!, p.carbsPerMealG)),
          note: `${round1(f * m.carbs[r]!)} g carbohydrate (target ${p.carbsPerMealG.target} ± ${p.carbsPerMealG.tolerance} g)`,
        });
      }
      parts.push({
        name: 'gut health',
        value: roundScore(m.inflCost[r]!),
        note: describeInflammation(recipe.inflammationScore),
      });
      if (isLeftover) {
        parts.push({
          name: 'shopping',
          value: 0,
          note: `leftover of ${mealIdOf(m, st.source[c]!)}: nothing to cook or buy`,
        });
      } else if (seenCooked.has(r)) {
        // an assembly recipe made a second time (or a week planned before the once-a-week rule)
        parts.push({
          name: 'shopping',
          value: 0,
          note: 'made earlier this week: no new foods to buy',
        });
      } else {
        seenCooked.add(r);
        let own = 0;
        for (let i = m.ingStart[r]!; i < m.ingStart[r + 1]!; i++) {
          if (st.ingCount[m.ingIds[i]!] === 1) own++;
        }
        parts.push({
          name: 'shopping',
          value: roundScore(SCORE_WEIGHTS.ingredient * own),
          note: `${own} of ${m.ingStart[r + 1]! - m.ingStart[r]!} foods not needed by other meals`,
        });
        const plants = m.plantStart[r + 1]! - m.plantStart[r]!;
        if (plants > 0) {
          let ownPlants = 0;
          for (let i = m.plantStart[r]!; i < m.plantStart[r + 1]!; i++) {
            if (st.plantCount[m.plantIds[i]!] === 1) ownPlants++;
          }
          parts.push({
            name: 'variety',
            value: roundScore(-SCORE_WEIGHTS.plant * ownPlants),
            note: `${ownPlants} of its ${plants} plants in no other meal of the week`,
          });
        }
      }
      meals.push({
        id: `${date}-${m.slots[s]}`,
        date,
        slot: m.slots[s] as MealType,
        recipeSlug: recipe.slug,
        servings,
        locked: userLocked[c] === 1,
        leftoverOf: isLeftover ? mealIdOf(m, st.source[c]!) : null,
        explanation: {
          total: roundScore(parts.reduce((a, x) => a + x.value, 0)),
          parts,
        },
      });
    }
    days.push({
      date,
      meals,
      totals: {
        energyKcal: round1(st.dayE[d]!),
        proteinG: round1(st.dayP[d]!),
        fiberG: round1(st.dayF[d]!),
        carbsG: round1(carbsDay),
        targets: { energyKcal: p.energyKcal, proteinG: p.proteinG, fiberG: p.fiberG },
        energyInBand: isInEnergyBand(st.dayE[d]!, p.energyKcal),
        proteinMet: st.dayP[d]! >= p.proteinG - 1e-9,
        fiberMet: st.dayF[d]! >= p.fiberG - 1e-9,
        ...dayExtras(m, st.dayFr[d]!, atLeastBits),
        ...(Number.isFinite(m.nutrition.sodiumCap)
          ? { sodiumMg: { total: round1(st.dayNa[d]!), max: m.nutrition.sodiumCap } }
          : {}),
        ...(Number.isFinite(m.nutrition.retinolCap)
          ? { retinolUg: { total: round1(st.dayRet[d]!), max: m.nutrition.retinolCap } }
          : {}),
        ...(m.budgetOn ? { cooking: dayCooking(st, d) } : {}),
      },
    });
  }
  const plan = placeChallenges({ weekStart: m.input.weekStart, days }, m.input.challenges ?? NONE);
  return { plan, score: scoreOf(st) };
}

/** Day `d`'s cooking sessions and hands-on minutes with its budget; undefined without one. */
export function dayCooking(st: PlanState, d: number): DayTotals['cooking'] {
  const m = st.m;
  if (!m.budgetOn) return undefined;
  const budget: DayCookingBudget = {
    sessions: m.sessionBudget[d]!,
    activeMinutes: m.minuteBudget[d]!,
  };
  return { sessions: st.daySessions[d]!, activeMinutes: st.dayActive[d]!, budget };
}

/** The optional parts of a day's totals: "at least" nutrients and fructose under a cap. */
function dayExtras(
  m: Model,
  fructoseG: number,
  atLeastBits: number,
): Pick<PlanDay['totals'], 'atLeast' | 'fructoseG'> {
  const atLeast = LOWER_BOUND_NUTRIENTS.filter((_, i) => atLeastBits & (1 << i));
  return {
    ...(atLeast.length > 0 ? { atLeast } : {}),
    ...(Number.isFinite(m.fructoseCap)
      ? { fructoseG: { total: round1(fructoseG), max: m.fructoseCap } }
      : {}),
  };
}

export type PlanCells = {
  recipe: Int32Array;
  portion: Uint8Array;
  /** Per cell, the cell whose batch a leftover meal eats from, or −1 (see `PlanState.source`). */
  source: Int32Array;
  leftover: Uint8Array;
  userLocked: Uint8Array;
};

/**
 * Reads a stored plan back into cells. Portions are recovered from servings (a meal that feeds
 * leftover meals cooked its own portion plus theirs). A leftover that does not point at a
 * freshly cooked lunch or dinner of the same recipe on an earlier day, or at a batch that
 * already feeds `MAX_FED` meals, is read as a freshly cooked meal. Throws on a plan that does
 * not belong to the input (unknown recipe, date or slot): a bug.
 */
export function readPlan(m: Model, plan: WeekPlan): PlanCells {
  const cells = {
    recipe: new Int32Array(m.nCells).fill(EMPTY),
    portion: new Uint8Array(m.nCells),
    source: new Int32Array(m.nCells).fill(EMPTY),
    leftover: new Uint8Array(m.nCells),
    userLocked: new Uint8Array(m.nCells),
  };
  const byId = new Map<string, PlannedMeal>();
  for (const day of plan.days) for (const meal of day.meals) byId.set(meal.id, meal);
  const hh = m.householdSize;
  const cellOfMeal = (meal: PlannedMeal): number => {
    const d = m.dates.indexOf(meal.date);
    if (d < 0) throw new Error(`plan day ${meal.date} is not in the week of ${m.input.weekStart}`);
    const s = m.slots.indexOf(meal.slot);
    if (s < 0) throw new Error(`plan slot ${meal.slot} is not in the profile`);
    return cellOf(m, d, s);
  };
  const fedCount = new Map<string, number>();
  for (const day of plan.days) {
    for (const meal of day.meals) {
      const r = m.bySlug.get(meal.recipeSlug);
      if (r === undefined) throw new Error(`plan recipe ${meal.recipeSlug} is not in the catalog`);
      const c = cellOfMeal(meal);
      cells.recipe[c] = r;
      cells.userLocked[c] = meal.locked ? 1 : 0;
      const source = meal.leftoverOf ? byId.get(meal.leftoverOf) : undefined;
      const src = source === undefined ? EMPTY : cellOfMeal(source);
      const n = source === undefined ? 0 : (fedCount.get(source.id) ?? 0);
      const isLeftover =
        source !== undefined &&
        source.leftoverOf === null &&
        source.recipeSlug === meal.recipeSlug &&
        m.isBatchSlot[c % m.nSlots] === true &&
        m.isBatchSlot[src % m.nSlots] === true &&
        source.date < meal.date &&
        n < MAX_FED;
      if (isLeftover) {
        fedCount.set(source.id, n + 1);
        cells.source[c] = src;
        cells.leftover[c] = 1;
      }
    }
  }
  for (const day of plan.days) {
    for (const meal of day.meals) {
      const c = cellOfMeal(meal);
      let own = meal.servings;
      for (const other of byId.values()) {
        if (other.leftoverOf === meal.id && cells.source[cellOfMeal(other)] === c) {
          own -= other.servings;
        }
      }
      cells.portion[c] = nearestPortion(m, own / hh);
    }
  }
  return cells;
}

/** A search state holding exactly these cells. */
export function stateFromCells(
  m: Model,
  cells: Pick<PlanCells, 'recipe' | 'portion' | 'source'>,
): PlanState {
  const st = new PlanState(m);
  st.restore(cells);
  return st;
}
