import 'server-only';
import type { Db } from '@/db/client';
import { listConcepts } from '@/db/queries/food-concepts';
import { foodNamesByNdb, type Profile } from '@/db/queries/profiles';
import { conceptLabel } from '@/lib/foods/concepts';
import { AppError } from '@/lib/http/app-error';
import type { Diagnosis, PlannerInput, PlanResult } from '@/lib/planner/types';
import {
  applyFix,
  doableSuggestions,
  findWorkingFixes,
  type PlanFix,
  planFixLadders,
} from '@/lib/profiles/plan-fixes';
import { plannerInputFor } from './plan-input';

/** Planner runs a 422 may spend on finding fixes, and how many working ones it looks for. */
const MAX_TRIES = 8;
const MAX_FIXES = 3;

/** The body of an `infeasible` 422: the planner's diagnosis plus the fixes known to work. */
export type InfeasibleDetails = Diagnosis & { fixes: PlanFix[] };

/**
 * The 422 for a profile no week can be planned for, with the changes to the profile that make a
 * plan: each candidate is tried with `plan` (the same planner call that failed) on the planner
 * input built from the changed profile, and only those that give a plan are returned.
 */
export async function infeasibleWithFixes(
  db: Db,
  profile: Profile,
  input: PlannerInput,
  diagnosis: Diagnosis,
  plan: (input: PlannerInput) => Promise<PlanResult>,
): Promise<AppError> {
  const concepts = await listConcepts(db);
  const ladders = planFixLadders(profile, diagnosis, {
    foodNames: await foodNamesByNdb(db, profile.dislikes),
    concepts: new Map(concepts.map((c) => [c.id, { name: c.name, label: conceptLabel(c) }])),
    rules: input.restriction.rules,
    recipeMinutes: [...new Set(input.recipes.map((r) => r.prepMinutes + r.cookMinutes))],
  });
  const fixes = await findWorkingFixes(
    ladders,
    async (fix) => {
      try {
        const changed = await plannerInputFor(db, applyFix(profile, fix.patch), input.weekStart);
        return !changed.restriction.impossible && (await plan(changed)).ok;
      } catch (error) {
        // A full planner queue ends the search; any other failure only rules this fix out.
        if (error instanceof AppError && error.kind === 'unavailable') throw error;
        return false;
      }
    },
    { maxTries: MAX_TRIES, maxFixes: MAX_FIXES },
  );
  return infeasible(diagnosis, fixes);
}

/** No week can follow the rules: a 422 that says what is short and which changes would help. */
export function infeasible(diagnosis: Diagnosis, fixes: PlanFix[] = []): AppError {
  const short = diagnosis.slots.filter((s) => s.available < s.needed);
  const what = short.length
    ? `too few recipes for ${short.map((s) => `${s.slot} (${s.available} of ${s.needed} recipes fit)`).join(', ')}`
    : // enough recipes for every slot, yet no week: a limit over a day or the week (a daily
      // cap, the cooking budget) keeps them apart, as the suggestions say
      'the recipes that fit make no week within its daily and weekly limits';
  const help = fixes.length
    ? ` Any one of these changes makes a plan: ${fixes.map((f) => lowerFirst(f.text)).join('; ')}.`
    : '';
  const details: InfeasibleDetails = {
    ...diagnosis,
    suggestions: doableSuggestions(diagnosis.suggestions),
    fixes,
  };
  return AppError.unprocessable(
    'infeasible',
    `No week can follow every rule of this profile: ${what}.${help}`,
    details,
  );
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
