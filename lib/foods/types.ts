import type { AllergenCode, Certainty, EvidenceLevel, GroupCode, InflammationClass } from './codes';
import type { NutrientKey } from './nutrients';

/** A household measure from WEIGHT.txt: `amount` × `label` weighs `grams`. */
export type Measure = { seq: number; amount: number; label: string; grams: number };

/** One USDA SR21 food as imported, before tagging. Nutrients are per 100 g; null = unknown. */
export type UsdaFood = {
  ndb: string;
  groupCode: string;
  longDesc: string;
  shortDesc: string;
  commonNames: string;
  manufacturer: string;
  sciName: string;
  refusePct: number | null;
  nutrients: Record<NutrientKey, number | null>;
  measures: Measure[];
  /**
   * Only on derived foods (seeds/derived-foods.json): the SR21 parent and what changed, and for
   * a food made by a Villi recipe, that recipe's slug (its tags come from the recipe).
   */
  derived?: { parent: string; derivation: string; recipe?: string };
};

/**
 * A tag on a food: `source` names the rule id, `override:<ndb>`, or `recipe:<slug>` for a food
 * made by a Villi recipe, that produced it.
 */
export type FoodTag<C extends string = string> = {
  code: C;
  certainty: Certainty;
  rationale: string;
  source: string;
  /**
   * FODMAP tags only: the largest low-FODMAP ("green") serve per sitting, grams, from the
   * serving table. Absent = no low serve is known, so the tag excludes the food outright.
   */
  greenMaxG?: number;
  /** FODMAP tags only: the subgroup codes that rise above the cut-off beyond `greenMaxG`. */
  subgroupsAbove?: string[];
};

export type Inflammation = {
  class: InflammationClass;
  rationale: string;
  evidence: EvidenceLevel;
  source: string;
};

/** What the tagging engine computes for one food. */
export type FoodTagging = {
  allergens: FoodTag<AllergenCode>[];
  tags: FoodTag<GroupCode>[];
  inflammation: Inflammation;
};
