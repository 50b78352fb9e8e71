import type { RefObject } from 'react';
import { DiagnosisDetails, type FixApplier } from '../../_components/diagnosis-details';
import type { PlanDiagnosis } from '../../_lib/plan-diagnosis';
import { ONBOARDING_STEPS } from '../_lib/onboarding-steps';

/**
 * Why the first plan could not be made, what would make one possible (a button per change
 * known to work) and a way back to each step: the answers stay as they are, so the person
 * applies a change or changes one thing and tries again.
 */
export function NoPlanNotice({
  message,
  diagnosis,
  onGoTo,
  noticeRef,
  fixer,
  busy,
}: {
  message: string;
  diagnosis?: PlanDiagnosis;
  onGoTo: (step: number) => void;
  noticeRef: RefObject<HTMLDivElement | null>;
  fixer: FixApplier;
  busy: boolean;
}) {
  return (
    <div
      ref={noticeRef}
      className="alert error no-plan"
      role="alert"
      tabIndex={-1}
      aria-labelledby="no-plan-title"
    >
      <p id="no-plan-title" className="no-plan-title">
        Your profile is saved, but no week of meals fits every answer yet.
      </p>
      <p>{message}</p>
      <DiagnosisDetails diagnosis={diagnosis} fixer={fixer} disabled={busy} />
      <p>Your answers are kept. Change one and plan again:</p>
      <ul className="no-plan-steps">
        {ONBOARDING_STEPS.map((s, i) => (
          <li key={s.id}>
            <button type="button" className="ghost" onClick={() => onGoTo(i)}>
              {i + 1}. {s.title}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
