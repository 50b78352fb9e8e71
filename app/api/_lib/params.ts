import { parsePathParam } from '@/lib/http/parse';
import { idParamSchema } from '@/lib/validation/ids';
import { mealIdSchema } from '@/lib/validation/plans';

export type PlanCtx = { params: Promise<{ id: string; mealId?: string }> };

/** Path parameters, validated: a bad id is a 400 naming it. */
export async function planParams(context: PlanCtx): Promise<{ planId: number; mealId: string }> {
  const { id, mealId } = await context.params;
  const planId = parsePathParam('id', idParamSchema('id'), id);
  if (mealId === undefined) return { planId, mealId: '' };
  return { planId, mealId: parsePathParam('mealId', mealIdSchema, mealId) };
}
