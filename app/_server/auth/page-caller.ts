import 'server-only';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { clinicianMayRead } from '@/app/_server/use-cases/clinician-access';
import type { Db } from '@/db/client';
import { countUsers, planHouseholdId, profileHouseholdId } from '@/db/queries/accounts';
import { AppError } from '@/lib/http/app-error';
import { requirePlanAccess, requireProfileAccess, seesProfile } from '../use-cases/access';
import { type Caller, resolveCaller } from './caller';

/** The caller of the page being rendered, or null. */
export async function visitor(db: Db): Promise<Caller | null> {
  return resolveCaller(db, new Request('http://localhost/', { headers: await headers() }));
}

/**
 * The caller of a page, from the same session cookie the API reads. Without one the visitor
 * goes to /sign-in, or to /setup while no account exists yet (the first visitor makes the owner).
 */
export async function requirePageCaller(db: Db): Promise<Caller> {
  const caller = await visitor(db);
  if (caller) return caller;
  redirect((await countUsers(db)) === 0 ? '/setup' : '/sign-in');
}

/** Whether the visitor's household holds the plan (metadata reads it before the page does). */
export async function ownsPlan(db: Db, planId: number): Promise<boolean> {
  const caller = await visitor(db);
  if (caller === null || (await planHouseholdId(db, planId)) !== caller.householdId) return false;
  return caller.role !== 'clinician' || clinicianMayRead(db, caller, { planId });
}

export async function ownsProfile(db: Db, profileId: number): Promise<boolean> {
  const caller = await visitor(db);
  if (
    caller === null ||
    !seesProfile(caller, profileId) ||
    (await profileHouseholdId(db, profileId)) !== caller.householdId
  )
    return false;
  return caller.role !== 'clinician' || clinicianMayRead(db, caller, { profileId });
}

/** The API's rule on a page: what the API answers 404 the page shows as "not found". */
async function orNotFound(check: Promise<void>): Promise<void> {
  try {
    await check;
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}

/**
 * A page about a profile the API would not show (another household's, another member's, one a
 * clinician was not granted) is "not found"; a granted clinician's view is logged as `what`.
 */
export async function requirePageProfile(
  db: Db,
  caller: Caller,
  profileId: number,
  what = 'profile page',
): Promise<void> {
  await orNotFound(requireProfileAccess(db, { ...caller, reading: what }, profileId, 'read'));
}

export async function requirePagePlan(
  db: Db,
  caller: Caller,
  planId: number,
  what = 'plan page',
): Promise<void> {
  await orNotFound(requirePlanAccess(db, { ...caller, reading: what }, planId, 'read'));
}
