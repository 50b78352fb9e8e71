'use client';

import { useState } from 'react';
import { callApi } from '../../_lib/api-client';

type Props = {
  /** "Sign in with <name>". */
  providerName: string;
  /** An invite token: the new account joins that household. */
  invite?: string;
};

/** Sends the browser to the OpenID Connect provider; it comes back signed in (or with ?error=). */
export function OidcButton({ providerName, invite }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="stack">
      <button
        type="button"
        className="secondary"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          const res = await callApi<{ url: string }>('/api/auth/sign-in/oidc', {
            method: 'POST',
            body: invite ? { invite } : {},
          });
          if (res.ok) {
            window.location.assign(res.data.url);
            return;
          }
          setBusy(false);
          setError(res.error.message);
        }}
      >
        Sign in with {providerName}
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
