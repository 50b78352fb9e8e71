import { requireProtocolPhase } from '@/app/_server/use-cases/protocol-phase';
import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { listRecipes } from '@/db/queries/recipes';
import { parseQuery } from '@/lib/http/parse';
import { recipeSearchSchema } from '@/lib/validation/recipes';

export const dynamic = 'force-dynamic';

export const GET = authed(async (request: Request) => {
  const search = parseQuery(request.url, recipeSearchSchema);
  const db = getDb();
  const { protocol, phase } = await requireProtocolPhase(db, search.protocol, search.phase);
  return Response.json(await listRecipes(db, { ...search, protocol, phase }));
});
