import { assertCanWrite, visibleProfiles } from '@/app/_server/use-cases/access';
import { createProfile } from '@/app/_server/use-cases/profiles';
import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { parseJsonBody } from '@/lib/http/parse';
import { profileCreateSchema } from '@/lib/profiles/schema';
import { localIsoDate } from '../../_lib/week';

export const dynamic = 'force-dynamic';

export const POST = authed(async (request: Request, _context, caller) => {
  assertCanWrite(caller);
  const input = await parseJsonBody(request, profileCreateSchema);
  const now = new Date();
  const profile = await createProfile(getDb(), input, now.toISOString(), localIsoDate(now), caller);
  return Response.json(profile, { status: 201 });
});

export const GET = authed(async (_request: Request, _context, caller) =>
  Response.json({ items: await visibleProfiles(getDb(), caller) }),
);
