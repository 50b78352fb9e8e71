import { getDb } from '@/db/client';
import { loadPlanOr404 } from '@/db/queries/plan-service';
import { handle } from '@/lib/http/parse';
import { type PlanCtx, planParams } from '../../_lib/params';

export const dynamic = 'force-dynamic';

export const GET = handle(async (_request: Request, context: PlanCtx) => {
  const { planId } = await planParams(context);
  return Response.json(await loadPlanOr404(getDb(), planId));
});
