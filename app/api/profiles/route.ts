import { getDb } from '@/db/client';
import { createProfile, listProfiles } from '@/db/queries/profiles';
import { handle, parseJsonBody } from '@/lib/http/parse';
import { profileCreateSchema } from '@/lib/profiles/schema';

export const dynamic = 'force-dynamic';

export const POST = handle(async (request: Request) => {
  const input = await parseJsonBody(request, profileCreateSchema);
  const profile = createProfile(getDb(), input, new Date().toISOString());
  return Response.json(profile, { status: 201 });
});

export const GET = handle(() => Response.json({ items: listProfiles(getDb()) }));
