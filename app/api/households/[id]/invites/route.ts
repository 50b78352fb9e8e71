import { createInvite } from '@/app/_server/use-cases/accounts';
import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { parseJsonBody, parsePathParam } from '@/lib/http/parse';
import { inviteCreateSchema } from '@/lib/validation/accounts';
import { idParamSchema } from '@/lib/validation/ids';
import { baseUrlOf } from '../../../_lib/base-url';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

/** An owner invites a member or clinician; the token is in this answer only. */
export const POST = authed(async (request: Request, context: Ctx, caller) => {
  const id = parsePathParam('id', idParamSchema('id'), (await context.params).id);
  const input = await parseJsonBody(request, inviteCreateSchema);
  const invite = await createInvite(getDb(), caller, id, input, baseUrlOf(request));
  return Response.json(invite, { status: 201 });
});
