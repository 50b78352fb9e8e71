import 'server-only';
import type { Db } from '@/db/client';
import { NO_CHALLENGES, type WeekChallenges } from '@/lib/reintroduction/types';

/**
 * The profile's reintroduction calendar for the week starting `weekStart`: the challenge meal
 * of each date and the washout dates, as plans are made and regenerated with it. No schedule
 * is read yet: every week is on the elimination background.
 */
export async function weekChallengesFor(
  _db: Db,
  _profileId: number,
  _weekStart: string,
): Promise<WeekChallenges> {
  return NO_CHALLENGES;
}
