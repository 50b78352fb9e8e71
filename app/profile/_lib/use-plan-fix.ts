'use client';

import { useEffect, useRef, useState } from 'react';
import type { FixPatch, PlanFix } from '@/lib/profiles/plan-fixes';
import type { FixApplier } from '../../_components/diagnosis-details';
import { callApi } from '../../_lib/api-client';

/** Said on the page when a fix was saved to a profile, so a form showing it can follow. */
const FIX_SAVED = 'villi:plan-fix-saved';
type FixSaved = { profileId: number; patch: FixPatch };

/**
 * Applying a fix from an `infeasible` answer: PATCH the profile with it, tell `onSaved` (and
 * the page), then `plan` again, which either leaves for the new plan (answering true) or shows
 * the next answer. While a fix is applied `applying` names it; a refused PATCH leaves
 * everything as it was and says why in `error`.
 */
export function usePlanFix(
  profileId: number | null,
  { onSaved, plan }: { onSaved?: (patch: FixPatch) => void; plan: () => Promise<boolean> },
): FixApplier {
  const [applying, setApplying] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function apply(fix: PlanFix): Promise<void> {
    // One at a time; the buttons are disabled meanwhile, a quick second press is ignored.
    if (applying !== null || profileId === null) return;
    setApplying(fix.id);
    setError(null);
    const saved = await callApi(`/api/profiles/${profileId}`, { method: 'PATCH', body: fix.patch });
    if (!saved.ok) {
      setError(`Could not change the profile: ${saved.error.message}`);
      setApplying(null);
      return;
    }
    onSaved?.(fix.patch);
    window.dispatchEvent(
      new CustomEvent<FixSaved>(FIX_SAVED, { detail: { profileId, patch: fix.patch } }),
    );
    // Leaving for the plan: the button keeps its spinner until the page changes.
    if (!(await plan())) setApplying(null);
  }

  return { applying, error, apply: (fix) => void apply(fix) };
}

/**
 * Calls `onSaved` with each fix saved to this profile from anywhere on the page, so a form
 * holding the profile's values takes the fix and a later save does not undo it.
 */
export function usePlanFixSaved(profileId: number, onSaved: (patch: FixPatch) => void): void {
  const latest = useRef(onSaved);
  useEffect(() => {
    latest.current = onSaved;
  });
  useEffect(() => {
    const listener = (e: Event) => {
      const { detail } = e as CustomEvent<FixSaved>;
      if (detail.profileId === profileId) latest.current(detail.patch);
    };
    window.addEventListener(FIX_SAVED, listener);
    return () => window.removeEventListener(FIX_SAVED, listener);
  }, [profileId]);
}
