import type { Caller } from '@/app/_server/auth/caller';
import { visibleProfiles } from '@/app/_server/use-cases/access';
import type { Db } from '@/db/client';
import { listPlans } from '@/db/queries/plans';
import { mondayOf } from './week';

/**
 * Where a returning user belongs: this week's plan of the latest profile they may see (a
 * member's own; else its latest plan, else the profile page); null when there is none yet.
 */
export async function currentPlanPath(db: Db, caller: Caller, suffix = ''): Promise<string | null> {
  const profile = (await visibleProfiles(db, caller))[0];
  if (!profile) return null;
  const plans = await listPlans(db, profile.id);
  const plan = plans.find((p) => p.weekStart === mondayOf(new Date())) ?? plans[0];
  return plan ? `/plans/${plan.id}${suffix}` : `/profile?id=${profile.id}`;
}
