'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from '../../_lib/api-client';
import { mondayOf } from '../../_lib/week';

type Diagnosis = {
  slots: {
    slot: string;
    available: number;
    needed: number;
    blockers: { rule: string; recipesExcluded: number }[];
  }[];
  suggestions: string[];
};

/** Makes a plan for this week; an impossible profile shows what to relax instead. */
export function NewPlanButton({ profileId }: { profileId: number }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; diagnosis?: Diagnosis } | null>(null);
  return (
    <div>
      <button
        type="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          const res = await callApi<{ id: number }>('/api/plans', {
            method: 'POST',
            body: { profileId, weekStart: mondayOf(new Date()) },
          });
          if (res.ok) {
            router.push(`/plans/${res.data.id}`);
            return;
          }
          setError({
            message: res.error.message,
            diagnosis: res.error.details as Diagnosis | undefined,
          });
          setBusy(false);
        }}
      >
        {busy ? <span className="spinner" aria-hidden="true" /> : null}
        New plan for this week
      </button>
      <div aria-live="polite">
        {error ? (
          <div className="alert error" role="alert" style={{ marginTop: '0.5rem' }}>
            <p style={{ marginTop: 0 }}>{error.message}</p>
            {error.diagnosis?.slots?.length ? (
              <ul>
                {error.diagnosis.slots.map((s) => (
                  <li key={s.slot}>
                    {s.slot}: {s.available} recipes fit, {s.needed} needed
                    {s.blockers.length
                      ? ` — most left out by ${s.blockers
                          .slice(0, 3)
                          .map((b) => `${b.rule} (${b.recipesExcluded})`)
                          .join(', ')}`
                      : ''}
                  </li>
                ))}
              </ul>
            ) : null}
            {error.diagnosis?.suggestions?.length ? (
              <p>Try: {error.diagnosis.suggestions.join('; ')}.</p>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
