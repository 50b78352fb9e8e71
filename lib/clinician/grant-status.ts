/** Where a clinician grant stands at a moment, from its dates alone. */
export type GrantStatus = 'pending' | 'active' | 'expired' | 'revoked';

export type GrantDates = {
  linkExpiresAt: string;
  accessExpiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
};

/**
 * Revoked wins; an accepted grant is active until its access ends; an unaccepted one is pending
 * until its link expires. ISO instants compare as text.
 */
export function grantStatus(grant: GrantDates, now: string): GrantStatus {
  if (grant.revokedAt !== null) return 'revoked';
  if (grant.acceptedAt !== null) return grant.accessExpiresAt > now ? 'active' : 'expired';
  return grant.linkExpiresAt > now ? 'pending' : 'expired';
}

/** Why a link cannot be accepted, in words for the person holding it; null when it can. */
export function linkRefusal(grant: GrantDates, now: string): string | null {
  if (grant.revokedAt !== null) return 'was revoked by the member';
  if (grant.acceptedAt !== null) return 'was already used';
  if (grant.linkExpiresAt <= now) return 'has expired';
  return null;
}
