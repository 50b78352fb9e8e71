'use client';

import { useRouter } from 'next/navigation';
import { ApiActionButton } from '../../_components/api-action-button';
import { callApi } from '../../_lib/api-client';

/** Deletes the profile and its plans after an explicit confirmation. */
export function DeleteProfileButton({ profileId, name }: { profileId: number; name: string }) {
  const router = useRouter();
  return (
    <ApiActionButton
      className="secondary"
      confirm={() =>
        window.confirm(`Delete the profile "${name}" and all its plans? This cannot be undone.`)
      }
      call={() => callApi(`/api/profiles/${profileId}`, { method: 'DELETE' })}
      onSuccess={() => {
        router.push('/profile');
        router.refresh();
      }}
    >
      Delete profile
    </ApiActionButton>
  );
}
