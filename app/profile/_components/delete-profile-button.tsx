'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from '../../_lib/api-client';

/** Deletes the profile and its plans after an explicit confirmation. */
export function DeleteProfileButton({ profileId, name }: { profileId: number; name: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div>
      <button
        type="button"
        className="secondary"
        disabled={busy}
        onClick={async () => {
          if (
            !window.confirm(
              `Delete the profile "${name}" and all its plans? This cannot be undone.`,
            )
          )
            return;
          setBusy(true);
          const res = await callApi(`/api/profiles/${profileId}`, { method: 'DELETE' });
          if (res.ok) {
            router.push('/profile');
            router.refresh();
            return;
          }
          setBusy(false);
          setError(res.error.message);
        }}
      >
        Delete profile
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
