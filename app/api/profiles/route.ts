import { createProfile } from '@/app/_server/use-cases/profiles';
import { getDb } from '@/db/client';
import { listProfiles } from '@/db/queries/profiles';
import { handle, parseJsonBody } from '@/lib/http/parse';
import { profileCreateSchema } from '@/lib/profiles/schema';

export const dynamic = 'force-dynamic';

export const POST = handle(async (request: Request) => {
  const input = await parseJsonBody(request, profileCreateSchema);
  const profile = await createProfile(getDb(), input, new Date().toISOString());
  return Response.json(profile, { status: 201 });
});

export const GET = handle(async () => Response.json({ items: await listProfiles(getDb()) }));
