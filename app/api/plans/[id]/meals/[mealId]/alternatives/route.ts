import type { Caller } from '@/app/_server/auth/caller';
import { requirePlanAccess } from '@/app/_server/use-cases/access';
import { alternativesFor } from '@/app/_server/use-cases/plans';
import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { parseQuery } from '@/lib/http/parse';
import { alternativesQuerySchema } from '@/lib/validation/plans';
import { type PlanCtx, planParams } from '../../../../../_lib/params';

export const dynamic = 'force-dynamic';

export const GET = authed(async (request: Request, context: PlanCtx, caller: Caller) => {
  const { planId, mealId } = await planParams(context);
  await requirePlanAccess(getDb(), caller, planId, 'read');
  const { limit, ...filter } = parseQuery(request.url, alternativesQuerySchema);
  return Response.json({
    planId,
    mealId,
    ...(await alternativesFor(getDb(), planId, mealId, filter, limit)),
  });
});
