import type { Certainty } from '../foods/codes';

/**
 * `greenMaxG` (FODMAP tags only): the largest low-FODMAP serve per sitting, grams. A dose-aware
 * phase does not exclude a food whose FODMAP tags all carry one; the planner caps grams instead.
 */
export type TagRef = {
  code: string;
  certainty: Certainty;
  greenMaxG?: number;
  subgroupsAbove?: string[];
};

/** What the restriction engine needs to know about one food. */
export type TaggedFoodRef = {
  ndb: string;
  name: string;
  allergens: TagRef[];
  tags: TagRef[];
};

/**
 * `personal`: the person's own food list (profile field `personal`): a food kept out after a
 * challenge or by hand. Like an allergy or an avoided group, no exception or dose excuses it.
 */
export type RuleOrigin = 'protocol' | 'diet' | 'allergy' | 'avoid' | 'dislike' | 'personal';

/** One reason a food can be excluded. `kind` says which tag list `code` refers to. */
export type RestrictionRule = {
  kind: 'allergen' | 'group';
  code: string;
  origin: RuleOrigin;
  /** Plain words shown to the user, e.g. "not in AIP · Elimination". */
  reason: string;
};

/** Exceptions only ever excuse protocol and diet rules, never an allergy or an avoided group. */
export type ExcuseRule = { code: string; excuses: string[]; note: string };

/** A per-person, per-day nutrient limit held by the planner; `reason` names the phase. */
export type DailyNutrientCap = { nutrient: 'fructoseG'; max: number; reason: string };

/** At most `maxGramsPerMeal` grams per person per meal of the foods tagged `code`. */
export type IngredientLimit = { code: string; maxGramsPerMeal: number; reason: string };

/**
 * One food left out on its own. A plain dislike has neither `origin` nor `reason`; a food (or a
 * concept's food) kept out by the personal food list has origin `personal` and its reason
 * ("kept out after your egg-yolk challenge, 2–5 Nov").
 */
export type FoodRule = { ndb: string; name: string; origin?: 'personal'; reason?: string };

export type Restriction = {
  rules: RestrictionRule[];
  allow: ExcuseRule[];
  dislikes: FoodRule[];
  /**
   * Foods the personal food list allows one by one (a food or a concept's foods): the protocol's
   * rules do not hold for them. Diet rules, allergies, avoided groups and dislikes still do.
   */
  liftedFoods?: string[];
  /** Recipes marked `treat` are left out, with this reason (Whole30's pancake rule). */
  excludeTreats?: { reason: string };
  /** Per-day caps of the protocol phase (absent = none). */
  dailyCaps?: DailyNutrientCap[];
  /** Per-meal amount limits of the protocol phase (absent = none). */
  ingredientLimits?: IngredientLimit[];
  /**
   * The protocol phase is dose-aware for FODMAPs (low-FODMAP elimination and reintroduction):
   * its FODMAP rules do not exclude a food with a green serve; the planner caps grams instead
   * (see lib/fodmap). Allergies and avoided groups stay absolute.
   */
  fodmapDoses?: boolean;
  /**
   * The protocol declares this phase and diet impossible together (its `impossibleDiets`): no
   * week is planned, and `reason` says why in plain words.
   */
  impossible?: { reason: string };
};

export type Violation = {
  /** Empty for a rule about the whole recipe (kind `recipe`). */
  ndb: string;
  /** The food, or for kind `recipe` the recipe's name. */
  foodName: string;
  kind: 'allergen' | 'group' | 'dislike' | 'recipe';
  code: string;
  certainty: Certainty;
  origin: RuleOrigin;
  reason: string;
};
