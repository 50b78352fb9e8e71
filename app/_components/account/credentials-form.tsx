'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from '../../_lib/api-client';
import { StatusLines } from './status-lines';

type Props = {
  /** sign-up: makes the account (the first, or with an invite); sign-in: an existing one. */
  mode: 'sign-up' | 'sign-in';
  submitLabel: string;
  /** Where to go once signed in. */
  next: string;
  invite?: string;
};

/** Email and password (and a name when signing up); the server sets the session cookie. */
export function CredentialsForm({ mode, submitLabel, next, invite }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="card stack"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const text = (k: string) => String(form.get(k) ?? '');
        const body =
          mode === 'sign-up'
            ? {
                email: text('email'),
                password: text('password'),
                ...(text('name').trim() ? { name: text('name') } : {}),
                ...(invite ? { invite } : {}),
              }
            : { email: text('email'), password: text('password') };
        setBusy(true);
        setError(null);
        const res = await callApi(`/api/auth/${mode}`, { method: 'POST', body });
        if (res.ok) {
          router.push(next);
          router.refresh();
          return;
        }
        setBusy(false);
        setError(res.error.message);
      }}
    >
      {mode === 'sign-up' ? (
        <div className="field">
          <label htmlFor="a-name">Your name</label>
          <input id="a-name" name="name" type="text" autoComplete="name" maxLength={100} />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="a-email">Email</label>
        <input id="a-email" name="email" type="email" autoComplete="email" required />
      </div>
      <div className="field">
        <label htmlFor="a-password">Password</label>
        <input
          id="a-password"
          name="password"
          type="password"
          minLength={mode === 'sign-up' ? 8 : 1}
          autoComplete={mode === 'sign-up' ? 'new-password' : 'current-password'}
          required
        />
        {mode === 'sign-up' ? <p className="small muted">At least 8 characters.</p> : null}
      </div>
      <button type="submit" disabled={busy}>
        {submitLabel}
      </button>
      <div aria-live="polite">
        <StatusLines message={null} error={error} />
      </div>
    </form>
  );
}
