'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from '../../_lib/api-client';
import { StatusLines } from './status-lines';

/** Download all of one's data, and delete the account (the password asked again). */
export function PrivacyPanel() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="card stack" aria-labelledby="privacy-h">
      <h2 id="privacy-h">Your data</h2>
      <p className="small muted">
        One JSON file with your account, the profiles you see (a member: their own; an owner: the
        household&apos;s) with journals, reintroductions and plans, and your API tokens (never
        passwords or the tokens themselves).
      </p>
      <p>
        <a className="button" href="/api/account/export" download>
          Download my data
        </a>
      </p>
      <form
        className="stack"
        onSubmit={async (event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const res = await callApi('/api/account', {
            method: 'DELETE',
            body: { password: String(form.get('password') ?? '') },
          });
          if (!res.ok) {
            setError(res.error.message);
            return;
          }
          router.push('/sign-in');
          router.refresh();
        }}
      >
        <h3>Delete account</h3>
        <p className="small muted">
          Your account, sign-ins and API tokens are deleted. If you are the household&apos;s last
          member, its profiles, plans and journals go too; otherwise the household stays as it is.
        </p>
        <StatusLines message={null} error={error} />
        <div className="field">
          <label htmlFor="del-password">Your password, to confirm</label>
          <input
            id="del-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
        </div>
        <label>
          <input type="checkbox" name="sure" required /> I understand this cannot be undone
        </label>
        <button type="submit" className="secondary">
          Delete account
        </button>
      </form>
    </section>
  );
}
