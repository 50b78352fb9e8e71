import { recordOutcome } from '@/app/_server/use-cases/reintroduction';
import { getDb } from '@/db/client';
import { handle, parseJsonBody, parsePathParam } from '@/lib/http/parse';
import { challengeIdSchema, outcomeBodySchema } from '@/lib/reintroduction/view';
import { idParamSchema } from '@/lib/validation/ids';
import { localIsoDate } from '../../../../../../../_lib/week';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string; challengeId: string }> };

export const POST = handle(async (request: Request, context: Ctx) => {
  const { id, challengeId } = await context.params;
  const profileId = parsePathParam('id', idParamSchema('id'), id);
  const challenge = parsePathParam('challengeId', challengeIdSchema, challengeId);
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
