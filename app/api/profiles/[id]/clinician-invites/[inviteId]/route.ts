import { revokeClinicianInvite } from '@/app/_server/use-cases/clinician-grants';
import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { parsePathParam } from '@/lib/http/parse';
import { idParamSchema } from '@/lib/validation/ids';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string; inviteId: string }> };

/** Revokes the link and the access given through it. */
export const DELETE = authed(async (_request: Request, context: Ctx, caller) => {
  const { id, inviteId } = await context.params;
  const profileId = parsePathParam('id', idParamSchema('id'), id);
  const invite = parsePathParam('inviteId', idParamSchema('inviteId'), inviteId);
  await revokeClinicianInvite(getDb(), caller, profileId, invite);
  return new Response(null, { status: 204 });
});
