import type { Db } from '@/db/client';
import { listPlans } from '@/db/queries/plans';
import { listProfiles } from '@/db/queries/profiles';
import { mondayOf } from './week';

/**
 * Where a returning user belongs: this week's plan of the household's latest profile (else its latest plan,
 * else the profile page); null when there is no profile yet.
 */
export async function currentPlanPath(
  db: Db,
  householdId: number,
  suffix = '',
): Promise<string | null> {
  const profile = (await listProfiles(db, householdId))[0];
  if (!profile) return null;
  const plans = await listPlans(db, profile.id);
  const plan = plans.find((p) => p.weekStart === mondayOf(new Date())) ?? plans[0];
  return plan ? `/plans/${plan.id}${suffix}` : `/profile?id=${profile.id}`;
}
