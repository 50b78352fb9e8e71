import type { Metadata } from 'next';
import { requirePageCaller } from '@/app/_server/auth/page-caller';
import { accountOf, apiTokensOf } from '@/app/_server/use-cases/accounts';
import { getDb } from '@/db/client';
import { listHouseholdMembers } from '@/db/queries/household-members';
import { AccountPanel } from '../_components/account/account-panel';
import { HouseholdPanel } from '../_components/account/household-panel';
import { PrivacyPanel } from '../_components/account/privacy-panel';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const db = getDb();
  const caller = await requirePageCaller(db);
  const account = await accountOf(db, caller);
  const tokens = await apiTokensOf(db, caller.userId);
  return (
    <>
      <h1>Account</h1>
      <p>
        {account.name} · {account.email} · {account.role} of household {account.householdId}
      </p>
      <AccountPanel
        householdId={account.householdId}
        owner={account.role === 'owner'}
        tokens={tokens}
      />
      <HouseholdPanel
        householdId={account.householdId}
        members={await listHouseholdMembers(db, caller.householdId)}
        me={caller.userId}
        owner={account.role === 'owner'}
      />
      <PrivacyPanel />
    </>
  );
}
