import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { oidcButtonName, oidcConfigOf } from '@/app/_server/auth/oidc';
import { getDb } from '@/db/client';
import { countUsers } from '@/db/queries/accounts';
import { CredentialsForm } from '../_components/account/credentials-form';
import { OidcButton } from '../_components/account/oidc-button';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Create the owner account' };

/** First run: the first visitor makes the owner account, then goes on to onboarding. */
export default async function SetupPage() {
  if ((await countUsers(getDb())) > 0) redirect('/sign-in');
  return (
    <>
      <h1>Create the owner account</h1>
      <p>
        This Villi has no accounts yet. The first account owns the household: it keeps every profile
        and plan made so far, and can invite the others.
      </p>
      <CredentialsForm mode="sign-up" submitLabel="Create the owner account" next="/" />
      {oidcConfigOf(process.env) ? (
        <>
          <p className="small muted">Or make the owner account with your identity provider:</p>
          <OidcButton providerName={oidcButtonName(process.env)} />
        </>
      ) : null}
    </>
  );
}
