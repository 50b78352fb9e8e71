import { foodsOverLimit, maxPortionOf, portionFits } from '../fodmap/load';
import { MEAL_TYPES, type MealType } from '../foods/codes';
import type { Violation } from '../restrictions/types';
import { findViolations } from '../restrictions/violations';
import { activeMinutesOf, dayBudgetOf, takesSession } from './cooking';
import { fructoseCapOf, maxPortionForCaps, recipeRuleViolations } from './daily-caps';
import { isWeekend, weekDates } from './dates';
import { FROZEN_KEEP_DAYS } from './leftovers';
import { leadDays } from './make-ahead';
import { type NutritionSpec, nutritionSpecOf } from './nutrition';
import { inflammationPenalty, PORTIONS, slotShares } from './score';
import type { PlannerInput, PlannerRecipe } from './types';
import { mealsPerWeekOf, plantKindOf } from './variety';

/**
 * Everything the planner derives from one input, computed once and cached by input object:
 * recipe compliance, numeric arrays for the search, dense ingredient ids and the candidate
 * recipes of every (day, slot) cell. Inputs are treated as immutable.
 */
export type Model = {
  input: PlannerInput;
  slots: MealType[];
  nSlots: number;
  nCells: number;
  dates: string[];
  isWeekend: boolean[];
  /** Prep + cook limit per day, minutes. */
  dayLimit: number[];
  lunch: number;
  dinner: number;
  /** Leftover meals are possible at all. */
  leftoversOn: boolean;
  /** Slot index → a lunch or a dinner: a batch is cooked at one and eaten again at others. */
  isBatchSlot: boolean[];
  /** Slot index → its meal-type bit (see `mealTypeBit`). */
  typeBitOfSlot: number[];
  /** Slot index → the carb-per-meal rule applies. */
  isMainSlot: boolean[];
  /** Slot index → its share of the day's energy target (`slotShares`), or null: no split term. */
  slotShare: number[] | null;
  householdSize: number;
  /** Portion factors per person, ascending (the search relies on the order). */
  portions: readonly number[];
  /** Index of the portion nearest one written serving: where portion searches start. */
  unitPortion: number;
  n: number;
  bySlug: Map<string, number>;
  energy: Float64Array;
  protein: Float64Array;
  fiber: Float64Array;
  carbs: Float64Array;
  /** Inflammation penalty of one meal of the recipe. */
  inflCost: Float64Array;
  /** Fructose per serving, g (0 when there is no cap: then it is not tracked). */
  fructose: Float64Array;
  /** Per-person fructose cap per day, g; Infinity when the phase has none. */
  fructoseCap: number;
  /** The profile's nutrient rules (`nutrition.ts`). */
  nutrition: NutritionSpec;
  /** Per serving: sodium (mg) and retinol (µg), 0 when not capped (then not tracked). */
  sodium: Float64Array;
  retinol: Float64Array;
  /** Per serving: saturated fat and total fat, g (known sums; 0 when no share limit is set). */
  satFat: Float64Array;
  fat: Float64Array;
  /** Per serving, recipe-major: micronutrient `nutrition.microKeys[j]` at `r * nMicro + j`. */
  micro: Float64Array;
  nMicro: number;
  /** Per recipe, bit i set when nutrient LOWER_BOUND_NUTRIENTS[i] is a lower bound. */
  atLeast: Uint8Array;
  minutes: Float64Array;
  /** Hands-on minutes of one cooking (`activeMinutesOf`). */
  active: Float64Array;
  /** 1 when cooking the recipe takes a cooking session (not an assembly recipe). */
  session: Uint8Array;
  /** Fresh meals of the recipe a week may hold (`mealsPerWeekOf`): 1, or 2 for assembly. */
  maxUses: Uint8Array;
  /** Per day: cooking sessions and hands-on minutes allowed (`cooking.ts`); Infinity = no budget. */
  sessionBudget: number[];
  minuteBudget: number[];
  /** The profile sets a cooking budget. */
  budgetOn: boolean;
  /**
   * Per recipe and slot (`r * nSlots + s`): days its prep must start before it is served there
   * (`leadDays`); 0 for a recipe that is not made ahead.
   */
  lead: Int32Array;
  /** Per recipe, index of its main protein in `proteinNames`, or −1 (none). */
  proteinOf: Int32Array;
  proteinNames: string[];
  /** Meals a week one main protein may be served at; Infinity = no limit. */
  maxProteinMeals: number;
  proteinOn: boolean;
  /** Per recipe: a cooked batch feeds later meals at all (`keepDays` ≥ 1). */
  keeps: Uint8Array;
  /**
   * Per recipe: days after its cooking a batch may still be eaten: its `leftoverDays`, or the
   * whole week when it freezes (see `leftovers.ts`).
   */
  keepDays: Int32Array;
  /** Per recipe: its `leftoverDays` in the fridge; later meals of a freezing batch are frozen. */
  fridgeDays: Int32Array;
  typeMask: Uint8Array;
  compliant: Uint8Array;
  /**
   * Largest portion per person per meal that keeps the recipe within every green FODMAP serve
   * and the stacking limit (dose-aware restrictions only) and within the per-meal nutrient caps
   * (`maxPortionForCaps`); Infinity otherwise. A recipe with no fitting portion is not
   * compliant. See lib/fodmap/load.ts.
   */
  maxPortion: Float64Array;
  ingStart: Int32Array;
  ingIds: Int32Array;
  ingNdb: string[];
  /** Per recipe, its distinct plant kinds (`plantKindOf`) as ids into `plantNames`. */
  plantStart: Int32Array;
  plantIds: Int32Array;
  plantNames: string[];
  /**
   * Per cell (day × nSlots + slot): recipes that are compliant, fit the slot, the day's time limit
   * and, on their own, the day's cooking budget (`fitsDay`), and are ready that day (`isReady`).
   */
  cellCandidates: Int32Array[];
};

/** Nutrients whose per-recipe "at least" flag the model keeps (bit order of `Model.atLeast`). */
export const LOWER_BOUND_NUTRIENTS = ['energyKcal', 'proteinG', 'fiberG', 'carbsG'] as const;

const MODEL_CACHE = new WeakMap<PlannerInput, Map<string, Model>>();
/** Compliance by restriction and recipe object: callers reuse both across requests. */
const COMPLIANCE_CACHE = new WeakMap<object, WeakMap<PlannerRecipe, boolean>>();

export function mealTypeBit(type: MealType): number {
  return 1 << MEAL_TYPES.indexOf(type);
}

export function getModel(input: PlannerInput, portions: readonly number[] = PORTIONS): Model {
  let byPortions = MODEL_CACHE.get(input);
  if (!byPortions) {
    byPortions = new Map();
    MODEL_CACHE.set(input, byPortions);
  }
  const key = portions.join();
  const cached = byPortions.get(key);
  if (cached) return cached;
  const model = buildModel(input, portions);
  byPortions.set(key, model);
  return model;
}

function nearestIndex(values: readonly number[], target: number): number {
  let best = 0;
  for (let k = 1; k < values.length; k++) {
    if (Math.abs(values[k]! - target) < Math.abs(values[best]! - target)) best = k;
  }
  return best;
}

function buildModel(input: PlannerInput, portions: readonly number[]): Model {
  if (portions.some((f, k) => k > 0 && f <= portions[k - 1]!)) {
    throw new Error('portions must be ascending');
  }
  const { profile, recipes } = input;
  const slots = [...new Set(profile.slots)];
  const nSlots = slots.length;
  const dates = weekDates(input.weekStart);
  const weekend = dates.map(isWeekend);
  const dayLimit = weekend.map((w) =>
    w ? profile.maxMinutes.weekend : profile.maxMinutes.weekday,
  );
  const budgets = weekend.map((w) => dayBudgetOf(profile, w));
  const sessionBudget = budgets.map((b) => b?.sessions ?? Number.POSITIVE_INFINITY);
  const minuteBudget = budgets.map((b) => b?.activeMinutes ?? Number.POSITIVE_INFINITY);
  const lunch = slots.indexOf('lunch');
  const dinner = slots.indexOf('dinner');
  const n = recipes.length;
  const energy = new Float64Array(n);
  const protein = new Float64Array(n);
  const fiber = new Float64Array(n);
  const carbs = new Float64Array(n);
  const inflCost = new Float64Array(n);
  const fructose = new Float64Array(n);
  const fructoseCap = fructoseCapOf(input);
  const smallestPortion = Math.min(...portions);
  const nutrition = nutritionSpecOf(profile);
  const nMicro = nutrition.microKeys.length;
  const sodium = new Float64Array(n);
  const retinol = new Float64Array(n);
  const satFat = new Float64Array(n);
  const fat = new Float64Array(n);
  const micro = new Float64Array(n * nMicro);
  const sodiumOn = Number.isFinite(nutrition.sodiumCap);
  const retinolOn = Number.isFinite(nutrition.retinolCap);
  const atLeast = new Uint8Array(n);
  const minutes = new Float64Array(n);
  const active = new Float64Array(n);
  const session = new Uint8Array(n);
  const maxUses = new Uint8Array(n);
  const lead = new Int32Array(n * nSlots);
  const proteinOf = new Int32Array(n).fill(-1);
  const proteinIndex = new Map<string, number>();
  const proteinNames: string[] = [];
  const keeps = new Uint8Array(n);
  const keepDays = new Int32Array(n);
  const fridgeDays = new Int32Array(n);
  const typeMask = new Uint8Array(n);
  const compliant = new Uint8Array(n);
  const maxPortion = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const ingStart = new Int32Array(n + 1);
  const ingIdList: number[] = [];
  const ingIndex = new Map<string, number>();
  const ingNdb: string[] = [];
  const plantStart = new Int32Array(n + 1);
  const plantIdList: number[] = [];
  const plantIndex = new Map<string, number>();
  const plantNames: string[] = [];
  const bySlug = new Map<string, number>();
  const isCompliant = complianceChecker(input);

  for (let r = 0; r < n; r++) {
    const recipe = recipes[r]!;
    if (!bySlug.has(recipe.slug)) bySlug.set(recipe.slug, r);
    energy[r] = recipe.perServing.energyKcal;
    protein[r] = recipe.perServing.proteinG;
    fiber[r] = recipe.perServing.fiberG;
    carbs[r] = recipe.perServing.carbsG;
    inflCost[r] = inflammationPenalty(recipe.inflammationScore);
    if (Number.isFinite(fructoseCap)) fructose[r] = recipe.fructoseG ?? 0;
    const ps = recipe.perServing;
    // Unknown sodium or retinol under a cap makes the recipe non-compliant (daily-caps.ts), so
    // the 0 here is never summed for a planned recipe.
    if (sodiumOn) sodium[r] = ps.sodiumMg ?? 0;
    if (retinolOn) retinol[r] = ps.retinolUg ?? 0;
    if (nutrition.sharesOn) {
      satFat[r] = ps.saturatedFatG ?? 0;
      fat[r] = ps.fatG ?? 0;
    }
    for (let j = 0; j < nMicro; j++) micro[r * nMicro + j] = ps[nutrition.microKeys[j]!] ?? 0;
    let bits = 0;
    LOWER_BOUND_NUTRIENTS.forEach((key, i) => {
      if ((recipe.unknownNutrients?.[key] ?? 0) > 0) bits |= 1 << i;
    });
    atLeast[r] = bits;
    minutes[r] = recipe.prepMinutes + recipe.cookMinutes;
    active[r] = activeMinutesOf(recipe);
    session[r] = takesSession(recipe) ? 1 : 0;
    maxUses[r] = mealsPerWeekOf(recipe);
    for (let s = 0; s < nSlots; s++) lead[r * nSlots + s] = leadDays(slots[s]!, recipe);
    if (recipe.mainProtein) {
      let p = proteinIndex.get(recipe.mainProtein);
      if (p === undefined) {
        p = proteinNames.length;
        proteinIndex.set(recipe.mainProtein, p);
        proteinNames.push(recipe.mainProtein);
      }
      proteinOf[r] = p;
    }
    fridgeDays[r] = recipe.leftoverDays;
    keepDays[r] = recipe.freezes ? FROZEN_KEEP_DAYS : recipe.leftoverDays;
    keeps[r] = keepDays[r]! >= 1 ? 1 : 0;
    let mask = 0;
    for (const t of recipe.mealTypes) mask |= mealTypeBit(t);
    typeMask[r] = mask;
    if (input.restriction.fodmapDoses) maxPortion[r] = recipeMaxPortion(recipe);
    maxPortion[r] = Math.min(maxPortion[r]!, maxPortionForCaps(input, recipe));
    compliant[r] =
      isCompliant(recipe) &&
      portions.some((f) => portionFits(f, maxPortion[r]!)) &&
      recipeRuleViolations(input, recipe, smallestPortion).length === 0
        ? 1
        : 0;
    ingStart[r] = ingIdList.length;
    const seen = new Set<number>();
    for (const ing of recipe.ingredients) {
      let id = ingIndex.get(ing.ndb);
      if (id === undefined) {
        id = ingNdb.length;
        ingIndex.set(ing.ndb, id);
        ingNdb.push(ing.ndb);
      }
      if (!seen.has(id)) {
        seen.add(id);
        ingIdList.push(id);
      }
    }
    plantStart[r] = plantIdList.length;
    const plants = new Set<number>();
    for (const ing of recipe.ingredients) {
      const kind = plantKindOf(ing);
      if (kind === null) continue;
      let id = plantIndex.get(kind);
      if (id === undefined) {
        id = plantNames.length;
        plantIndex.set(kind, id);
        plantNames.push(kind);
      }
      if (!plants.has(id)) {
        plants.add(id);
        plantIdList.push(id);
      }
    }
  }
  ingStart[n] = ingIdList.length;
  plantStart[n] = plantIdList.length;

  const bySlotAndDayKind = new Map<string, Int32Array>();
  const cellCandidates: Int32Array[] = [];
  // Days past the longest lead see the same recipes ready: their lists are shared.
  const maxLead = lead.reduce((a, b) => Math.max(a, b), 0);
  for (let d = 0; d < 7; d++) {
    for (let s = 0; s < nSlots; s++) {
      const key = `${s}:${dayLimit[d]}:${sessionBudget[d]}:${minuteBudget[d]}:${Math.min(d, maxLead)}`;
      let list = bySlotAndDayKind.get(key);
      if (!list) {
        const bit = mealTypeBit(slots[s]!);
        const picked: number[] = [];
        for (let r = 0; r < n; r++) {
          if (
            compliant[r] &&
            typeMask[r]! & bit &&
            fitsDayLimits(minutes[r]!, active[r]!, session[r]!, {
              dayLimit: dayLimit[d]!,
              sessionBudget: sessionBudget[d]!,
              minuteBudget: minuteBudget[d]!,
            }) &&
            d >= lead[r * nSlots + s]! &&
            bySlug.get(recipes[r]!.slug) === r
          ) {
            picked.push(r);
          }
        }
        list = Int32Array.from(picked);
        bySlotAndDayKind.set(key, list);
      }
      cellCandidates.push(list);
    }
  }

  return {
    input,
    slots,
    nSlots,
    nCells: 7 * nSlots,
    dates,
    isWeekend: weekend,
    dayLimit,
    lunch,
    dinner,
    leftoversOn: profile.leftovers && lunch >= 0 && dinner >= 0,
    isBatchSlot: slots.map((s) => s === 'lunch' || s === 'dinner'),
    typeBitOfSlot: slots.map(mealTypeBit),
    isMainSlot: slots.map((s) => s !== 'snack'),
    slotShare: profile.energyKcal > 0 ? slotShares(slots, profile.energySplit) : null,
    householdSize: profile.householdSize,
    portions,
    unitPortion: nearestIndex(portions, 1),
    n,
    bySlug,
    energy,
    protein,
    fiber,
    carbs,
    inflCost,
    fructose,
    fructoseCap,
    nutrition,
    sodium,
    retinol,
    satFat,
    fat,
    micro,
    nMicro,
    atLeast,
    minutes,
    active,
    session,
    maxUses,
    lead,
    sessionBudget,
    minuteBudget,
    budgetOn: profile.cooking !== undefined,
    proteinOf,
    proteinNames,
    maxProteinMeals: profile.maxProteinMeals ?? Number.POSITIVE_INFINITY,
    proteinOn: profile.maxProteinMeals !== undefined,
    keeps,
    keepDays,
    fridgeDays,
    typeMask,
    compliant,
    maxPortion,
    ingStart,
    ingIds: Int32Array.from(ingIdList),
    ingNdb,
    plantStart,
    plantIds: Int32Array.from(plantIdList),
    plantNames,
    cellCandidates,
  };
}

function fitsDayLimits(
  minutes: number,
  active: number,
  session: number,
  day: { dayLimit: number; sessionBudget: number; minuteBudget: number },
): boolean {
  return (
    minutes <= day.dayLimit &&
    active <= day.minuteBudget + 1e-9 &&
    (session === 0 || day.sessionBudget >= 1)
  );
}

/**
 * Whether recipe `r` may be cooked on day `d` at all: within the day's prep + cook limit, and on
 * its own within the day's cooking budget (its hands-on minutes; a session, if it takes one).
 */
export function fitsDay(m: Model, r: number, d: number): boolean {
  return fitsDayLimits(m.minutes[r]!, m.active[r]!, m.session[r]!, {
    dayLimit: m.dayLimit[d]!,
    sessionBudget: m.sessionBudget[d]!,
    minuteBudget: m.minuteBudget[d]!,
  });
}

/** Whether recipe `r` is ready on day `d` (0 = the week's first) for slot `s` (its prep fits the week). */
export function isReady(m: Model, r: number, d: number, s: number): boolean {
  return d >= m.lead[r * m.nSlots + s]!;
}

/**
 * A recipe is compliant when none of its ingredients has a violation. `findViolations` decides;
 * ingredients carrying none of the restriction's codes and not disliked are skipped because
 * `findViolations` cannot report anything for them.
 */
function complianceChecker(input: PlannerInput): (recipe: PlannerRecipe) => boolean {
  const { restriction } = input;
  let cache = COMPLIANCE_CACHE.get(restriction);
  if (!cache) {
    cache = new WeakMap();
    COMPLIANCE_CACHE.set(restriction, cache);
  }
  const known = cache;
  const allergenCodes = new Set<string>();
  const groupCodes = new Set<string>();
  for (const rule of restriction.rules) {
    (rule.kind === 'allergen' ? allergenCodes : groupCodes).add(rule.code);
  }
  const disliked = new Set(restriction.dislikes.map((d) => d.ndb));
  const check = (recipe: PlannerRecipe): boolean => {
    for (const ing of recipe.ingredients) {
      const mayHit =
        disliked.has(ing.ndb) ||
        ing.allergens.some((a) => allergenCodes.has(a.code)) ||
        ing.tags.some((t) => groupCodes.has(t.code));
      if (mayHit && findViolations(ing, restriction).length > 0) return false;
    }
    return true;
  };
  return (recipe) => {
    let ok = known.get(recipe);
    if (ok === undefined) {
      ok = check(recipe);
      known.set(recipe, ok);
    }
    return ok;
  };
}

const MAX_PORTION_CACHE = new WeakMap<PlannerRecipe, number>();

/** The recipe's largest green portion per person (see `Model.maxPortion`), cached per recipe. */
export function recipeMaxPortion(recipe: PlannerRecipe): number {
  let max = MAX_PORTION_CACHE.get(recipe);
  if (max === undefined) {
    max = maxPortionOf(recipe.ingredients);
    MAX_PORTION_CACHE.set(recipe, max);
  }
  return max;
}

/**
 * Every violation of every ingredient of a recipe, then the recipe-level ones (`daily-caps.ts`).
 * Under a dose-aware restriction, a recipe whose smallest portion in `portions` is over its green
 * FODMAP serves also gets one violation.
 */
export function recipeViolations(
  input: PlannerInput,
  recipe: PlannerRecipe,
  portions: readonly number[] = PORTIONS,
): Violation[] {
  const violations = recipe.ingredients.flatMap((ing) => findViolations(ing, input.restriction));
  if (input.restriction.fodmapDoses) {
    const max = recipeMaxPortion(recipe);
    if (!portions.some((f) => portionFits(f, max))) {
      const rule = input.restriction.rules.find(
        (x) => x.origin === 'protocol' && x.code === 'high-fodmap',
      );
      const smallest = Math.min(...portions);
      const over = foodsOverLimit(recipe.ingredients, smallest);
      const food = recipe.ingredients.find((i) => i.ndb === over[0]);
      violations.push({
        ndb: food?.ndb ?? '',
        foodName: food?.name ?? recipe.name,
        kind: 'group',
        code: 'high-fodmap',
        certainty: 'contains',
        origin: 'protocol',
        reason: `${rule?.reason ?? 'low-FODMAP'}: over the low-FODMAP serve even at ${smallest} serving per person`,
      });
    }
  }
  violations.push(...recipeRuleViolations(input, recipe, Math.min(...portions)));
  return violations;
}

/** Whether portion index `k` keeps recipe `r` within its green FODMAP serves. */
export function portionOk(m: Model, r: number, k: number): boolean {
  return portionFits(m.portions[k]!, m.maxPortion[r]!);
}

/**
 * `k` when it fits recipe `r`, else the fitting portion index closest to it (the largest below
 * it first). Compliant recipes always have one; −1 only for a recipe that has none.
 */
export function fitPortion(m: Model, r: number, k: number): number {
  if (portionOk(m, r, k)) return k;
  const want = m.portions[k]!;
  let best = -1;
  for (let j = 0; j < m.portions.length; j++) {
    if (!portionOk(m, r, j)) continue;
    const f = m.portions[j]!;
    if (best < 0) {
      best = j;
      continue;
    }
    const b = m.portions[best]!;
    const better = f <= want ? b > want || f > b : b > want && f < b;
    if (better) best = j;
  }
  return best;
}

export function cellOf(model: Model, day: number, slot: number): number {
  return day * model.nSlots + slot;
}

export function mealIdOf(model: Model, cell: number): string {
  return `${model.dates[Math.floor(cell / model.nSlots)]}-${model.slots[cell % model.nSlots]}`;
}

/** Index of the portion factor closest to `portion`. */
export function nearestPortion(model: Model, portion: number): number {
  return nearestIndex(model.portions, portion);
}
