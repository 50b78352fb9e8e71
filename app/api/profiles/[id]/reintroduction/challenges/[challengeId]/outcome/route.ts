import type { Caller } from '@/app/_server/auth/caller';
import { requireProfileAccess } from '@/app/_server/use-cases/access';
import { recordOutcome } from '@/app/_server/use-cases/reintroduction';
import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { parseJsonBody, parsePathParam } from '@/lib/http/parse';
import { challengeIdSchema, outcomeBodySchema } from '@/lib/reintroduction/view';
import { idParamSchema } from '@/lib/validation/ids';
import { localIsoDate } from '../../../../../../../_lib/week';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string; challengeId: string }> };

export const POST = authed(async (request: Request, context: Ctx, caller: Caller) => {
  const { id, challengeId } = await context.params;
  const profileId = parsePathParam('id', idParamSchema('id'), id);
  const challenge = parsePathParam('challengeId', challengeIdSchema, challengeId);
  await requireProfileAccess(getDb(), caller, profileId, 'write');
  const body = await parseJsonBody(request, outcomeBodySchema);
  const now = new Date();
  const view = await recordOutcome(
    getDb(),
    profileId,
    challenge,
    body,
    now.toISOString(),
    localIsoDate(now),
  );
  return Response.json(view);
});
