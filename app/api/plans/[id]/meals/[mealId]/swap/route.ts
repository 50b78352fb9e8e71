import { swapMeal } from '@/app/_server/use-cases/plans';
import { getDb } from '@/db/client';
import { handle, parseJsonBody } from '@/lib/http/parse';
import { ifMatchOf } from '@/lib/http/preconditions';
import { swapSchema } from '@/lib/validation/plans';
import { type PlanCtx, planParams } from '../../../../../_lib/params';
import { planResponse } from '../../../../_lib/plan-response';

export const dynamic = 'force-dynamic';

export const POST = handle(async (request: Request, context: PlanCtx) => {
  const { planId, mealId } = await planParams(context);
  const { recipeSlug } = await parseJsonBody(request, swapSchema);
  const now = new Date().toISOString();
  return planResponse(await swapMeal(getDb(), planId, mealId, recipeSlug, now, ifMatchOf(request)));
});
