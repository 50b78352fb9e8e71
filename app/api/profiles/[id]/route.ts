import { updateProfileAndPlans } from '@/app/_server/use-cases/profile-plans';
import { getDb } from '@/db/client';
import { deleteProfile, getProfileById } from '@/db/queries/profiles';
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
  const profile = getProfileById(getDb(), id);
  if (!profile) throw AppError.notFound('Profile', String(id));
  return Response.json(profile);
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
  const id = await profileId(context);
  if (!deleteProfile(getDb(), id)) throw AppError.notFound('Profile', String(id));
  return new Response(null, { status: 204 });
});
