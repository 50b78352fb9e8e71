import { loadPlanOr404 } from '@/app/_server/use-cases/plan-writes';
import { getDb } from '@/db/client';
import { handle } from '@/lib/http/parse';
import { type PlanCtx, planParams } from '../../_lib/params';
import { planResponse } from '../_lib/plan-response';

export const dynamic = 'force-dynamic';

export const GET = handle(async (_request: Request, context: PlanCtx) => {
  const { planId } = await planParams(context);
  return planResponse(await loadPlanOr404(getDb(), planId));
});
