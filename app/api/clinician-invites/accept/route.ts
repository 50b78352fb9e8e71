import { acceptClinicianInvite } from '@/app/_server/use-cases/clinician-grants';
import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { parseJsonBody } from '@/lib/http/parse';
import { clinicianAcceptSchema } from '@/lib/validation/clinician';

export const dynamic = 'force-dynamic';

/** A signed-in clinician of the household accepts a member's link. */
export const POST = authed(async (request: Request, _context, caller) => {
  const { invite } = await parseJsonBody(request, clinicianAcceptSchema);
  return Response.json(await acceptClinicianInvite(getDb(), caller, invite));
});
