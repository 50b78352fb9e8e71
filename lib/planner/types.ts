import type { MealType } from '../foods/codes';
import type { MicronutrientKey } from '../nutrition/nutrient-model';
import type { Restriction, TaggedFoodRef, Violation } from '../restrictions/types';
import type { ChallengeCalendar, MealChallenge } from './challenges';
import type { Rng } from './rng';

export type { Rng };

/** The nutrients the planner sums per day. */
export type PlannerNutrient = 'energyKcal' | 'proteinG' | 'fiberG' | 'carbsG';
/**
 * Nutrients the planner's nutrient rules read (see `nutrition.ts`): the two per-day caps, the fats
 * of the energy-share goals and the tracked micronutrients (weekly averages). SR21 keys.
 */
export type PlannerExtraNutrient =
  | 'sodiumMg'
  | 'retinolUg'
  | 'saturatedFatG'
  | 'fatG'
  | MicronutrientKey;
/**
 * One distinct ingredient food of a recipe with its tags. `gramsPerServing` (grams in one written
 * serving, all lines of the food summed; null or absent = unknown) is needed where a dose-aware
 * restriction caps grams: a dosed food with unknown grams is never served.
 */
export type PlannerIngredient = TaggedFoodRef & {
  gramsPerServing?: number | null;
  /** USDA SR21 food group code ("1100" vegetables); absent = unknown: not counted as a plant. */
  foodGroup?: string | null;
  /**
   * What kind of food it is, for counting kinds rather than products: its concept in the food
   * names ("lemon" for lemons, lemon juice and peel), else its shopping name; absent = its NDB.
   */
  kind?: string | null;
};

/** A recipe as the planner sees it; callers map database rows to this shape. */
export type PlannerRecipe = {
  slug: string;
  name: string;
  mealTypes: MealType[];
  /** Yield of the written recipe. */
  servings: number;
  prepMinutes: number;
  cookMinutes: number;
  /**
   * Hands-on minutes of one cooking (chopping, stirring, watching the pan); null = unknown, then
   * the cooking budget counts prep + cook, an upper bound, never 0.
   */
  activeMinutes: number | null;
  /**
   * Unattended minutes (simmer, ferment, soak); absent or null = none known. Hours of them make
   * the recipe a make-ahead item with a lead time (`make-ahead.ts`).
   */
  passiveMinutes?: number | null;
  /** Put together, not cooked: it costs its hands-on minutes but no cooking session. */
  assembly: boolean;
  /**
   * The kind of food that gives the most protein (lib/recipes/main-protein.ts): "salmon",
   * "chicken"; derived by the caller. Null or absent = none (no food gives 5 g a serving).
   */
  mainProtein?: string | null;
  /** Days the dish keeps in the fridge; 0 = no leftovers. */
  leftoverDays: number;
  /** Freezes well: its leftovers may be eaten on any later day of the week. Absent = false. */
  freezes?: boolean;
  /** A light main (soup, salad); carried for display, the planner judges protein per day. */
  light: boolean;
  /**
   * Nutrition of one serving of the written recipe, summed over the ingredients that report it:
   * a lower bound where `unknownNutrients` counts ingredients without a value.
   */
  perServing: { energyKcal: number; proteinG: number; fiberG: number; carbsG: number } & Partial<
    Record<PlannerExtraNutrient, number>
  >;
  /**
   * Per nutrient, ingredient lines without an SR21 value (absent or 0 = all known). An extra
   * nutrient absent from `perServing` counts as unknown wherever a cap needs it.
   */
  unknownNutrients?: Partial<Record<PlannerNutrient | PlannerExtraNutrient, number>>;
  /**
   * Fructose per serving, g, never undercounted (see lib/recipes/fructose.ts). Null or absent =
   * unknown: such a recipe cannot be planned under a fructose cap.
   */
  fructoseG?: number | null;
  /** A baked treat or pancake (Whole30's pancake rule); absent = false. */
  treat?: boolean;
  /** One entry per distinct ingredient food. */
  ingredients: PlannerIngredient[];
  /** −1 (inflammatory) … +1 (gut-healing), serving-weighted average computed by the caller. */
  inflammationScore: number;
};

/** Daily targets are per person. */
export type PlannerProfile = {
  householdSize: number;
  /** Meal slots to plan each day, each at most once (duplicates are ignored). */
  slots: MealType[];
  energyKcal: number;
  proteinG: number;
  fiberG: number;
  /** Limit on prep + cook minutes of a cooked meal; Saturday and Sunday use `weekend`. */
  maxMinutes: { weekday: number; weekend: number };
  /** Allow batch cooking: a lunch or dinner feeds later meals with its leftovers. */
  leftovers: boolean;
  /** Carbohydrate per main meal (breakfast, lunch, dinner; not snacks), grams. */
  carbsPerMealG: { target: number; tolerance: number } | null;
  /** Carbohydrate per snack, grams (type 1 diabetes); absent or null = no snack target. */
  carbsPerSnackG?: { target: number; tolerance: number } | null;
  /** Nutrient caps and goals beyond energy, protein and fibre (absent = none); see `nutrition.ts`. */
  nutrition?: PlannerNutrition;
  /** Share of the day's energy per slot, percent; absent slots take `DEFAULT_ENERGY_SPLIT`. */
  energySplit?: Partial<Record<MealType, number>>;
  /**
   * Cooking sessions and hands-on minutes per day (HARD, see `cooking.ts`); Saturday and Sunday
   * use `weekend`. Absent = no budget.
   */
  cooking?: CookingBudget;
  /**
   * Meals a week (leftover meals included) one main protein may be served at, HARD (see
   * `variety.ts`). Absent = no limit.
   */
  maxProteinMeals?: number;
};

/** What one kind of day allows: meals cooked (not leftovers, not assembly) and hands-on minutes. */
export type DayCookingBudget = { sessions: number; activeMinutes: number };
export type CookingBudget = { weekday: DayCookingBudget; weekend: DayCookingBudget };

/**
 * Per person. Caps are HARD (never broken, like allergens); the rest are SOFT goals priced in
 * the objective (`score.ts`). Every field is optional: absent = no such rule.
 */
export type PlannerNutrition = {
  /** Per-day caps: sodium (mg) and preformed vitamin A (retinol, µg); one meal ≤ half the retinol cap. */
  caps?: { sodiumMg?: number; retinolUg?: number };
  /** Organ meats and high-mercury fish are never planned (pregnancy). */
  avoidPregnancyRisks?: boolean;
  /** Daily targets (RDA or AI) judged on the week's average. */
  micronutrients?: Partial<Record<MicronutrientKey, number>>;
  /** Saturated fat at most this percent of energy. */
  saturatedFatMaxPct?: number;
  /** Protein at most this percent of energy. */
  proteinMaxPct?: number;
  /** Total fat within this range, percent of energy (the AMDR is 20–35). */
  fatPct?: { min: number; max: number };
  /** Fibre ceiling as a multiple of the fibre target (1.5). */
  fiberMaxFactor?: number;
};

export type PlannerInput = {
  profile: PlannerProfile;
  restriction: Restriction;
  recipes: PlannerRecipe[];
  /** ISO date `YYYY-MM-DD` of the first of the 7 planned days. */
  weekStart: string;
  /**
   * The week's reintroduction calendar (challenge meals, washout days); absent = none. It puts
   * add-on lines on meals (`challenges.ts`) and changes no recipe choice.
   */
  challenges?: ChallengeCalendar;
};

export type ScorePart = { name: string; value: number; note: string };

export type PlannedMeal = {
  /** `${date}-${slot}`, unique in a plan. */
  id: string;
  date: string;
  slot: MealType;
  recipeSlug: string;
  /**
   * Servings to cook (or, for a leftover meal, to take from the cooked batch):
   * householdSize × portion, plus the servings of the leftover meals its batch feeds.
   */
  servings: number;
  locked: boolean;
  /**
   * Id of the earlier lunch or dinner whose batch this leftover meal eats from, or null for a
   * freshly cooked meal.
   */
  leftoverOf: string | null;
  /** Penalty points attributable to this meal (see `score.ts`); `total` = sum of `parts`. */
  explanation: { total: number; parts: ScorePart[] };
  /**
   * The reintroduction challenge eaten with this meal as an add-on, or null; absent on a meal
   * made without a calendar (read as null).
   */
  challenge?: MealChallenge | null;
};

/** Per-person totals of one day. */
export type DayTotals = {
  energyKcal: number;
  proteinG: number;
  fiberG: number;
  carbsG: number;
  targets: { energyKcal: number; proteinG: number; fiberG: number };
  energyInBand: boolean;
  proteinMet: boolean;
  fiberMet: boolean;
  /**
   * Nutrients whose total is a lower bound ("at least"): a meal of the day has ingredients
   * without a value. Absent = every value known.
   */
  atLeast?: PlannerNutrient[];
  /** Per-person fructose of the day, g (never undercounted), when the phase caps it. */
  fructoseG?: { total: number; max: number };
  /** Per-person sodium of the day, mg, when the profile caps it (never undercounted). */
  sodiumMg?: { total: number; max: number };
  /** Per-person preformed vitamin A (retinol) of the day, µg, when the profile caps it. */
  retinolUg?: { total: number; max: number };
  /** The day's cooking sessions and hands-on minutes against its budget, when the profile sets one. */
  cooking?: DayCookingBudget & { budget: DayCookingBudget };
};

export type PlanDay = {
  date: string;
  meals: PlannedMeal[];
  totals: DayTotals;
  /** A reintroduction washout day: elimination foods only. Absent = false. */
  washout?: boolean;
};

export type WeekPlan = { weekStart: string; days: PlanDay[] };

/**
 * Penalty points: lower is better, 0 ideal but for the plant reward (`variety` ≤ 0). `total` =
 * sum of `parts`.
 */
export type PlanScore = {
  total: number;
  parts: {
    energy: number;
    protein: number;
    fiber: number;
    carbs: number;
    inflammation: number;
    variety: number;
    ingredients: number;
    /** Meals outside their slot's share of the day's energy (absent with one slot or no target). */
    mealShares?: number;
    /** Weekly micronutrient shortfalls (absent when the profile has no micronutrient targets). */
    micronutrients?: number;
    /** Saturated fat, protein and total fat outside their shares of energy (when set). */
    energyShares?: number;
  };
  distinctIngredients: number;
  /**
   * Different plant foods of the week (`variety.ts`): vegetables, fruits, legumes, nuts and
   * seeds, grains, herbs and spices, one per kind. Plant diversity is associated with a more
   * diverse gut microbiome (observational evidence); the score rewards it lightly (`variety`).
   * Absent on a plan scored before plants were counted.
   */
  plants?: number;
};

export type DiagnosisBlocker = { rule: string; recipesExcluded: number };

export type SlotDiagnosis = {
  slot: MealType;
  /**
   * Distinct recipes that fit this slot's meal type, the restriction and a day's time limit, and
   * are ready that day (a make-ahead recipe's prep starts within the week).
   */
  available: number;
  /** Distinct recipes the slot needs: 7 days, each recipe cooked once a week, after possible leftovers. */
  needed: number;
  blockers: DiagnosisBlocker[];
};

export type Diagnosis = { slots: SlotDiagnosis[]; suggestions: string[] };

export type PlanResult =
  | { ok: true; plan: WeekPlan; score: PlanScore }
  | { ok: false; reason: 'infeasible'; diagnosis: Diagnosis };

export type GenerateOptions = {
  /** Meals to keep as they are (matched by date and slot; others outside the week are ignored). */
  locked?: PlannedMeal[];
  /** Search effort multiplier (default 1); effort is counted in work, not time, so it is reproducible. */
  effort?: number;
  /** Portion factors per person a meal may use (default `PORTIONS`); `[1]` plans written servings. */
  portions?: readonly number[];
};

export type Alternative = {
  recipeSlug: string;
  /** Change of the plan's penalty total; negative = better plan. */
  scoreDelta: number;
  /** Change of that day's per-person energy. */
  energyDeltaKcal: number;
  proteinDeltaG: number;
  /** Change in distinct ingredient foods of the week. */
  itemsToBuyDelta: number;
};

/** Why a swap is refused; every code but the two unknown ones is about a hard rule. */
export const SWAP_ERROR_CODES = [
  'unknown-meal',
  'unknown-recipe',
  'not-compliant',
  'wrong-slot',
  'too-long',
  'not-ready',
  'overused',
  'over-daily-cap',
  'over-cooking-budget',
  'protein-limit',
] as const;

export type SwapErrorCode = (typeof SWAP_ERROR_CODES)[number];

export type SwapResult =
  | { ok: true; plan: WeekPlan }
  | { ok: false; code: SwapErrorCode; message: string; violations?: Violation[] };

export type RegenerateScope = { scope: 'week' } | { scope: 'day'; date: string };
