import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { listFoodConcepts } from '@/db/queries/food-concepts';
import { parseQuery } from '@/lib/http/parse';
import { foodConceptQuerySchema } from '@/lib/validation/foods';

export const dynamic = 'force-dynamic';

export const GET = authed(async (request: Request) => {
  const { q } = parseQuery(request.url, foodConceptQuerySchema);
  return Response.json({ items: await listFoodConcepts(getDb(), q) });
});
