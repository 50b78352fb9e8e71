import { regenerateMeals } from '@/app/_server/use-cases/plans';
import { getDb } from '@/db/client';
import { handle, parseJsonBody } from '@/lib/http/parse';
import { ifMatchOf } from '@/lib/http/preconditions';
import { regenerateSchema } from '@/lib/validation/plans';
import { type PlanCtx, planParams } from '../../../_lib/params';
import { randomSeed } from '../../../_lib/seed';
import { planResponse } from '../../_lib/plan-response';

export const dynamic = 'force-dynamic';

export const POST = handle(async (request: Request, context: PlanCtx) => {
  const { planId } = await planParams(context);
  const body = await parseJsonBody(request, regenerateSchema);
  const scope =
    body.scope === 'day'
      ? { scope: 'day' as const, date: body.date as string }
      : { scope: 'week' as const };
  const seed = body.seed ?? randomSeed();
  const now = new Date().toISOString();
  return planResponse(await regenerateMeals(getDb(), planId, scope, seed, now, ifMatchOf(request)));
});
