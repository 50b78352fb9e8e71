'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from '../../../../_lib/api-client';

export type InviteRow = {
  id: number;
  status: 'pending' | 'active' | 'expired' | 'revoked';
  email: string | null;
  clinician: { name: string; email: string } | null;
  expiresText: string;
  accessText: string;
};

const STATUS_TEXT: Record<InviteRow['status'], string> = {
  pending: 'Not accepted yet',
  active: 'Active',
  expired: 'Ended',
  revoked: 'Revoked',
};

/** Make a link (shown once, with Copy), and revoke links and the access given through them. */
export function ClinicianLinks({
  profileId,
  invites,
}: {
  profileId: number;
  invites: InviteRow[];
}) {
  const router = useRouter();
  const [made, setMade] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const base = `/api/profiles/${profileId}/clinician-invites`;

  return (
    <>
      <section aria-labelledby="make-h" className="card stack">
        <h2 id="make-h">Invite a clinician</h2>
        <form
          className="stack"
          onSubmit={async (event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            const email = String(form.get('email') ?? '').trim();
            setBusy(true);
            setMessage(null);
            const res = await callApi<{ url: string }>(base, {
              method: 'POST',
              body: { days: Number(form.get('days')), ...(email ? { email } : {}) },
            });
            setBusy(false);
            if (!res.ok) {
              setMessage({ error: true, text: res.error.message });
              return;
            }
            setMade(res.data.url);
            setCopied(false);
            router.refresh();
          }}
        >
          <div className="field">
            <label htmlFor="ci-days">Access lasts (days)</label>
            <input id="ci-days" name="days" type="number" min={1} max={365} defaultValue={90} />
          </div>
          <div className="field">
            <label htmlFor="ci-email">Clinician's email (optional: only they can accept)</label>
            <input id="ci-email" name="email" type="email" autoComplete="off" />
          </div>
          <button type="submit" disabled={busy}>
            Make a clinician link
          </button>
        </form>
        {made ? (
          <div className="stack" data-testid="clinician-link">
            <p className="small">
              The link (shown once; it can be accepted for 7 days):{' '}
              <code style={{ overflowWrap: 'anywhere' }}>{made}</code>
            </p>
            <button
              type="button"
              className="secondary"
              onClick={async () => {
                await navigator.clipboard?.writeText(made).catch(() => undefined);
                setCopied(true);
              }}
            >
              {copied ? 'Copied' : 'Copy link'}
            </button>
          </div>
        ) : null}
      </section>
      <section aria-labelledby="links-h" className="stack" style={{ marginTop: '1.5rem' }}>
        <h2 id="links-h">Links</h2>
        <div aria-live="polite">
          {message ? (
            <p className={message.error ? 'field-error' : 'small'} role="status">
              {message.text}
            </p>
          ) : null}
        </div>
        {invites.length === 0 ? (
          <p className="muted">No links yet.</p>
        ) : (
          <ul className="stack" style={{ listStyle: 'none', padding: 0 }}>
            {invites.map((i) => (
              <li key={i.id} className="card spread" data-testid={`invite-${i.id}`}>
                <span>
                  <strong>{STATUS_TEXT[i.status]}</strong>
                  {i.clinician
                    ? ` · ${i.clinician.name} (${i.clinician.email})`
                    : i.email
                      ? ` · for ${i.email}`
                      : ''}
                  <br />
                  <span className="small muted">
                    {i.status === 'pending'
                      ? `Link valid until ${i.expiresText}; access until ${i.accessText}`
                      : `Access until ${i.accessText}`}
                  </span>
                </span>
                {i.status === 'pending' || i.status === 'active' ? (
                  <button
                    type="button"
                    className="secondary"
                    disabled={busy}
                    aria-label={`Revoke ${i.clinician ? `${i.clinician.name}'s access` : 'this link'}`}
                    onClick={async () => {
                      setBusy(true);
                      const res = await callApi(`${base}/${i.id}`, { method: 'DELETE' });
                      setBusy(false);
                      setMessage(
                        res.ok
                          ? { error: false, text: 'Revoked: the link and its access ended.' }
                          : { error: true, text: res.error.message },
                      );
                      router.refresh();
                    }}
                  >
                    Revoke
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
