'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from '../../_lib/api-client';

/** A signed-in clinician of the household accepts the link with one button. */
export function AcceptLinkButton({ invite, profileName }: { invite: string; profileName: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="stack">
      <button
        type="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          const res = await callApi('/api/clinician-invites/accept', {
            method: 'POST',
            body: { invite },
          });
          if (res.ok) {
            router.push('/clinician');
            router.refresh();
            return;
          }
          setBusy(false);
          setError(res.error.message);
        }}
      >
        Accept read-only access to {profileName}
      </button>
      <div aria-live="polite">
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
