import type { Metadata } from 'next';
import { oidcButtonName, oidcConfigOf } from '@/app/_server/auth/oidc';
import { CredentialsForm } from '../_components/account/credentials-form';
import { OidcButton } from '../_components/account/oidc-button';
import { one, type RawSearchParams } from '../_components/search-params';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sign up' };

/** Sign-up by invite link (`?invite=…`), or without one when the server allows open sign-up. */
export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<RawSearchParams>;
}) {
  const invite = one((await searchParams).invite);
  return (
    <>
      <h1>{invite ? 'Join the household' : 'Sign up'}</h1>
      {invite ? (
        <p className="muted small">
          Had an account here before leaving a household? Use its email and password.
        </p>
      ) : null}
      <CredentialsForm
        mode="sign-up"
        submitLabel="Create my account"
        next="/"
        invite={invite || undefined}
      />
      {oidcConfigOf(process.env) ? (
        <OidcButton providerName={oidcButtonName(process.env)} invite={invite || undefined} />
      ) : null}
    </>
  );
}
