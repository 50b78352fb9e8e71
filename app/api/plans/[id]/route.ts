import type { Caller } from '@/app/_server/auth/caller';
import { requirePlanAccess } from '@/app/_server/use-cases/access';
import { loadPlanOr404 } from '@/app/_server/use-cases/plan-writes';
import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { type PlanCtx, planParams } from '../../_lib/params';
import { planResponse } from '../_lib/plan-response';

export const dynamic = 'force-dynamic';

export const GET = authed(async (_request: Request, context: PlanCtx, caller: Caller) => {
  const { planId } = await planParams(context);
  await requirePlanAccess(getDb(), caller, planId, 'read');
  return planResponse(await loadPlanOr404(getDb(), planId));
});
