import type { Measure } from '../foods/types';
import type { MealChallenge } from '../planner/challenges';
import type { UnitSystem } from '../units/constants';
import type { PurchaseUnit } from './purchase-units';

export type { UnitSystem } from '../units/constants';

export const MEAL_SLOTS = ['breakfast', 'lunch', 'dinner', 'snack'] as const;
export type MealSlot = (typeof MEAL_SLOTS)[number];

/** One planned meal. A meal with `leftoverOf` (the id of the cooking meal) cooks nothing. */
export type PlanMeal = {
  /** e.g. '2026-11-30-dinner' */
  id: string;
  slot: MealSlot;
  recipeSlug: string;
  /** Portions eaten at this meal; on a cooking meal it also counts the leftover portions. */
  servings: number;
  locked: boolean;
  leftoverOf: string | null;
  /**
   * The reintroduction challenge eaten with this meal as an add-on line, with `householdG`, the
   * grams the household needs (doseG × household size); absent or null = none.
   */
  challenge?: (MealChallenge & { householdG: number }) | null;
};

/** `washout`: a reintroduction washout day (elimination foods only); absent = false. */
export type PlanDay = { date: string; meals: PlanMeal[]; washout?: boolean };

/** A week plan as the domain sees it; dates are ISO 'YYYY-MM-DD'. */
export type Plan = { id: string; profileId: string; weekStart: string; days: PlanDay[] };

export type RecipeIngredient = {
  ndb: string;
  /** Grams for the whole written recipe (all `Recipe.servings`). */
  grams: number;
  /** Household wording for the whole recipe, e.g. '1 cup, chopped' or '260 g'. */
  text: string;
  /** What a shopper must pick, e.g. 'packed in water, no broth'; absent or null = nothing. */
  shopNote?: string | null;
};

export type Recipe = {
  slug: string;
  name: string;
  /** Yield of the written recipe. */
  servings: number;
  ingredients: RecipeIngredient[];
  steps: string[];
  prepMinutes: number;
  cookMinutes: number;
  description: string;
};

/**
 * A USDA food as the shopping list needs it; `name` is the USDA long description.
 * `display` is the cook's name and `shopping` the shopper's (seeds/food-names.json): foods
 * sharing a shopping name are one line.
 * `buy` is what a shop sells where WEIGHT.txt misleads (seeds/purchase-units.json).
 * Without them the line reads a name made from the description and buys by WEIGHT.txt.
 */
export type Food = {
  ndb: string;
  name: string;
  groupCode: string;
  measures: Measure[];
  display?: string;
  shopping?: string;
  buy?: PurchaseUnit[];
};

/** How a shopper buys things in an aisle, tried in order. */
export const PURCHASE_MODES = ['item', 'container', 'volume', 'weight'] as const;
export type PurchaseMode = (typeof PURCHASE_MODES)[number];

export type Aisle = {
  id: string;
  name: string;
  purchase: PurchaseMode[];
  /** Which size to count in when a food has several ('medium' sweet potatoes, 'large' eggs). */
  preferSizes: string[];
};

/** Compiled aisle rules (see parseAisleRules); precedence: ndb override, pattern, group, fallback. */
export type AisleRules = {
  /** In the default shop order. */
  aisles: Aisle[];
  overrides: ReadonlyMap<string, string>;
  patterns: { regex: RegExp; groups: string[] | null; aisle: string }[];
  groups: ReadonlyMap<string, string>;
  fallback: string;
};

/**
 * Pantry choices. `defaults` are rules: a 5-digit NDB number, 'group:0200', 'aisle:spices-herbs'
 * or a '/regex/flags' on the USDA description. An explicit choice always beats a default.
 */
export type PantrySettings = {
  defaults: string[];
  explicit: ReadonlyMap<string, boolean>;
};

/** What the user ticked, with the line's grams at that moment. */
export type CheckedState = ReadonlyMap<string, { checked: boolean; gramsAtCheck: number }>;

export type ShoppingListInput = {
  plan: Plan;
  recipes: ReadonlyMap<string, Recipe>;
  foods: ReadonlyMap<string, Food>;
  aisles: AisleRules;
  pantry: PantrySettings;
  checked: CheckedState;
  units: UnitSystem;
  /** Aisle ids in the shopper's walking order; unknown ids are ignored, missing ones follow. */
  aisleOrder?: string[];
};

export type ShoppingListItem = {
  /** The line's key: the lowest NDB number of the foods bought as this one thing. */
  ndb: string;
  /** Every food this line buys (one, or several sharing a shopping name), ascending. */
  ndbs: string[];
  /** The shopper's name, e.g. 'sweet potatoes', 'desiccated coconut, unsweetened'. */
  name: string;
  /** Aisle id the food is shelved in (also for items shown under "You likely have"). */
  aisle: string;
  /** Exact need summed over cooking meals, grams. */
  grams: number;
  /** The amount to buy, without the name: '3', '1 bunch', '450 g', '2 tbsp'. */
  quantity: string;
  /** What a shopper buys: '3 sweet potatoes', '450 g chicken thigh'. */
  display: string;
  /** The exact need: 'about 390 g', 'about 13.8 oz'. */
  exact: string;
  checked: boolean;
  /** The grams differ from when the line was checked; the check was dropped. */
  changed: boolean;
  inPantry: boolean;
  /** Ids of the cooking meals that need it, in plan order. */
  meals: string[];
  /** Distinct shop notes of the recipes that need it ('packed in water, no broth'), in first-use order. */
  notes: string[];
  /**
   * The part of the line bought for reintroduction challenges (the add-on of challenge meals):
   * their ids and grams; null when no challenge needs it.
   */
  challenge: { challengeIds: string[]; grams: number } | null;
};

export type ShoppingListSection = { id: string; name: string; items: string[] };

export type ShoppingList = {
  planId: string;
  items: ShoppingListItem[];
  /** Non-empty sections in aisle order, then the "You likely have" section. */
  aisles: ShoppingListSection[];
  totals: { items: number; toBuy: number; inPantry: number; checked: number };
};
