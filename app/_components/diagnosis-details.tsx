import type { Diagnosis } from '@/lib/planner/types';

/** Why no plan could be made, slot by slot, and what to relax: the body of a 422. */
export function DiagnosisDetails({ diagnosis }: { diagnosis: Diagnosis | undefined }) {
  if (!diagnosis) return null;
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
      {diagnosis.suggestions.length ? <p>Try: {diagnosis.suggestions.join('; ')}.</p> : null}
    </>
  );
}
