import { getDb } from '@/db/client';
import { alternativesFor } from '@/db/queries/plan-service';
import { handle } from '@/lib/http/parse';
import { type PlanCtx, planParams } from '../../../../../_lib/params';

export const dynamic = 'force-dynamic';

export const GET = handle(async (_request: Request, context: PlanCtx) => {
  const { planId, mealId } = await planParams(context);
  return Response.json({ planId, mealId, items: alternativesFor(getDb(), planId, mealId) });
});
