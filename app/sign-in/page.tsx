import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { countUsers } from '@/db/queries/accounts';
import { CredentialsForm } from '../_components/account/credentials-form';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage() {
  if ((await countUsers(getDb())) === 0) redirect('/setup');
  return (
    <>
      <h1>Sign in</h1>
      <CredentialsForm mode="sign-in" submitLabel="Sign in" next="/" />
      <p className="small muted">
        New here? Ask the owner of your household for an invite link (or{' '}
        <Link href="/sign-up">sign up</Link> if this server is open to everyone).
      </p>
    </>
  );
}
