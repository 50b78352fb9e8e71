import 'server-only';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import type { Db } from '@/db/client';
import { countUsers, planHouseholdId, profileHouseholdId } from '@/db/queries/accounts';
import { type Caller, resolveCaller } from './caller';

/**
 * The caller of a page, from the same session cookie the API reads. Without one the visitor
 * goes to /sign-in, or to /setup while no account exists yet (the first visitor makes the owner).
 */
export async function requirePageCaller(db: Db): Promise<Caller> {
  const request = new Request('http://localhost/', { headers: await headers() });
  const caller = await resolveCaller(db, request);
  if (caller) return caller;
  redirect((await countUsers(db)) === 0 ? '/setup' : '/sign-in');
}

/** A page about another household's profile is "not found", as in the API. */
export async function requirePageProfile(db: Db, caller: Caller, profileId: number): Promise<void> {
  if ((await profileHouseholdId(db, profileId)) !== caller.householdId) notFound();
}

export async function requirePagePlan(db: Db, caller: Caller, planId: number): Promise<void> {
  if ((await planHouseholdId(db, planId)) !== caller.householdId) notFound();
}
