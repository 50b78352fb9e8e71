import { createProfile } from '@/app/_server/use-cases/profiles';
import { getDb } from '@/db/client';
import { listProfiles } from '@/db/queries/profiles';
import { handle, parseJsonBody } from '@/lib/http/parse';
import { profileCreateSchema } from '@/lib/profiles/schema';
import { localIsoDate } from '../../_lib/week';

export const dynamic = 'force-dynamic';

export const POST = handle(async (request: Request) => {
  const input = await parseJsonBody(request, profileCreateSchema);
  const now = new Date();
  const profile = await createProfile(getDb(), input, now.toISOString(), localIsoDate(now));
  return Response.json(profile, { status: 201 });
});

export const GET = handle(async () => Response.json({ items: await listProfiles(getDb()) }));
