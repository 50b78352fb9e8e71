'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { TokenRow } from '@/db/queries/accounts';
import { callApi } from '../../_lib/api-client';
import { StatusLines } from './status-lines';

export type TokenView = TokenRow;

type Props = { householdId: number; owner: boolean; tokens: TokenView[] };

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : 'never');

/** API tokens, invites (owners), password, and signing out here or everywhere. */
export function AccountPanel({ householdId, owner, tokens }: Props) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<{ what: string; value: string } | null>(null);
  const report = (res: { ok: true } | { ok: false; error: { message: string } }, ok: string) => {
    if (res.ok) {
      setError(null);
      setMessage(ok);
    } else {
      setMessage(null);
      setError(res.error.message);
    }
  };
  const signOut = async (everywhere: boolean) => {
    if (everywhere) await callApi('/api/account/sessions', { method: 'DELETE' });
    await callApi('/api/auth/sign-out', { method: 'POST' });
    router.push('/sign-in');
    router.refresh();
  };

  return (
    <div className="stack">
      <div aria-live="polite">
        <StatusLines message={message} error={error} />
        {shown ? (
          <div className="card">
            <p>
              {shown.what} (shown once; copy it now):{' '}
              <code data-testid="secret-value">{shown.value}</code>
            </p>
          </div>
        ) : null}
      </div>

      <section className="card stack" aria-labelledby="tokens-h">
        <h2 id="tokens-h">API tokens</h2>
        <p className="small muted">
          Scripts send a token as <code>Authorization: Bearer &lt;token&gt;</code>.
        </p>
        <ul>
          {tokens.map((t) => (
            <li key={t.id}>
              {t.name} · <code>{t.prefix}…</code> · made {day(t.createdAt)} · last used{' '}
              {day(t.lastUsedAt)}
              {t.revokedAt ? ' · revoked' : ' '}
              {t.revokedAt ? null : (
                <button
                  type="button"
                  className="secondary"
                  onClick={async () => {
                    const res = await callApi(`/api/account/tokens/${t.id}`, { method: 'DELETE' });
                    report(res.ok ? { ok: true } : res, `Token ${t.name} revoked.`);
                    router.refresh();
                  }}
                >
                  Revoke
                </button>
              )}
            </li>
          ))}
        </ul>
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            const name = String(new FormData(event.currentTarget).get('name') ?? '').trim();
            const res = await callApi<{ token: string }>('/api/account/tokens', {
              method: 'POST',
              body: name ? { name } : {},
            });
            if (res.ok) setShown({ what: 'New token', value: res.data.token });
            report(res.ok ? { ok: true } : res, 'Token made.');
            router.refresh();
          }}
        >
          <div className="field">
            <label htmlFor="t-name">Token name</label>
            <input
              id="t-name"
              name="name"
              type="text"
              maxLength={100}
              placeholder="backup script"
            />
          </div>
          <button type="submit">Make a token</button>
        </form>
      </section>

      {owner ? (
        <section className="card stack" aria-labelledby="invite-h">
          <h2 id="invite-h">Invite someone</h2>
          <form
            onSubmit={async (event) => {
              event.preventDefault();
              const form = new FormData(event.currentTarget);
              const email = String(form.get('email') ?? '').trim();
              const res = await callApi<{ url: string }>(`/api/households/${householdId}/invites`, {
                method: 'POST',
                body: { role: String(form.get('role')), ...(email ? { email } : {}) },
              });
              if (res.ok) setShown({ what: 'Invite link (valid 7 days)', value: res.data.url });
              report(res.ok ? { ok: true } : res, 'Invite made.');
            }}
          >
            <div className="field">
              <label htmlFor="i-role">Role</label>
              <select id="i-role" name="role" defaultValue="member">
                <option value="member">Member</option>
                <option value="clinician">Clinician (read only)</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="i-email">Email (optional: only this address may use it)</label>
              <input id="i-email" name="email" type="email" />
            </div>
            <button type="submit">Make an invite link</button>
          </form>
        </section>
      ) : null}

      <section className="card stack" aria-labelledby="password-h">
        <h2 id="password-h">Change the password</h2>
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            const res = await callApi('/api/account/password', {
              method: 'POST',
              body: {
                currentPassword: String(form.get('current') ?? ''),
                newPassword: String(form.get('new') ?? ''),
                revokeOtherSessions: true,
              },
            });
            report(res.ok ? { ok: true } : res, 'Password changed; other sessions signed out.');
          }}
        >
          <div className="field">
            <label htmlFor="pw-current">Current password</label>
            <input
              id="pw-current"
              name="current"
              type="password"
              autoComplete="current-password"
              required
            />
          </div>
          <div className="field">
            <label htmlFor="pw-new">New password</label>
            <input
              id="pw-new"
              name="new"
              type="password"
              minLength={8}
              autoComplete="new-password"
              required
            />
          </div>
          <button type="submit">Change the password</button>
        </form>
      </section>

      <section className="card stack" aria-labelledby="signout-h">
        <h2 id="signout-h">Sign out</h2>
        <div className="spread">
          <button type="button" onClick={() => signOut(false)}>
            Sign out
          </button>
          <button type="button" className="secondary" onClick={() => signOut(true)}>
            Sign out everywhere
          </button>
        </div>
      </section>
    </div>
  );
}
