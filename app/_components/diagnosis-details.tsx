import type { PlanFix } from '@/lib/profiles/plan-fixes';
import type { PlanDiagnosis } from '../_lib/plan-diagnosis';

/** A fix being applied from the answer (see app/profile/_lib/use-plan-fix.ts). */
export type FixApplier = {
  apply: (fix: PlanFix) => void;
  /** The id of the fix being applied. */
  applying: string | null;
  /** Why the last fix could not be saved. */
  error: string | null;
};

/**
 * Why no plan could be made, slot by slot, and what to relax: the body of a 422. With `fixer`,
 * each fix known to make a plan is a button that saves it and plans again.
 */
export function DiagnosisDetails({
  diagnosis,
  fixer,
  disabled = false,
}: {
  diagnosis: PlanDiagnosis | undefined;
  fixer?: FixApplier;
  disabled?: boolean;
}) {
  if (!diagnosis) return null;
  const fixes = diagnosis.fixes ?? [];
  const fixTexts = new Set(fixes.map((f) => f.text));
  // A suggestion a fix button already makes is not said twice.
  const suggestions = diagnosis.suggestions.filter((s) => !fixTexts.has(s));
  return (
    <>
      {diagnosis.slots.length ? (
        <ul>
          {diagnosis.slots.map((s) => (
            <li key={s.slot}>
              {s.slot}: {s.available} recipes fit, {s.needed} needed
              {s.blockers.length
                ? ` — most left out by ${s.blockers
                    .slice(0, 3)
                    .map((b) => `${b.rule} (${b.recipesExcluded})`)
                    .join(', ')}`
                : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {fixes.length ? (
        <>
          <p className="plan-fixes-intro">
            {fixer
              ? 'Any one of these changes makes a plan. Apply one to save it to your profile and plan the week:'
              : 'Any one of these changes makes a plan:'}
          </p>
          <ul className="plan-fixes">
            {fixes.map((fix) => (
              <li key={fix.id}>
                {fixer ? (
                  <button
                    type="button"
                    className="secondary"
                    disabled={disabled || fixer.applying !== null}
                    onClick={() => fixer.apply(fix)}
                  >
                    {fixer.applying === fix.id ? (
                      <span className="spinner" aria-hidden="true" />
                    ) : null}
                    Apply: {fix.text}
                  </button>
                ) : (
                  fix.text
                )}
              </li>
            ))}
          </ul>
          {fixer?.applying ? (
            <p className="small" role="status">
              Saving the change to the profile, then making the plan…
            </p>
          ) : null}
          {fixer?.error ? (
            <p className="field-error" role="alert">
              {fixer.error}
            </p>
          ) : null}
        </>
      ) : null}
      {suggestions.length ? <p>Try: {suggestions.join('; ')}.</p> : null}
    </>
  );
}
