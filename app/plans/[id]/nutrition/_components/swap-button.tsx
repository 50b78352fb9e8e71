'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from '../../../../_lib/api-client';

/** Swaps a suggested recipe into one meal (the plan's swap route), then reloads the report. */
export function SwapButton({
  planId,
  mealId,
  recipeSlug,
  label,
}: {
  planId: number;
  mealId: string;
  recipeSlug: string;
  /** e.g. "Swap into Tuesday dinner" */
  label: string;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function swap() {
    setBusy(true);
    setError(null);
    const res = await callApi(`/api/plans/${planId}/meals/${mealId}/swap`, {
      method: 'POST',
      body: { recipeSlug },
    });
    setBusy(false);
    if (!res.ok) setError(res.error.message);
    else router.refresh();
  }
  return (
    <span className="no-print">
      <button type="button" className="secondary small" onClick={swap} disabled={busy}>
        {busy ? 'Swapping…' : label}
      </button>
      {error ? (
        <span
          role="alert"
          className="small"
          style={{ color: 'var(--danger)', marginLeft: '0.5rem' }}
        >
          {error}
        </span>
      ) : null}
    </span>
  );
}
