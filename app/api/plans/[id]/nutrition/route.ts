import { getDb } from '@/db/client';
import { nutritionReportFor } from '@/db/queries/nutrition-report';
import { handle } from '@/lib/http/parse';
import { type PlanCtx, planParams } from '../../../_lib/params';

export const dynamic = 'force-dynamic';

export const GET = handle(async (_request: Request, context: PlanCtx) => {
  const { planId } = await planParams(context);
  return Response.json((await nutritionReportFor(getDb(), planId)).report);
});
