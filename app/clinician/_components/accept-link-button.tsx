'use client';

import { useRouter } from 'next/navigation';
import { ApiActionButton } from '../../_components/api-action-button';
import { callApi } from '../../_lib/api-client';

/** A signed-in clinician of the household accepts the link with one button. */
export function AcceptLinkButton({ invite, profileName }: { invite: string; profileName: string }) {
  const router = useRouter();
  return (
    <ApiActionButton
      call={() => callApi('/api/clinician-invites/accept', { method: 'POST', body: { invite } })}
      onSuccess={() => {
        router.push('/clinician');
        router.refresh();
      }}
    >
      Accept read-only access to {profileName}
    </ApiActionButton>
  );
}
