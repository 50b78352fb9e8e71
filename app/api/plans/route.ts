import { getDb } from '@/db/client';
import { createPlanFor } from '@/db/queries/plan-service';
import { listPlans } from '@/db/queries/plans';
import { handle, parseJsonBody, parseQuery } from '@/lib/http/parse';
import { createPlanSchema, planListQuerySchema } from '@/lib/validation/plans';
import { randomSeed } from '../_lib/seed';

export const dynamic = 'force-dynamic';

export const POST = handle(async (request: Request) => {
  const body = await parseJsonBody(request, createPlanSchema);
  const plan = await createPlanFor(
    getDb(),
    body.profileId,
    body.weekStart,
    body.seed ?? randomSeed(),
    new Date().toISOString(),
    body.replace ?? false,
  );
  return Response.json(plan, { status: 201 });
});

export const GET = handle((request: Request) => {
  const { profileId } = parseQuery(request.url, planListQuerySchema);
  return Response.json({ items: listPlans(getDb(), profileId) });
});
