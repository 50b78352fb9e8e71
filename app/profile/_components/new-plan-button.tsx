'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useRef, useState } from 'react';
import { addDays } from '@/lib/planner/dates';
import { weekStartSchema } from '@/lib/validation/plans';
import { DiagnosisDetails } from '../../_components/diagnosis-details';
import { callApi } from '../../_lib/api-client';
import { type PlanDiagnosis, planDiagnosisOf } from '../../_lib/plan-diagnosis';
import { weekLabel } from '../../_lib/week';
import { existingPlanOf } from '../_lib/profile-api';
import { usePlanFix } from '../_lib/use-plan-fix';

type Choice = 'this' | 'next' | 'other';
type Existing = { planId: number; weekStart: string };

/**
 * Makes a plan for this week, or (`choose`) for next week or any Monday. A week that already
 * has a plan asks first: replace it, open it, or keep it. An impossible profile shows what to
 * relax instead, with a button per change known to work; that answer stays until a plan exists.
 */
export function NewPlanButton({
  profileId,
  thisWeek,
  choose = false,
}: {
  profileId: number;
  /** This week's Monday (YYYY-MM-DD), as the server sees it. */
  thisWeek: string;
  choose?: boolean;
}) {
  const router = useRouter();
  const id = useId();
  const [choice, setChoice] = useState<Choice>('this');
  const [other, setOther] = useState(addDays(thisWeek, 14));
  const [busy, setBusy] = useState(false);
  const [dateError, setDateError] = useState<string | null>(null);
  const [error, setError] = useState<{ message: string; diagnosis?: PlanDiagnosis } | null>(null);
  const [existing, setExisting] = useState<Existing | null>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const nextWeek = addDays(thisWeek, 7);
  const year = Number(thisWeek.slice(0, 4));
  const weekStart = choice === 'this' ? thisWeek : choice === 'next' ? nextWeek : other;

  /** Plans the chosen week: true when leaving for the new plan. */
  async function make(replace: boolean): Promise<boolean> {
    const parsed = weekStartSchema.safeParse(weekStart);
    if (!parsed.success) {
      // The API's own rule; the words are for a person, not the field name.
      setDateError('Choose a Monday: a plan runs Monday to Sunday.');
      return false;
    }
    setDateError(null);
    setBusy(true);
    // An earlier answer stays on screen until this one replaces it.
    const res = await callApi<{ id: number }>('/api/plans', {
      method: 'POST',
      body: { profileId, weekStart: parsed.data, ...(replace ? { replace: true } : {}) },
    });
    if (res.ok) {
      dialogRef.current?.close();
      router.push(`/plans/${res.data.id}`);
      return true;
    }
    setBusy(false);
    const found = res.status === 409 ? existingPlanOf(res.error.details) : null;
    if (found) {
      setExisting(found);
      dialogRef.current?.showModal();
      // The safe choice takes focus, so Enter never replaces a plan by accident.
      keepRef.current?.focus();
      return false;
    }
    dialogRef.current?.close();
    const weekError = res.error.fieldErrors?.weekStart;
    if (weekError) {
      setDateError(weekError.join(', '));
      return false;
    }
    setError({ message: res.error.message, diagnosis: planDiagnosisOf(res.error.details) });
    return false;
  }

  const fix = usePlanFix(profileId, {
    plan: async () => {
      const leaving = await make(false);
      // The page shows the profile: it reads the change once it stays.
      if (!leaving) router.refresh();
      return leaving;
    },
  });
  const working = busy || fix.applying !== null;

  const label = choose ? 'New plan' : 'New plan for this week';
  return (
    <div className="new-plan">
      {choose ? (
        <div className="new-plan-week">
          <label htmlFor={`${id}-week`}>Week</label>
          <select
            id={`${id}-week`}
            value={choice}
            onChange={(e) => {
              setChoice(e.target.value as Choice);
              setDateError(null);
            }}
          >
            <option value="this">This week (from {weekLabel(thisWeek, year)})</option>
            <option value="next">Next week (from {weekLabel(nextWeek, year)})</option>
            <option value="other">Another week…</option>
          </select>
          {choice === 'other' ? (
            <>
              <label htmlFor={`${id}-date`}>Monday</label>
              <input
                id={`${id}-date`}
                type="date"
                // A Monday as the anchor with a 7-day step: the browser accepts Mondays only.
                min="2000-01-03"
                step={7}
                value={other}
                onChange={(e) => {
                  setOther(e.target.value);
                  setDateError(null);
                }}
                aria-invalid={dateError ? true : undefined}
                aria-describedby={dateError ? `${id}-date-error` : undefined}
              />
            </>
          ) : null}
        </div>
      ) : null}
      <button ref={triggerRef} type="button" disabled={working} onClick={() => make(false)}>
        {busy && !existing && fix.applying === null ? (
          <span className="spinner" aria-hidden="true" />
        ) : null}
        {label}
      </button>
      {dateError ? (
        <p id={`${id}-date-error`} className="field-error" role="alert">
          {dateError}
        </p>
      ) : null}
      <div aria-live="polite">
        {error ? (
          <div className="alert error" role="alert" style={{ marginTop: '0.5rem' }}>
            <p style={{ marginTop: 0 }}>{error.message}</p>
            <DiagnosisDetails diagnosis={error.diagnosis} fixer={fix} disabled={working} />
          </div>
        ) : null}
      </div>
      <dialog
        ref={dialogRef}
        aria-labelledby={`${id}-replace-title`}
        aria-describedby={`${id}-replace-text`}
        onClose={() => {
          setExisting(null);
          triggerRef.current?.focus();
        }}
      >
        <div className="dialog-head">
          <h2 id={`${id}-replace-title`}>Replace this week's plan?</h2>
        </div>
        <div className="dialog-body">
          <p id={`${id}-replace-text`} style={{ marginTop: 0 }}>
            You already have a plan for the week of{' '}
            {existing ? weekLabel(existing.weekStart, year) : ''}. Replace it? The new plan takes
            its place, and its shopping check-offs go with it.
          </p>
          <div className="row">
            <button type="button" disabled={busy} onClick={() => make(true)}>
              {busy ? <span className="spinner" aria-hidden="true" /> : null}
              Replace it
            </button>
            {existing ? (
              <Link className="button secondary" href={`/plans/${existing.planId}`}>
                Open it
              </Link>
            ) : null}
            <button
              ref={keepRef}
              type="button"
              className="secondary"
              onClick={() => dialogRef.current?.close()}
            >
              Keep it
            </button>
          </div>
        </div>
      </dialog>
    </div>
  );
}
