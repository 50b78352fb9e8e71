'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { Diagnosis } from '@/lib/planner/types';
import { DiagnosisDetails } from '../../_components/diagnosis-details';
import { callApi } from '../../_lib/api-client';
import { mondayOf } from '../../_lib/week';

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
            <DiagnosisDetails diagnosis={error.diagnosis} />
          </div>
        ) : null}
      </div>
    </div>
  );
}
