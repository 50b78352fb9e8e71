import {
  changeReintroduction,
  getReintroductionView,
  stopReintroduction,
} from '@/app/_server/use-cases/reintroduction';
import { getDb } from '@/db/client';
import { handle, parseJsonBody, parsePathParam } from '@/lib/http/parse';
import { patchBodySchema } from '@/lib/reintroduction/view';
import { idParamSchema } from '@/lib/validation/ids';
import { localIsoDate } from '../../../../_lib/week';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

async function profileId(context: Ctx): Promise<number> {
  const { id } = await context.params;
  return parsePathParam('id', idParamSchema('id'), id);
}

export const GET = handle(async (_request: Request, context: Ctx) => {
  const id = await profileId(context);
  return Response.json(await getReintroductionView(getDb(), id, localIsoDate(new Date())));
});

export const PATCH = handle(async (request: Request, context: Ctx) => {
  const id = await profileId(context);
  const patch = await parseJsonBody(request, patchBodySchema);
  const now = new Date();
  return Response.json(
    await changeReintroduction(getDb(), id, patch, now.toISOString(), localIsoDate(now)),
  );
});

export const DELETE = handle(async (_request: Request, context: Ctx) => {
  await stopReintroduction(getDb(), await profileId(context));
  return new Response(null, { status: 204 });
});
