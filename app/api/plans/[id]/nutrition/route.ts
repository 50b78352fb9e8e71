import type { Caller } from '@/app/_server/auth/caller';
import { requirePlanAccess } from '@/app/_server/use-cases/access';
import { nutritionReportFor } from '@/app/_server/use-cases/plan-nutrition';
import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { type PlanCtx, planParams } from '../../../_lib/params';

export const dynamic = 'force-dynamic';

export const GET = authed(async (_request: Request, context: PlanCtx, caller: Caller) => {
  const { planId } = await planParams(context);
  await requirePlanAccess(getDb(), caller, planId, 'read');
  return Response.json((await nutritionReportFor(getDb(), planId)).report);
});
