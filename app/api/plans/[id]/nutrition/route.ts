import { nutritionReportFor } from '@/app/_server/use-cases/plan-nutrition';
import { getDb } from '@/db/client';
import { handle, parseQuery } from '@/lib/http/parse';
import { nutritionQuerySchema } from '@/lib/validation/plans';
import { type PlanCtx, planParams } from '../../../_lib/params';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request, context: PlanCtx) => {
  const { planId } = await planParams(context);
  const { member } = parseQuery(request.url, nutritionQuerySchema);
  return Response.json((await nutritionReportFor(getDb(), planId, { member })).report);
});
