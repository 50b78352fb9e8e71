import type { PlanView } from '@/db/queries/plans';
import { etagOf } from '@/lib/http/preconditions';

/** A plan as the API sends it: the JSON body, its version as a strong ETag. */
export function planResponse(plan: PlanView, status = 200): Response {
  return Response.json(plan, { status, headers: { ETag: etagOf(plan.version) } });
}
