import {
  clinicianInvitesOf,
  createClinicianInvite,
} from '@/app/_server/use-cases/clinician-grants';
import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { parseJsonBody, parsePathParam } from '@/lib/http/parse';
import { clinicianInviteCreateSchema } from '@/lib/validation/clinician';
import { idParamSchema } from '@/lib/validation/ids';
import { baseUrlOf } from '../../../_lib/base-url';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

/** The member (or an owner) makes a clinician link; its token is in this answer's url only. */
export const POST = authed(async (request: Request, context: Ctx, caller) => {
  const id = parsePathParam('id', idParamSchema('id'), (await context.params).id);
  const input = await parseJsonBody(request, clinicianInviteCreateSchema);
  const invite = await createClinicianInvite(getDb(), caller, id, input, baseUrlOf(request));
  return Response.json(invite, { status: 201 });
});

export const GET = authed(async (_request: Request, context: Ctx, caller) => {
  const id = parsePathParam('id', idParamSchema('id'), (await context.params).id);
  return Response.json(await clinicianInvitesOf(getDb(), caller, id));
});
