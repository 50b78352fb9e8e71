import { ingredientLimitBreaches } from '../restrictions/ingredient-limits';
import type { Violation } from '../restrictions/types';
import { nutritionSpecOf, PREGNANCY_RISK_CODES } from './nutrition';
import { PORTIONS } from './score';
import type { PlannerInput, PlannerRecipe } from './types';

/**
 * Recipe-level rules and per-day caps, apart from the ingredient-tag rules of `findViolations`.
 *
 * Unknown values (a blank in SR21) are never read as 0 where a limit is checked:
 * - energy has a band with an upper side, so a recipe with an ingredient of unknown energy is not
 *   planned (SR21 gives energy for every food the catalog uses; this guards new recipes);
 * - a per-meal carbohydrate target likewise needs known carbohydrate;
 * - a fructose cap needs a fructose figure that does not undercount (table value, else total
 *   sugars, else carbohydrate); a recipe without one is not planned under the cap.
 * - a sodium or retinol cap (the profile's `nutrition.caps`) needs a known value: a recipe with an
 *   ingredient of unknown sodium (or retinol), or without the figure at all, is not planned
 *   while that cap applies. No upper bound is guessed; SR21 reports sodium for nearly every
 *   food, and retinol is blank mostly for foods that have none, which is still not a 0.
 * Protein and fibre are floors: the known sum is a lower bound and is shown as "at least".
 *
 * Per meal: one meal's retinol is at most half the day's cap, one meal's sodium at most the
 * day's cap; `maxPortionForCaps` turns these into a largest portion, so scaling a portion never
 * takes a capped food past its cap.
 */

/** Penalty points per gram over a daily cap: large enough that the search never trades it. */
export const DAILY_CAP_WEIGHT = 1000;

/** The per-person fructose cap of the input's restriction, g per day; Infinity when none. */
export function fructoseCapOf(input: PlannerInput): number {
  const caps = (input.restriction.dailyCaps ?? []).filter((c) => c.nutrient === 'fructoseG');
  return caps.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...caps.map((c) => c.max));
}

/**
 * Largest portion per person of `recipe` within the per-meal caps: retinol ≤ half the day's
 * cap, sodium ≤ the day's cap. Infinity when no cap applies; unknown values are handled by
 * `recipeRuleViolations` (the recipe is not planned at all).
 */
export function maxPortionForCaps(input: PlannerInput, recipe: PlannerRecipe): number {
  const spec = nutritionSpecOf(input.profile);
  let max = Number.POSITIVE_INFINITY;
  const ret = recipe.perServing.retinolUg;
  if (Number.isFinite(spec.retinolCap) && ret !== undefined && ret > 0) {
    max = Math.min(max, spec.retinolCap / 2 / ret);
  }
  const na = recipe.perServing.sodiumMg;
  if (Number.isFinite(spec.sodiumCap) && na !== undefined && na > 0) {
    max = Math.min(max, spec.sodiumCap / na);
  }
  return max;
}

/** Penalty of a day's fructose over the cap (0 within it). */
export function capExcessPenalty(fructoseG: number, cap: number): number {
  const over = fructoseG - cap;
  return over > 1e-9 ? DAILY_CAP_WEIGHT * over : 0;
}

function recipeViolation(recipe: PlannerRecipe, code: string, reason: string): Violation {
  return {
    ndb: '',
    foodName: recipe.name,
    kind: 'recipe',
    code,
    certainty: 'contains',
    origin: 'protocol',
    reason,
  };
}

/**
 * Why a recipe as a whole cannot be planned for this input: a treat where the phase leaves treats
 * out; a value a limit needs is unknown; more of a limited food than the phase allows per meal;
 * one smallest portion alone is over a daily cap.
 */
export function recipeRuleViolations(
  input: PlannerInput,
  recipe: PlannerRecipe,
  smallestPortion: number,
): Violation[] {
  const out: Violation[] = [];
  const { restriction, profile } = input;
  if (recipe.treat && restriction.excludeTreats) {
    out.push(recipeViolation(recipe, 'treat', restriction.excludeTreats.reason));
  }
  const unknown = recipe.unknownNutrients ?? {};
  if ((unknown.energyKcal ?? 0) > 0) {
    out.push(
      recipeViolation(recipe, 'energy-unknown', 'energy unknown for an ingredient (no USDA value)'),
    );
  }
  if (profile.carbsPerMealG && (unknown.carbsG ?? 0) > 0) {
    out.push(
      recipeViolation(
        recipe,
        'carbs-unknown',
        'carbohydrate unknown for an ingredient (no USDA value), so the per-meal target cannot be checked',
      ),
    );
  }
  // Judged at the largest portion the planner serves, so no portion choice can break it.
  for (const b of ingredientLimitBreaches(
    recipe.ingredients,
    restriction.ingredientLimits ?? [],
    Math.max(...PORTIONS),
  )) {
    out.push(recipeViolation(recipe, `${b.code}-limit`, `${b.reason} (${b.foods.join(', ')})`));
  }
  const spec = nutritionSpecOf(profile);
  if (spec.avoidPregnancyRisks) {
    // One violation per food, named like an excluded group, so swaps name the food and a
    // diagnosis counts the rule once.
    for (const ing of recipe.ingredients) {
      const tag = ing.tags.find((t) =>
        (PREGNANCY_RISK_CODES as readonly string[]).includes(t.code),
      );
      if (!tag) continue;
      out.push({
        ndb: ing.ndb,
        foodName: ing.name,
        kind: 'group',
        code: tag.code,
        certainty: tag.certainty,
        origin: 'protocol',
        reason: 'not planned during pregnancy (organ meat and high-mercury fish)',
      });
    }
  }
  const capped = [
    { key: 'sodiumMg', cap: spec.sodiumCap, perMeal: spec.sodiumCap, what: 'sodium', unit: 'mg' },
    {
      key: 'retinolUg',
      cap: spec.retinolCap,
      perMeal: spec.retinolCap / 2,
      what: 'preformed vitamin A (retinol)',
      unit: 'µg',
    },
  ] as const;
  for (const c of capped) {
    if (!Number.isFinite(c.cap)) continue;
    const code = c.key === 'sodiumMg' ? 'sodium' : 'retinol';
    const value = recipe.perServing[c.key];
    if (value === undefined || (unknown[c.key] ?? 0) > 0) {
      out.push(
        recipeViolation(
          recipe,
          `${code}-unknown`,
          `${c.what} unknown for an ingredient (no USDA value), so the daily limit of ${c.cap} ${c.unit} cannot be checked`,
        ),
      );
    } else if (value * smallestPortion > c.perMeal + 1e-9) {
      out.push(
        recipeViolation(
          recipe,
          `${code}-cap`,
          `one portion alone is over the ${c.key === 'retinolUg' ? 'per-meal ' : ''}limit of ${c.perMeal} ${c.unit} ${c.what}`,
        ),
      );
    }
  }
  for (const cap of restriction.dailyCaps ?? []) {
    const fructose = recipe.fructoseG;
    if (fructose === null || fructose === undefined) {
      out.push(recipeViolation(recipe, 'fructose-unknown', `${cap.reason} (fructose unknown)`));
    } else if (fructose * smallestPortion > cap.max + 1e-9) {
      out.push(
        recipeViolation(recipe, 'fructose-cap', `${cap.reason} (one portion alone is over it)`),
      );
    }
  }
  return out;
}
