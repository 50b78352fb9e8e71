import { type ApiResult, callApi } from '../../_lib/api-client';
import { type PlanDiagnosis, planDiagnosisOf } from '../../_lib/plan-diagnosis';
import { mondayOf } from '../../_lib/week';
import { type FormState, payloadOf } from './profile-form-state';

/** Creates the profile, or updates it when it already has an id. */
export function saveProfile(
  state: FormState,
  id: number | null,
): Promise<ApiResult<{ id: number }>> {
  return callApi<{ id: number }>(id === null ? '/api/profiles' : `/api/profiles/${id}`, {
    method: id === null ? 'POST' : 'PATCH',
    body: payloadOf(state),
  });
}

/**
 * Whether a profile already has a plan (or is gone): then an onboarding draft that saved it
 * earlier is over, and finishing the draft must create a profile rather than change that one.
 */
export async function profileMovedOn(profileId: number): Promise<boolean> {
  const res = await callApi<{ items: unknown[] }>(`/api/plans?profileId=${profileId}`);
  return !res.ok || res.data.items.length > 0;
}

/** The plan a 409 `plan_exists` names (its details, from `createPlanFor`), or null. */
export function existingPlanOf(details: unknown): { planId: number; weekStart: string } | null {
  const d = details as { existingPlanId?: unknown; weekStart?: unknown } | null;
  return typeof d?.existingPlanId === 'number' && typeof d.weekStart === 'string'
    ? { planId: d.existingPlanId, weekStart: d.weekStart }
    : null;
}

export type PlanOutcome =
  | { ok: true; planId: number }
  | { ok: false; message: string; diagnosis?: PlanDiagnosis; existingPlanId?: number };

/**
 * Makes this week's plan; an impossible profile comes back with the planner's diagnosis, and a
 * week that already has a plan with that plan's id (409 plan_exists) unless `replace`.
 */
export async function planThisWeek(profileId: number, replace = false): Promise<PlanOutcome> {
  const plan = await callApi<{ id: number }>('/api/plans', {
    method: 'POST',
    body: { profileId, weekStart: mondayOf(new Date()), ...(replace ? { replace: true } : {}) },
  });
  if (plan.ok) return { ok: true, planId: plan.data.id };
  const existing = plan.error.code === 'plan_exists' ? existingPlanOf(plan.error.details) : null;
  if (existing) return { ok: false, message: plan.error.message, existingPlanId: existing.planId };
  return {
    ok: false,
    message: plan.error.message,
    diagnosis: planDiagnosisOf(plan.error.details),
  };
}
