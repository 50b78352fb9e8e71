import type { Caller } from '@/app/_server/auth/caller';
import { requirePlanAccess } from '@/app/_server/use-cases/access';
import { regenerateMeals } from '@/app/_server/use-cases/plans';
import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { parseJsonBody } from '@/lib/http/parse';
import { ifMatchOf } from '@/lib/http/preconditions';
import { regenerateSchema } from '@/lib/validation/plans';
import { type PlanCtx, planParams } from '../../../_lib/params';
import { randomSeed } from '../../../_lib/seed';
import { planResponse } from '../../_lib/plan-response';

export const dynamic = 'force-dynamic';

export const POST = authed(async (request: Request, context: PlanCtx, caller: Caller) => {
  const { planId } = await planParams(context);
  await requirePlanAccess(getDb(), caller, planId, 'write');
  const body = await parseJsonBody(request, regenerateSchema);
  const scope =
    body.scope === 'day'
      ? { scope: 'day' as const, date: body.date as string }
      : { scope: 'week' as const };
  const seed = body.seed ?? randomSeed();
  const now = new Date().toISOString();
  return planResponse(await regenerateMeals(getDb(), planId, scope, seed, now, ifMatchOf(request)));
});
