import type { Caller } from '@/app/_server/auth/caller';
import { requireProfileAccess } from '@/app/_server/use-cases/access';
import { updateProfileAndPlans } from '@/app/_server/use-cases/profile-plans';
import { loadProfileOr404, removeProfile } from '@/app/_server/use-cases/profiles';
import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { AppError } from '@/lib/http/app-error';
import { parseJsonBody, parsePathParam } from '@/lib/http/parse';
import { profilePatchSchema } from '@/lib/profiles/schema';
import { idParamSchema } from '@/lib/validation/ids';
import { localIsoDate } from '../../../_lib/week';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

async function profileId(context: Ctx): Promise<number> {
  const { id } = await context.params;
  return parsePathParam('id', idParamSchema('id'), id);
}

export const GET = authed(async (_req: Request, context: Ctx, caller: Caller) => {
  const id = await profileId(context);
  await requireProfileAccess(getDb(), caller, id, 'read');
  return Response.json(await loadProfileOr404(getDb(), id));
});

export const PATCH = authed(async (request: Request, context: Ctx, caller: Caller) => {
  const id = await profileId(context);
  await requireProfileAccess(getDb(), caller, id, 'write');
  const patch = await parseJsonBody(request, profilePatchSchema);
  const now = new Date();
  const profile = await updateProfileAndPlans(
    getDb(),
    id,
    patch,
    now.toISOString(),
    localIsoDate(now),
  );
  if (!profile) throw AppError.notFound('Profile', String(id));
  return Response.json(profile);
});

export const DELETE = authed(async (_req: Request, context: Ctx, caller: Caller) => {
  const id = await profileId(context);
  await requireProfileAccess(getDb(), caller, id, 'write');
  await removeProfile(getDb(), id);
  return new Response(null, { status: 204 });
});
