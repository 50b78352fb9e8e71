import { loadProfileOr404, removeProfile } from '@/app/_server/use-cases/profiles';
import { getDb } from '@/db/client';
import { updateProfileAndPlans } from '@/db/queries/plan-service';
import { AppError } from '@/lib/http/app-error';
import { handle, parseJsonBody, parsePathParam } from '@/lib/http/parse';
import { profilePatchSchema } from '@/lib/profiles/schema';
import { idParamSchema } from '@/lib/validation/ids';
import { localIsoDate } from '../../../_lib/week';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

async function profileId(context: Ctx): Promise<number> {
  const { id } = await context.params;
  return parsePathParam('id', idParamSchema('id'), id);
}

export const GET = handle(async (_req: Request, context: Ctx) => {
  const id = await profileId(context);
  return Response.json(await loadProfileOr404(getDb(), id));
});

export const PATCH = handle(async (request: Request, context: Ctx) => {
  const id = await profileId(context);
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

export const DELETE = handle(async (_req: Request, context: Ctx) => {
  await removeProfile(getDb(), await profileId(context));
  return new Response(null, { status: 204 });
});
