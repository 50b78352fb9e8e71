import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { oidcButtonName, oidcConfigOf } from '@/app/_server/auth/oidc';
import { getDb } from '@/db/client';
import { countUsers } from '@/db/queries/accounts';
import { CredentialsForm } from '../_components/account/credentials-form';
import { OidcButton } from '../_components/account/oidc-button';
import { oidcErrorMessage } from '../_components/account/oidc-error';
import { one, type RawSearchParams } from '../_components/search-params';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sign in' };

/** Email and password; "Sign in with …" when single sign-on is set up; its errors land here. */
export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<RawSearchParams>;
}) {
  if ((await countUsers(getDb())) === 0) redirect('/setup');
  const problem = oidcErrorMessage(one((await searchParams).error) || undefined);
  const oidc = oidcConfigOf(process.env) !== null;
  return (
    <>
      <h1>Sign in</h1>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <CredentialsForm mode="sign-in" submitLabel="Sign in" next="/" />
      {oidc ? <OidcButton providerName={oidcButtonName(process.env)} /> : null}
      <p className="small muted">
        New here? Ask the owner of your household for an invite link (or{' '}
        <Link href="/sign-up">sign up</Link> if this server is open to everyone).
      </p>
    </>
  );
}
