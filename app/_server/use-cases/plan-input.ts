import 'server-only';
import type { Db } from '@/db/client';
import { loadPlannerRecipes } from '@/db/queries/planner-recipes';
import type { Profile } from '@/db/queries/profiles';
import { getReintroduction } from '@/db/queries/reintroduction';
import { AppError } from '@/lib/http/app-error';
import { plannerNutritionFrom, snackCarbsFor } from '@/lib/planner/nutrition';
import type { Diagnosis, PlannerInput, PlannerProfile } from '@/lib/planner/types';
import type { Restriction } from '@/lib/restrictions/types';
import { restrictionForProfile } from './profiles';

/**
 * Everything the planner needs for one profile and week. The nutrient rules (caps, pregnancy
 * exclusions, weekly micronutrient targets, energy shares) come from the profile's resolved
 * `nutrientTargets` (DRI defaults for the life stage, clinician overrides applied).
 */
export async function plannerInputFor(
  db: Db,
  profile: Profile,
  weekStart: string,
): Promise<PlannerInput> {
  return {
    profile: plannerProfileOf(profile),
    // During a reintroduction the background is the elimination phase (lib/reintroduction/background).
    restriction: await profileRestriction(db, profile),
    recipes: await loadPlannerRecipes(db),
    weekStart,
  };
}

/** The profile's restriction for planning (the elimination phase during a reintroduction). */
export async function profileRestriction(db: Db, profile: Profile): Promise<Restriction> {
  return restrictionForProfile(db, profile, await getReintroduction(db, profile.id));
}

/** The planner's view of one profile's targets, slots and limits. */
export function plannerProfileOf(profile: Profile): PlannerProfile {
  return {
    householdSize: profile.householdSize,
    slots: profile.slots,
    energyKcal: profile.targets.energyKcal,
    proteinG: profile.targets.proteinG,
    fiberG: profile.targets.fiberG,
    maxMinutes: profile.maxMinutes,
    cooking: profile.cooking,
    maxProteinMeals: profile.maxProteinMeals,
    leftovers: profile.leftovers,
    energySplit: profile.energySplit,
    carbsPerMealG: profile.carbsPerMealG,
    carbsPerSnackG: snackCarbsFor(profile.carbsPerMealG),
    nutrition: plannerNutritionFrom(profile.nutrientTargets),
  };
}

/**
 * A profile whose protocol phase and diet cannot be combined by the protocol's own definition
 * (its `impossibleDiets`, e.g. AIP elimination and a vegan diet): a 422 that says why in the
 * protocol's words, before any planning. The diagnosis names no slot (no time limit or slot
 * change would help); its one suggestion is the change that does.
 */
export function assertPlannable(input: PlannerInput): void {
  const impossible = input.restriction.impossible;
  if (!impossible) return;
  // Only the protocol phase or the diet would help, and a fix never changes those.
  const details: Diagnosis & { fixes: [] } = {
    slots: [],
    suggestions: ['Change the diet or the protocol phase'],
    fixes: [],
  };
  throw AppError.unprocessable(
    'infeasible',
    `No week can follow every rule of this profile. ${impossible.reason}`,
    details,
  );
}
