import type { Caller } from '@/app/_server/auth/caller';
import { requireProfileAccess } from '@/app/_server/use-cases/access';
import { startReintroduction } from '@/app/_server/use-cases/reintroduction';
import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { AppError } from '@/lib/http/app-error';
import { parsePathParam } from '@/lib/http/parse';
import { startBodySchema } from '@/lib/reintroduction/view';
import { idParamSchema } from '@/lib/validation/ids';
import { localIsoDate } from '../../../../../_lib/week';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

/** The body is optional: none (or an empty one) starts today. */
async function startBody(request: Request) {
  const text = await request.text();
  let json: unknown = {};
  if (text.trim() !== '') {
    try {
      json = JSON.parse(text);
    } catch {
      throw AppError.invalid('body', 'the request body must be valid JSON');
    }
  }
  const parsed = startBodySchema.safeParse(json);
  if (!parsed.success) throw AppError.badRequest(parsed.error, 'request body');
  return parsed.data;
}

export const POST = authed(async (request: Request, context: Ctx, caller: Caller) => {
  const { id } = await context.params;
  const profileId = parsePathParam('id', idParamSchema('id'), id);
  await requireProfileAccess(getDb(), caller, profileId, 'write');
  const body = await startBody(request);
  const now = new Date();
  const view = await startReintroduction(
    getDb(),
    profileId,
    body,
    now.toISOString(),
    localIsoDate(now),
  );
  return Response.json(view, { status: 201 });
});
