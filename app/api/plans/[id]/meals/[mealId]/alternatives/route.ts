import { getDb } from '@/db/client';
import { alternativesFor } from '@/db/queries/plan-service';
import { handle, parseQuery } from '@/lib/http/parse';
import { alternativesQuerySchema } from '@/lib/validation/plans';
import { type PlanCtx, planParams } from '../../../../../_lib/params';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request, context: PlanCtx) => {
  const { planId, mealId } = await planParams(context);
  const { limit, ...filter } = parseQuery(request.url, alternativesQuerySchema);
  return Response.json({
    planId,
    mealId,
    ...(await alternativesFor(getDb(), planId, mealId, filter, limit)),
  });
});
