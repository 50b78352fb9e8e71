import { getDb } from '@/db/client';
import { lockMeal } from '@/db/queries/plan-service';
import { handle, parseJsonBody } from '@/lib/http/parse';
import { lockSchema } from '@/lib/validation/plans';
import { type PlanCtx, planParams } from '../../../../_lib/params';

export const dynamic = 'force-dynamic';

export const PATCH = handle(async (request: Request, context: PlanCtx) => {
  const { planId, mealId } = await planParams(context);
  const { locked } = await parseJsonBody(request, lockSchema);
  return Response.json(await lockMeal(getDb(), planId, mealId, locked, new Date().toISOString()));
});
