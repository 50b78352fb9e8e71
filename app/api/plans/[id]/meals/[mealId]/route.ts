import { lockMeal } from '@/app/_server/use-cases/plans';
import { getDb } from '@/db/client';
import { handle, parseJsonBody } from '@/lib/http/parse';
import { ifMatchOf } from '@/lib/http/preconditions';
import { lockSchema } from '@/lib/validation/plans';
import { type PlanCtx, planParams } from '../../../../_lib/params';
import { planResponse } from '../../../_lib/plan-response';

export const dynamic = 'force-dynamic';

export const PATCH = handle(async (request: Request, context: PlanCtx) => {
  const { planId, mealId } = await planParams(context);
  const { locked } = await parseJsonBody(request, lockSchema);
  const now = new Date().toISOString();
  return planResponse(await lockMeal(getDb(), planId, mealId, locked, now, ifMatchOf(request)));
});
