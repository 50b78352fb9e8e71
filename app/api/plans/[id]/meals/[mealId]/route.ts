import type { Caller } from '@/app/_server/auth/caller';
import { requirePlanAccess } from '@/app/_server/use-cases/access';
import { lockMeal } from '@/app/_server/use-cases/plans';
import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { parseJsonBody } from '@/lib/http/parse';
import { ifMatchOf } from '@/lib/http/preconditions';
import { lockSchema } from '@/lib/validation/plans';
import { type PlanCtx, planParams } from '../../../../_lib/params';
import { planResponse } from '../../../_lib/plan-response';

export const dynamic = 'force-dynamic';

export const PATCH = authed(async (request: Request, context: PlanCtx, caller: Caller) => {
  const { planId, mealId } = await planParams(context);
  await requirePlanAccess(getDb(), caller, planId, 'write');
  const { locked } = await parseJsonBody(request, lockSchema);
  const now = new Date().toISOString();
  return planResponse(await lockMeal(getDb(), planId, mealId, locked, now, ifMatchOf(request)));
});
