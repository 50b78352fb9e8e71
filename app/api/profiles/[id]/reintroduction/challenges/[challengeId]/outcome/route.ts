import { z } from 'zod';
import { recordOutcome } from '@/app/_server/use-cases/reintroduction';
import { getDb } from '@/db/client';
import { handle, parseJsonBody, parsePathParam } from '@/lib/http/parse';
import { outcomeBodySchema } from '@/lib/reintroduction/view';
import { idParamSchema } from '@/lib/validation/ids';
import { localIsoDate } from '../../../../../../../_lib/week';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string; challengeId: string }> };

const challengeIdSchema = z
  .string()
  .regex(/^[a-z0-9-]{1,60}$/, 'a challenge id is lowercase letters, digits and dashes');

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
