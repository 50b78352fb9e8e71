import 'server-only';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { clinicianMayRead, requireClinicianRead } from '@/app/_server/use-cases/clinician-access';
import type { Db } from '@/db/client';
import { countUsers, planHouseholdId, profileHouseholdId } from '@/db/queries/accounts';
import { AppError } from '@/lib/http/app-error';
import { seesProfile } from '../use-cases/access';
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
  if (caller === null || !(await seesProfilePage(db, caller, profileId))) return false;
  return caller.role !== 'clinician' || clinicianMayRead(db, caller, { profileId });
}

/** The API's rule: the caller's household, and for a member only their own profile. */
async function seesProfilePage(db: Db, caller: Caller, profileId: number): Promise<boolean> {
  return (
    (await profileHouseholdId(db, profileId)) === caller.householdId &&
    seesProfile(caller, profileId)
  );
}

/**
 * A page about another household's profile (or another member's) is "not found", as in the
 * API; so is one a clinician was not granted, and a granted clinician's view is logged as
 * `what` ("plan page").
 */
export async function requirePageProfile(
  db: Db,
  caller: Caller,
  profileId: number,
  what = 'profile page',
): Promise<void> {
  if (!(await seesProfilePage(db, caller, profileId))) notFound();
  if (caller.role === 'clinician')
    await clinicianPage(db, { ...caller, reading: what }, { profileId });
}

export async function requirePagePlan(
  db: Db,
  caller: Caller,
  planId: number,
  what = 'plan page',
): Promise<void> {
  if ((await planHouseholdId(db, planId)) !== caller.householdId) notFound();
  if (caller.role === 'clinician')
    await clinicianPage(db, { ...caller, reading: what }, { planId });
}

async function clinicianPage(
  db: Db,
  caller: Caller,
  target: { profileId: number } | { planId: number },
): Promise<void> {
  try {
    await requireClinicianRead(db, caller, target);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}
