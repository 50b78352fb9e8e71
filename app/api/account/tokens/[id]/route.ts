import { revokeApiToken } from '@/app/_server/use-cases/accounts';
import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { parsePathParam } from '@/lib/http/parse';
import { idParamSchema } from '@/lib/validation/ids';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

export const DELETE = authed(async (_request: Request, context: Ctx, caller) => {
  const id = parsePathParam('id', idParamSchema('id'), (await context.params).id);
  await revokeApiToken(getDb(), caller.userId, id);
  return new Response(null, { status: 204 });
});
