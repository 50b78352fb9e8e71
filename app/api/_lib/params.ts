import { AppError } from '@/lib/http/app-error';
import { idParamSchema } from '@/lib/validation/ids';
import { mealIdSchema } from '@/lib/validation/plans';

export type PlanCtx = { params: Promise<{ id: string; mealId?: string }> };

/** Path parameters, validated: a bad id is a 400 naming it. */
export async function planParams(context: PlanCtx): Promise<{ planId: number; mealId: string }> {
  const { id, mealId } = await context.params;
  const planId = idParamSchema('id').safeParse(id);
  if (!planId.success) throw AppError.invalid('id', planId.error.issues[0]?.message ?? 'invalid');
  if (mealId === undefined) return { planId: planId.data, mealId: '' };
  const meal = mealIdSchema.safeParse(mealId);
  if (!meal.success) throw AppError.invalid('mealId', meal.error.issues[0]?.message ?? 'invalid');
  return { planId: planId.data, mealId: meal.data };
}
