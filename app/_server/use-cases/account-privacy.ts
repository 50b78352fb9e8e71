import type { Caller } from '@/app/_server/auth/caller';
import { passwordMatches } from '@/app/_server/auth/password';
import { visibleProfiles } from '@/app/_server/use-cases/access';
import { publicPlan } from '@/app/api/plans/_lib/plan-response';
import type { Db } from '@/db/client';
import { deleteAccountRows, householdName, userForExport } from '@/db/queries/account-privacy';
import { listTokens } from '@/db/queries/accounts';
import { listJournalEntries } from '@/db/queries/journal';
import { getPlanById, listPlans } from '@/db/queries/plans';
import { getReintroduction } from '@/db/queries/reintroduction';
import { AppError } from '@/lib/http/app-error';
import { type AccountExport, accountExportSchema } from '@/lib/validation/account-privacy';

/**
 * All the caller's data as one JSON document: the account, the household and role, every profile
 * of the household (what the caller may see) with its journal, reintroduction and plans, and the
 * account's API tokens. Parsed with the documented schema, so nothing undocumented (a hash, a
 * session) can slip in.
 */
export async function exportAccount(db: Db, caller: Caller, now: Date): Promise<AccountExport> {
  const user = await userForExport(db, caller.userId);
  if (!user) throw AppError.unauthorized();
  const profiles = [];
  for (const profile of await visibleProfiles(db, caller)) {
    const plans = [];
    for (const summary of await listPlans(db, profile.id)) {
      const plan = await getPlanById(db, summary.id);
      if (plan) plans.push(publicPlan(plan));
    }
    profiles.push({
      profile,
      journal: await listJournalEntries(db, profile.id, {}),
      reintroduction: await getReintroduction(db, profile.id),
      plans,
    });
  }
  return accountExportSchema.parse({
    format: 'villi-account',
    version: 1,
    exportedAt: now.toISOString(),
    user,
    household: {
      id: caller.householdId,
      name: (await householdName(db, caller.householdId)) ?? '',
      role: caller.role,
    },
    profiles,
    tokens: await listTokens(db, caller.userId),
  });
}

/**
 * Deletes the caller's account after checking their password again (a stolen session or token
 * alone cannot delete it). The last member takes the household with them; the last owner of a
 * household with other members must make another owner first (409, nothing deleted).
 */
export async function deleteAccount(
  db: Db,
  caller: Caller,
  password: string,
  secure: boolean,
): Promise<void> {
  if (!(await passwordMatches(db, caller.userId, password, secure)))
    throw AppError.forbidden(
      'forbidden',
      'The password is not right: the account was not deleted.',
    );
  const outcome = await deleteAccountRows(db, caller.userId);
  if (outcome === 'last_owner')
    throw AppError.conflict(
      'last_owner',
      'You are the last owner of a household others still belong to: make another member an owner first, then delete your account.',
    );
  if (outcome === 'no_account') throw AppError.unauthorized();
}
