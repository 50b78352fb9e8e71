import { getDb } from '@/db/client';
import { swapMeal } from '@/db/queries/plan-service';
import { handle, parseJsonBody } from '@/lib/http/parse';
import { swapSchema } from '@/lib/validation/plans';
import { type PlanCtx, planParams } from '../../../../../_lib/params';

export const dynamic = 'force-dynamic';

export const POST = handle(async (request: Request, context: PlanCtx) => {
  const { planId, mealId } = await planParams(context);
  const { recipeSlug } = await parseJsonBody(request, swapSchema);
  return Response.json(
    await swapMeal(getDb(), planId, mealId, recipeSlug, new Date().toISOString()),
  );
});
