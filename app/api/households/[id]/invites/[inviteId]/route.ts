import { cancelInvite } from '@/app/_server/use-cases/accounts';
import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { parsePathParam } from '@/lib/http/parse';
import { idParamSchema } from '@/lib/validation/ids';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string; inviteId: string }> };

export const DELETE = authed(async (_request: Request, context: Ctx, caller) => {
  const { id, inviteId } = await context.params;
  const householdId = parsePathParam('id', idParamSchema('id'), id);
  const invite = parsePathParam('inviteId', idParamSchema('inviteId'), inviteId);
  await cancelInvite(getDb(), caller, householdId, invite);
  return new Response(null, { status: 204 });
});
