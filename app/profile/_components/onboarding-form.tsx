'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { PlanDiagnosis } from '../../_lib/plan-diagnosis';
import { clearDraft, readDraft, writeDraft } from '../_lib/draft-storage';
import { errorSummary, personFieldErrors } from '../_lib/field-messages';
import { focusFirstInvalid } from '../_lib/focus-field';
import {
  checkStep,
  type FieldErrors,
  firstStepWithErrors,
  LAST_STEP,
  ONBOARDING_STEPS,
  profileErrors,
  progressText,
} from '../_lib/onboarding-steps';
import { planThisWeek, profileMovedOn, saveProfile } from '../_lib/profile-api';
import { type FormState, formStateOf, withFix } from '../_lib/profile-form-state';
import type { ProfileValues, ProtocolOption } from '../_lib/profile-values';
import { usePlanFix } from '../_lib/use-plan-fix';
import { NoPlanNotice } from './no-plan-notice';
import { OnboardingStepFields } from './onboarding-step-fields';

type Focus = 'heading' | 'invalid' | 'notice' | null;

/** Enter in a search box (the food picker) searches; it does not leave the step. */
function keepSearchEnter(e: KeyboardEvent<HTMLFormElement>) {
  if (e.key === 'Enter' && e.target instanceof HTMLInputElement && e.target.type === 'search')
    e.preventDefault();
}

/**
 * A new profile in five short steps, each checked before the next, then the first plan. The
 * answers are kept in this browser (a draft) until that plan exists, so a reload, or a plan that
 * cannot be made, loses nothing.
 */
export function OnboardingForm({
  protocols,
  initial,
}: {
  protocols: ProtocolOption[];
  initial: ProfileValues;
}) {
  const router = useRouter();
  const [state, setState] = useState<FormState>(() => formStateOf(initial));
  const [step, setStep] = useState(0);
  const [profileId, setProfileId] = useState<number | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [noPlan, setNoPlan] = useState<{ message: string; diagnosis?: PlanDiagnosis } | null>(null);
  const [busy, setBusy] = useState(false);
  // The draft is read after hydration (the server has no storage) and written from then on,
  // once there is something to keep.
  const [ready, setReady] = useState(false);
  const [restored, setRestored] = useState(false);
  const [touched, setTouched] = useState(false);
  const done = useRef(false);

  useEffect(() => {
    const draft = readDraft();
    if (draft) {
      setState(draft.state);
      setStep(draft.step);
      setProfileId(draft.profileId);
      setRestored(true);
    }
    setReady(true);
  }, []);

  useEffect(() => {
    if (!ready || done.current || !(touched || restored)) return;
    writeDraft({ step, state, profileId });
  }, [ready, touched, restored, step, state, profileId]);

  // Focus follows the person: the new step's heading, the first field to fix, or the notice.
  const focus = useRef<Focus>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const want = focus.current;
    if (!want) return;
    focus.current = null;
    if (want === 'heading') headingRef.current?.focus();
    else if (want === 'notice') noticeRef.current?.focus();
    else if (!focusFirstInvalid(errors)) (summaryRef.current ?? headingRef.current)?.focus();
  });

  const update = (change: (old: FormState) => FormState) => {
    setTouched(true);
    setState(change);
  };

  function goTo(next: number) {
    setErrors({});
    setSummary(null);
    setTouched(true);
    setStep(next);
    focus.current = 'heading';
  }

  function showErrors(found: FieldErrors, text: string | null) {
    const at = firstStepWithErrors(found);
    if (at !== null) setStep(at);
    setErrors(found);
    setSummary(text);
    focus.current = 'invalid';
  }

  /**
   * This week's plan for the saved profile: leaves for it (true), or shows why none fits. The
   * notice stays until a plan exists; a new answer replaces it.
   */
  async function planWeek(id: number): Promise<boolean> {
    const plan = await planThisWeek(id);
    if (plan.ok) {
      done.current = true;
      clearDraft();
      router.push(`/plans/${plan.planId}`);
      return true;
    }
    setNoPlan({ message: plan.message, diagnosis: plan.diagnosis });
    setBusy(false);
    focus.current = 'notice';
    return false;
  }

  // A saved fix joins the answers (and the draft), so finishing again keeps it.
  const fix = usePlanFix(profileId, {
    onSaved: (patch) => update((s) => withFix(s, patch)),
    plan: async () => {
      if (profileId === null) return false;
      setBusy(true);
      return planWeek(profileId);
    },
  });
  const working = busy || fix.applying !== null;

  async function finish() {
    // Every step again: a draft from an older visit may hold an answer a step would refuse.
    const found = profileErrors(state);
    if (Object.keys(found).length > 0) return showErrors(found, null);
    setBusy(true);
    // A profile this draft saved before is updated, unless it has since got a plan elsewhere
    // or was deleted: then these answers make a new profile.
    const target = profileId !== null && !(await profileMovedOn(profileId)) ? profileId : null;
    let saved = await saveProfile(state, target);
    if (!saved.ok && saved.status === 404 && target !== null)
      saved = await saveProfile(state, null);
    if (!saved.ok) {
      setBusy(false);
      return showErrors(
        personFieldErrors(saved.error.fieldErrors),
        errorSummary(saved.error.fieldErrors, saved.error.message),
      );
    }
    setProfileId(saved.data.id);
    await planWeek(saved.data.id);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (working) return;
    if (step === LAST_STEP) {
      void finish();
      return;
    }
    const found = checkStep(state, step);
    if (Object.keys(found).length > 0) return showErrors(found, null);
    goTo(step + 1);
  }

  function startOver() {
    clearDraft();
    setState(formStateOf(initial));
    setProfileId(null);
    setNoPlan(null);
    setRestored(false);
    goTo(0);
    setTouched(false);
  }

  const current = ONBOARDING_STEPS[step] ?? ONBOARDING_STEPS[0];
  return (
    <form
      className="onboarding"
      onSubmit={submit}
      onKeyDown={keepSearchEnter}
      noValidate
      aria-labelledby="step-heading"
    >
      {restored ? (
        <p className="small muted" role="status">
          Welcome back: your answers so far are here.
        </p>
      ) : null}
      {noPlan ? (
        <NoPlanNotice
          message={noPlan.message}
          diagnosis={noPlan.diagnosis}
          onGoTo={goTo}
          noticeRef={noticeRef}
          fixer={fix}
          busy={working}
        />
      ) : null}
      <div className="step-progress">
        <p id="step-progress" className="step-count">
          {progressText(step)}
        </p>
        <div className="step-bar" aria-hidden="true">
          <span style={{ width: `${((step + 1) / ONBOARDING_STEPS.length) * 100}%` }} />
        </div>
      </div>
      <h2 id="step-heading" ref={headingRef} tabIndex={-1} aria-describedby="step-progress">
        {current.title}
      </h2>
      <div aria-live="polite">
        {summary ? (
          <div ref={summaryRef} className="alert error" role="alert" tabIndex={-1}>
            {summary}
          </div>
        ) : null}
      </div>
      <OnboardingStepFields
        step={step}
        protocols={protocols}
        state={state}
        update={update}
        errors={errors}
      />
      <div className="step-actions">
        {step > 0 ? (
          <button
            type="button"
            className="secondary"
            disabled={working}
            onClick={() => goTo(step - 1)}
          >
            Back
          </button>
        ) : null}
        <button type="submit" className="step-next" disabled={working}>
          {busy && fix.applying === null ? <span className="spinner" aria-hidden="true" /> : null}
          {step === LAST_STEP ? 'Save and plan my week' : 'Next'}
        </button>
      </div>
      <p className="small muted" aria-live="polite">
        {busy ? 'Making your plan…' : null}
      </p>
      {touched || restored ? (
        <p className="small muted step-draft">
          Your answers are kept in this browser until your first plan is made.{' '}
          <button type="button" className="ghost link-button" onClick={startOver}>
            Start over
          </button>
        </p>
      ) : null}
    </form>
  );
}
