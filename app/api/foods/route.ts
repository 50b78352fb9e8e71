import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { listFoods } from '@/db/queries/foods';
import { parseQuery } from '@/lib/http/parse';
import { foodSearchSchema } from '@/lib/validation/foods';

export const dynamic = 'force-dynamic';

export const GET = authed(async (request: Request) => {
  const search = parseQuery(request.url, foodSearchSchema);
  return Response.json(await listFoods(getDb(), search));
});
