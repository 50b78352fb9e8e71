import type { Caller } from '@/app/_server/auth/caller';
import { requirePlanAccess } from '@/app/_server/use-cases/access';
import { swapMeal } from '@/app/_server/use-cases/plans';
import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { parseJsonBody } from '@/lib/http/parse';
import { ifMatchOf } from '@/lib/http/preconditions';
import { swapSchema } from '@/lib/validation/plans';
import { type PlanCtx, planParams } from '../../../../../_lib/params';
import { planResponse } from '../../../../_lib/plan-response';

export const dynamic = 'force-dynamic';

export const POST = authed(async (request: Request, context: PlanCtx, caller: Caller) => {
  const { planId, mealId } = await planParams(context);
  await requirePlanAccess(getDb(), caller, planId, 'write');
  const { recipeSlug } = await parseJsonBody(request, swapSchema);
  const now = new Date().toISOString();
  return planResponse(await swapMeal(getDb(), planId, mealId, recipeSlug, now, ifMatchOf(request)));
});
