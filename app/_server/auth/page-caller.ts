import 'server-only';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import type { Db } from '@/db/client';
import { countUsers, planHouseholdId, profileHouseholdId } from '@/db/queries/accounts';
import { seesProfile } from '../use-cases/access';
import { type Caller, resolveCaller } from './caller';

/** The caller of the page being rendered, or null. */
async function visitor(db: Db): Promise<Caller | null> {
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
  return caller !== null && (await planHouseholdId(db, planId)) === caller.householdId;
}

export async function ownsProfile(db: Db, profileId: number): Promise<boolean> {
  const caller = await visitor(db);
  return caller !== null && (await seesProfilePage(db, caller, profileId));
}

/** The API's rule: the caller's household, and for a member only their own profile. */
async function seesProfilePage(db: Db, caller: Caller, profileId: number): Promise<boolean> {
  return (
    (await profileHouseholdId(db, profileId)) === caller.householdId &&
    seesProfile(caller, profileId)
  );
}

/** A page about another household's profile (or another member's) is "not found", as in the API. */
export async function requirePageProfile(db: Db, caller: Caller, profileId: number): Promise<void> {
  if (!(await seesProfilePage(db, caller, profileId))) notFound();
}

export async function requirePagePlan(db: Db, caller: Caller, planId: number): Promise<void> {
  if ((await planHouseholdId(db, planId)) !== caller.householdId) notFound();
}
