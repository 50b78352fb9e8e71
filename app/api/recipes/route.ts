import { getDb } from '@/db/client';
import { listRecipes } from '@/db/queries/recipes';
import { resolveProtocolPhase } from '@/db/queries/resolve-phase';
import { handle, parseQuery } from '@/lib/http/parse';
import { recipeSearchSchema } from '@/lib/validation/recipes';

export const dynamic = 'force-dynamic';

export const GET = handle((request: Request) => {
  const search = parseQuery(request.url, recipeSearchSchema);
  const db = getDb();
  const { protocol, phase } = resolveProtocolPhase(db, search.protocol, search.phase);
  return Response.json(listRecipes(db, { ...search, protocol, phase }));
});
