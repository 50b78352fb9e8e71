import { changeMemberRole, removeHouseholdMember } from '@/app/_server/use-cases/household-members';
import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { parseJsonBody, parsePathParam } from '@/lib/http/parse';
import { memberRoleSchema, userIdParamSchema } from '@/lib/validation/households';
import { idParamSchema } from '@/lib/validation/ids';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string; userId: string }> };

async function paramsOf(context: Ctx) {
  const { id, userId } = await context.params;
  return {
    householdId: parsePathParam('id', idParamSchema('id'), id),
    userId: parsePathParam('userId', userIdParamSchema, userId),
  };
}

/** Ownership handover (owners only). */
export const PATCH = authed(async (request: Request, context: Ctx, caller) => {
  const { householdId, userId } = await paramsOf(context);
  const { role } = await parseJsonBody(request, memberRoleSchema);
  return Response.json(await changeMemberRole(getDb(), caller, householdId, userId, role));
});

/** An owner removes a member or clinician (owners only). */
export const DELETE = authed(async (_request: Request, context: Ctx, caller) => {
  const { householdId, userId } = await paramsOf(context);
  await removeHouseholdMember(getDb(), caller, householdId, userId);
  return new Response(null, { status: 204 });
});
