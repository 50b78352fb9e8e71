import 'server-only';
import type { Db } from '@/db/client';
import { getPlanById, listPlans, toWeekPlan } from '@/db/queries/plans';
import type { Profile } from '@/db/queries/profiles';
import { addDays } from '@/lib/planner/dates';
import { rescalePlan } from '@/lib/planner/rescale';
import { scorePlan } from '@/lib/planner/score-plan';
import type { ProfilePatch } from '@/lib/profiles/schema';
import { plannerInputFor } from './plan-input';
import { claimOrRetry, withPlanRetries } from './plan-writes';
import { changedPlanWrite } from './plans';
import { updateProfile } from './profiles';

/**
 * Applies a profile patch; when the household size changed, the profile's plans of this week
 * and later follow it without replanning (`rescalePlan`: same recipes, locks, leftovers and
 * portions per person, servings and shopping for the new household). Plans of past weeks keep
 * the household they were made for. One transaction, which claims each rescaled plan's version
 * (a plan changed meanwhile means starting over). `today` is the local date, YYYY-MM-DD.
 */
export async function updateProfileAndPlans(
  db: Db,
  id: number,
  patch: ProfilePatch,
  now: string,
  today: string,
): Promise<Profile | null> {
  return withPlanRetries(() =>
    db.transaction(async (tx) => {
      const profile = await updateProfile(tx, id, patch, now, today);
      if (!profile) return null;
      for (const { id: planId, weekStart } of await listPlans(tx, profile.id)) {
        if (addDays(weekStart, 6) < today) continue;
        const view = await getPlanById(tx, planId);
        // a shared plan's servings follow its members' portions, not this profile's household
        if (!view || view.shared || view.householdSize === profile.householdSize) continue;
        const after = rescalePlan(toWeekPlan(view), view.householdSize, profile.householdSize);
        // Per person nothing changed, so the stored score still holds.
        const score =
          view.score ?? scorePlan(await plannerInputFor(tx, profile, view.weekStart), after);
        await claimOrRetry(tx, planId, view.version);
        const write = await changedPlanWrite(tx, view, profile.householdSize, after, score, now);
        await write(tx);
      }
      return profile;
    }),
  );
}
