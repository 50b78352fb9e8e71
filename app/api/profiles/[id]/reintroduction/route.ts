import type { Caller } from '@/app/_server/auth/caller';
import { requireProfileAccess } from '@/app/_server/use-cases/access';
import {
  changeReintroduction,
  getReintroductionView,
  stopReintroduction,
} from '@/app/_server/use-cases/reintroduction';
import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { parseJsonBody, parsePathParam } from '@/lib/http/parse';
import { patchBodySchema } from '@/lib/reintroduction/view';
import { idParamSchema } from '@/lib/validation/ids';
import { localIsoDate } from '../../../../_lib/week';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

async function profileId(context: Ctx): Promise<number> {
  const { id } = await context.params;
  return parsePathParam('id', idParamSchema('id'), id);
}

export const GET = authed(async (_request: Request, context: Ctx, caller: Caller) => {
  const id = await profileId(context);
  await requireProfileAccess(getDb(), caller, id, 'read');
  return Response.json(await getReintroductionView(getDb(), id, localIsoDate(new Date())));
});

export const PATCH = authed(async (request: Request, context: Ctx, caller: Caller) => {
  const id = await profileId(context);
  await requireProfileAccess(getDb(), caller, id, 'write');
  const patch = await parseJsonBody(request, patchBodySchema);
  const now = new Date();
  return Response.json(
    await changeReintroduction(getDb(), id, patch, now.toISOString(), localIsoDate(now)),
  );
});

export const DELETE = authed(async (_request: Request, context: Ctx, caller: Caller) => {
  const id = await profileId(context);
  await requireProfileAccess(getDb(), caller, id, 'write');
  await stopReintroduction(getDb(), id);
  return new Response(null, { status: 204 });
});
