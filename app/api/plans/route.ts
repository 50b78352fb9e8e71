import { createPlanFor } from '@/app/_server/use-cases/plans';
import { getDb } from '@/db/client';
import { listPlans } from '@/db/queries/plans';
import { handle, parseJsonBody, parseQuery } from '@/lib/http/parse';
import { createPlanSchema, planListQuerySchema } from '@/lib/validation/plans';
import { randomSeed } from '../_lib/seed';
import { planResponse } from './_lib/plan-response';

export const dynamic = 'force-dynamic';

export const POST = handle(async (request: Request) => {
  const body = await parseJsonBody(request, createPlanSchema);
  const plan = await createPlanFor(
    getDb(),
    body.memberIds ? { memberIds: body.memberIds } : { profileId: body.profileId ?? 0 },
    body.weekStart,
    body.seed ?? randomSeed(),
    new Date().toISOString(),
    body.replace ?? false,
  );
  return planResponse(plan, 201);
});

export const GET = handle(async (request: Request) => {
  const { profileId } = parseQuery(request.url, planListQuerySchema);
  return Response.json({ items: await listPlans(getDb(), profileId) });
});
