import type { Diagnosis } from '@/lib/planner/types';
import type { PlanFix } from '@/lib/profiles/plan-fixes';

/** The details of an `infeasible` 422: the planner's diagnosis and the fixes known to work. */
export type PlanDiagnosis = Diagnosis & { fixes?: PlanFix[] };

/** A 422's details as a diagnosis, or undefined when they are something else. */
export function planDiagnosisOf(details: unknown): PlanDiagnosis | undefined {
  const d = details as Partial<PlanDiagnosis> | null | undefined;
  return d && Array.isArray(d.slots) && Array.isArray(d.suggestions)
    ? (d as PlanDiagnosis)
    : undefined;
}
