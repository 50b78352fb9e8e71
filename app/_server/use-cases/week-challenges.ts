import 'server-only';
import type { Db } from '@/db/client';
import { challengeDefinitions } from '@/db/queries/challenge-definitions';
import { getProfileInput } from '@/db/queries/profiles';
import { getReintroduction } from '@/db/queries/reintroduction';
import { weekChallenges } from '@/lib/reintroduction/schedule';
import { NO_CHALLENGES, type WeekChallenges } from '@/lib/reintroduction/types';

/**
 * The profile's reintroduction calendar for the week starting `weekStart`: the challenge meal
 * of each date and the washout dates, as plans are made and regenerated with it. A profile
 * without a reintroduction (or on a clinician-led one) has every week on its background.
 */
export async function weekChallengesFor(
  db: Db,
  profileId: number,
  weekStart: string,
): Promise<WeekChallenges> {
  const state = await getReintroduction(db, profileId);
  if (!state) return NO_CHALLENGES;
  const [set, profile] = await Promise.all([
    challengeDefinitions(db, state.protocol),
    getProfileInput(db, profileId),
  ]);
  if (!profile) return NO_CHALLENGES;
  return weekChallenges(state, set, weekStart, profile.slots);
}
