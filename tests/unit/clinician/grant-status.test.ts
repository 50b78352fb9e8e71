import { describe, expect, it } from 'vitest';
import { grantStatus, linkRefusal } from '@/lib/clinician/grant-status';
import { readLabel } from '@/lib/clinician/read-label';

const made = {
  linkExpiresAt: '2026-03-08T10:00:00.000Z',
  accessExpiresAt: '2026-04-01T10:00:00.000Z',
  acceptedAt: null,
  revokedAt: null,
};

describe('a clinician grant over time', () => {
  it('is pending until its link expires, then expired', () => {
    expect(grantStatus(made, '2026-03-01T10:00:00.000Z')).toBe('pending');
    expect(grantStatus(made, '2026-03-08T10:00:00.000Z')).toBe('expired');
    expect(linkRefusal(made, '2026-03-01T10:00:00.000Z')).toBeNull();
    expect(linkRefusal(made, '2026-03-09T00:00:00.000Z')).toBe('has expired');
  });

  it('once accepted is active until the access ends, whatever the link', () => {
    const accepted = { ...made, acceptedAt: '2026-03-02T09:00:00.000Z' };
    expect(grantStatus(accepted, '2026-03-20T10:00:00.000Z')).toBe('active');
    expect(grantStatus(accepted, '2026-04-01T10:00:00.000Z')).toBe('expired');
    expect(linkRefusal(accepted, '2026-03-03T00:00:00.000Z')).toBe('was already used');
  });

  it('revoked wins over every other date', () => {
    const revoked = {
      ...made,
      acceptedAt: '2026-03-02T09:00:00.000Z',
      revokedAt: '2026-03-03T09:00:00.000Z',
    };
    expect(grantStatus(revoked, '2026-03-02T10:00:00.000Z')).toBe('revoked');
    expect(
      linkRefusal({ ...made, revokedAt: '2026-03-01T00:00:00.000Z' }, '2026-03-02T00:00:00.000Z'),
    ).toBe('was revoked by the member');
  });
});

describe('what a clinician read, in words', () => {
  it.each([
    ['/api/plans/12', 'plan'],
    ['/api/plans/12/nutrition', 'nutrition report'],
    ['/api/plans/12/meals/2026-11-30-dinner/alternatives', 'meal alternatives'],
    ['/api/profiles/3/report', 'clinician report'],
    ['/api/profiles/3/journal', 'journal'],
    ['/api/profiles', 'profile list'],
    ['/api/plans/12/unknown', '/api/plans/12/unknown'],
  ])('%s → %s', (path, label) => {
    expect(readLabel(path)).toBe(label);
  });
});
