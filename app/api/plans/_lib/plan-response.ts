import type { PlanView } from '@/db/queries/plans';
import { etagOf } from '@/lib/http/preconditions';

/**
 * The plan as the API shows it: a shared plan with its members, each meal's portions and each
 * day's member totals; a one-person plan exactly as before members existed (its one member
 * adds nothing the plan does not already say, and a renamed profile leaves its plans as they were).
 */
export function publicPlan(plan: PlanView) {
  if (plan.shared) return plan;
  const { members: _members, shared: _shared, ...rest } = plan;
  return {
    ...rest,
    days: plan.days.map(({ memberTotals: _totals, ...day }) => ({
      ...day,
      meals: day.meals.map(({ portions: _portions, portionsText: _text, ...meal }) => meal),
    })),
  };
}

/** A plan as the API sends it: the JSON body, its version as a strong ETag. */
export function planResponse(plan: PlanView, status = 200): Response {
  return Response.json(publicPlan(plan), { status, headers: { ETag: etagOf(plan.version) } });
}
