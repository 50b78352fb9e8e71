'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { HouseholdMember } from '@/db/queries/household-members';
import { callApi } from '../../_lib/api-client';
import { StatusLines } from './status-lines';

type Props = {
  householdId: number;
  members: HouseholdMember[];
  /** The signed-in user. */
  me: string;
  /** Owners hand over ownership and remove members. */
  owner: boolean;
};

const ROLE_LABEL = { owner: 'Owner', member: 'Member', clinician: 'Clinician (read only)' };

/** Who is in the household; an owner makes members owners and removes them (asked to confirm). */
export function HouseholdPanel({ householdId, members, me, owner }: Props) {
  const router = useRouter();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function act(m: HouseholdMember, method: 'PATCH' | 'DELETE', done: string) {
    setBusy(true);
    const res = await callApi(`/api/households/${householdId}/members/${m.userId}`, {
      method,
      ...(method === 'PATCH' ? { body: { role: m.role === 'owner' ? 'member' : 'owner' } } : {}),
    });
    setBusy(false);
    setConfirming(null);
    if (!res.ok) {
      setMessage(null);
      setError(res.error.message);
      return;
    }
    setError(null);
    setMessage(done);
    router.refresh();
  }

  return (
    <section className="card stack" aria-labelledby="household-h">
      <h2 id="household-h">Household</h2>
      <div aria-live="polite">
        <StatusLines message={message} error={error} />
      </div>
      <ul className="household-members">
        {members.map((m) => (
          <li key={m.userId} data-testid="household-member">
            <p>
              <strong>{m.name}</strong>
              {m.userId === me ? ' (you)' : ''} · {ROLE_LABEL[m.role]} ·{' '}
              {m.profileName ? `profile ${m.profileName}` : 'no profile yet'}
            </p>
            {owner && m.userId !== me ? (
              confirming === m.userId ? (
                <div className="row" role="group" aria-label={`Remove ${m.name}?`}>
                  <span>
                    Remove {m.name} from the household? Their sign-ins end; their profile stays.
                  </span>
                  <button
                    type="button"
                    className="secondary"
                    disabled={busy}
                    // the confirm button takes the focus, so the keyboard lands on the choice
                    // biome-ignore lint/a11y/noAutofocus: moved focus to the confirmation
                    autoFocus
                    onClick={() => act(m, 'DELETE', `${m.name} was removed from the household.`)}
                  >
                    Yes, remove {m.name}
                  </button>
                  <button type="button" disabled={busy} onClick={() => setConfirming(null)}>
                    Keep {m.name}
                  </button>
                </div>
              ) : (
                <div className="row">
                  {m.role === 'member' ? (
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() => act(m, 'PATCH', `${m.name} is now an owner.`)}
                    >
                      Make owner<span className="visually-hidden">: {m.name}</span>
                    </button>
                  ) : null}
                  {m.role === 'owner' ? (
                    <button
                      type="button"
                      className="secondary"
                      disabled={busy}
                      onClick={() => act(m, 'PATCH', `${m.name} is now a member.`)}
                    >
                      Make member<span className="visually-hidden">: {m.name}</span>
                    </button>
                  ) : null}
                  <button
                    type="button"
                    className="secondary"
                    disabled={busy}
                    onClick={() => setConfirming(m.userId)}
                  >
                    Remove<span className="visually-hidden">: {m.name}</span>
                  </button>
                </div>
              )
            ) : null}
          </li>
        ))}
      </ul>
      <p className="small muted">
        Owners manage the household; a member sees their own profile and the household&apos;s plans
        and shopping lists; a clinician reads without changing anything.
      </p>
    </section>
  );
}
