'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { DiagnosisDetails } from '../../_components/diagnosis-details';
import type { PlanDiagnosis } from '../../_lib/plan-diagnosis';
import { errorSummary, personFieldErrors } from '../_lib/field-messages';
import { focusFirstInvalid } from '../_lib/focus-field';
import { type PlanOutcome, planThisWeek, saveProfile } from '../_lib/profile-api';
import { type FormState, formStateOf, withFix } from '../_lib/profile-form-state';
import type { ProfileValues, ProtocolOption } from '../_lib/profile-values';
import { usePlanFix, usePlanFixSaved } from '../_lib/use-plan-fix';
import { AboutFields } from './fields/about-fields';
import { AllergyFields } from './fields/allergy-fields';
import { ClinicianFields } from './fields/clinician-fields';
import { DietFields } from './fields/diet-fields';
import { DislikeFields } from './fields/dislike-fields';
import { MealTimeFields } from './fields/meal-time-fields';
import { ProtocolFields } from './fields/protocol-fields';
import { TargetFields } from './fields/target-fields';

/** The whole profile on one page, for editing an existing profile. */
export function ProfileForm({
  protocols,
  initial,
}: {
  protocols: ProtocolOption[];
  initial: ProfileValues & { id: number };
}) {
  const router = useRouter();
  const [state, setState] = useState<FormState>(() => formStateOf(initial));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{
    kind: 'error' | 'success';
    text: string;
    diagnosis?: PlanDiagnosis;
  } | null>(null);
  const [busy, setBusy] = useState(false);
  /** This week's plan, when "Save and make a new plan" found one: replace it or open it. */
  const [existing, setExisting] = useState<number | null>(null);

  /** Leaves for the new plan (true), or says why there is none. */
  function showPlan(plan: PlanOutcome): boolean {
    if (plan.ok) {
      router.push(`/plans/${plan.planId}`);
      return true;
    }
    if (plan.existingPlanId !== undefined) {
      // never a silent duplicate or a silent replacement: the person chooses
      setExisting(plan.existingPlanId);
      setMessage({
        kind: 'success',
        text: 'Profile saved. You already have a plan for this week.',
      });
    } else {
      setExisting(null);
      setMessage({
        kind: 'error',
        text: `Your profile is saved, but no plan could be made: ${plan.message}`,
        diagnosis: plan.diagnosis,
      });
    }
    setBusy(false);
    return false;
  }

  async function replaceExisting() {
    setBusy(true);
    showPlan(await planThisWeek(initial.id, true));
  }

  // A fix saved here or by "New plan" is in the profile now: the fields show it, so a later
  // save keeps it.
  usePlanFixSaved(initial.id, (patch) => setState((s) => withFix(s, patch)));
  const fix = usePlanFix(initial.id, {
    plan: async () => {
      setBusy(true);
      return showPlan(await planThisWeek(initial.id));
    },
  });
  const working = busy || fix.applying !== null;

  // After a failed save, focus goes to the first field with an error (the summary without one).
  const focusPending = useRef(false);
  const statusRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    if (!focusFirstInvalid(errors)) statusRef.current?.focus();
  }, [errors]);

  async function submit(e: FormEvent, thenPlan: boolean) {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    setExisting(null);
    const res = await saveProfile(state, initial.id);
    if (!res.ok) {
      setErrors(personFieldErrors(res.error.fieldErrors));
      setMessage({ kind: 'error', text: errorSummary(res.error.fieldErrors, res.error.message) });
      setBusy(false);
      focusPending.current = true;
      return;
    }
    setErrors({});
    if (thenPlan) {
      showPlan(await planThisWeek(res.data.id));
      return;
    }
    setMessage({ kind: 'success', text: 'Profile saved.' });
    setBusy(false);
    router.refresh();
  }

  const section = { state, update: setState, errors };
  return (
    <form onSubmit={(e) => submit(e, false)} noValidate aria-describedby="form-status">
      <div id="form-status" aria-live="polite" ref={statusRef} tabIndex={-1}>
        {message ? (
          <div
            className={`alert ${message.kind}`}
            role={message.kind === 'error' ? 'alert' : 'status'}
            style={{ marginBottom: '1rem' }}
          >
            {message.text}
            <DiagnosisDetails diagnosis={message.diagnosis} fixer={fix} disabled={working} />
            {existing !== null ? (
              <div className="row" style={{ marginTop: '0.5rem' }}>
                <button type="button" disabled={working} onClick={replaceExisting}>
                  Replace it with a new plan
                </button>
                <a className="button secondary" href={`/plans/${existing}`}>
                  Open it
                </a>
              </div>
            ) : null}
          </div>
        ) : null}
      </div>
      <AboutFields {...section} />
      <ProtocolFields {...section} protocols={protocols} />
      <AllergyFields {...section} />
      <DietFields {...section} protocols={protocols} />
      <DislikeFields {...section} />
      <MealTimeFields {...section} />
      <TargetFields {...section} />
      <ClinicianFields {...section} />
      <div className="row">
        <button type="submit" disabled={working}>
          {busy && fix.applying === null ? <span className="spinner" aria-hidden="true" /> : null}
          Save profile
        </button>
        <button
          type="button"
          className="secondary"
          disabled={working}
          onClick={(e) => submit(e, true)}
        >
          Save and make a new plan
        </button>
      </div>
    </form>
  );
}
