'use client';

import { callApi } from '../../_lib/api-client';
import { ApiActionButton } from '../api-action-button';

type Props = {
  /** "Sign in with <name>". */
  providerName: string;
  /** An invite token: the new account joins that household. */
  invite?: string;
};

/** Sends the browser to the OpenID Connect provider; it comes back signed in (or with ?error=). */
export function OidcButton({ providerName, invite }: Props) {
  return (
    <ApiActionButton
      className="secondary"
      call={() =>
        callApi<{ url: string }>('/api/auth/sign-in/oidc', {
          method: 'POST',
          body: invite ? { invite } : {},
        })
      }
      onSuccess={({ url }) => window.location.assign(url)}
    >
      Sign in with {providerName}
    </ApiActionButton>
  );
}
