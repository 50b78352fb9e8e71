import { requireHouseholdProfile, requireProfileAccess } from '@/app/_server/use-cases/access';
import { visiblePlans } from '@/app/_server/use-cases/clinician-access';
import { createPlanFor } from '@/app/_server/use-cases/plans';
import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { parseJsonBody, parseQuery } from '@/lib/http/parse';
import { createPlanSchema, planListQuerySchema } from '@/lib/validation/plans';
import { randomSeed } from '../_lib/seed';
import { planResponse } from './_lib/plan-response';

export const dynamic = 'force-dynamic';

export const POST = authed(async (request: Request, _context, caller) => {
  const body = await parseJsonBody(request, createPlanSchema);
  // a plan of one is made from a profile the caller may write; a shared plan names any
  // profiles of the caller's household (404 otherwise)
  if (body.profileId !== undefined)
    await requireProfileAccess(getDb(), caller, body.profileId, 'write');
  for (const id of body.memberIds ?? [])
    await requireHouseholdProfile(getDb(), caller, id, 'write');
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

export const GET = authed(async (request: Request, _context, caller) => {
  const { profileId } = parseQuery(request.url, planListQuerySchema);
  if (profileId !== undefined) await requireProfileAccess(getDb(), caller, profileId, 'read');
  return Response.json({ items: await visiblePlans(getDb(), caller, profileId) });
});
