import { getDb } from '@/db/client';
import { regenerateMeals } from '@/db/queries/plan-service';
import { handle, parseJsonBody } from '@/lib/http/parse';
import { regenerateSchema } from '@/lib/validation/plans';
import { type PlanCtx, planParams } from '../../../_lib/params';
import { randomSeed } from '../../../_lib/seed';

export const dynamic = 'force-dynamic';

export const POST = handle(async (request: Request, context: PlanCtx) => {
  const { planId } = await planParams(context);
  const body = await parseJsonBody(request, regenerateSchema);
  const scope =
    body.scope === 'day'
      ? { scope: 'day' as const, date: body.date as string }
      : { scope: 'week' as const };
  return Response.json(
    await regenerateMeals(
      getDb(),
      planId,
      scope,
      body.seed ?? randomSeed(),
      new Date().toISOString(),
    ),
  );
});
