import type { Caller } from '@/app/_server/auth/caller';
import { requirePlanAccess } from '@/app/_server/use-cases/access';
import { reportMemberFor } from '@/app/_server/use-cases/clinician-access';
import { nutritionReportFor } from '@/app/_server/use-cases/plan-nutrition';
import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { parseQuery } from '@/lib/http/parse';
import { nutritionQuerySchema } from '@/lib/validation/plans';
import { type PlanCtx, planParams } from '../../../_lib/params';

export const dynamic = 'force-dynamic';

export const GET = authed(async (request: Request, context: PlanCtx, caller: Caller) => {
  const { planId } = await planParams(context);
  await requirePlanAccess(getDb(), caller, planId, 'read');
  const asked = parseQuery(request.url, nutritionQuerySchema).member;
  const member = await reportMemberFor(getDb(), caller, planId, asked);
  return Response.json((await nutritionReportFor(getDb(), planId, { member })).report);
});
