import { shoppingListFor } from '@/app/_server/use-cases/shopping';
import { getDb } from '@/db/client';
import { shoppingListFile } from '@/db/queries/exports';
import { handle, parseQuery } from '@/lib/http/parse';
import { etagOf } from '@/lib/http/preconditions';
import { shoppingQuerySchema } from '@/lib/validation/shopping';
import { type PlanCtx, planParams } from '../../../_lib/params';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request, context: PlanCtx) => {
  const { planId } = await planParams(context);
  const { format, units, aisles } = parseQuery(request.url, shoppingQuerySchema);
  const { list, version } = await shoppingListFor(getDb(), planId, units, aisles);
  if (format !== 'json') return shoppingListFile(list, format);
  // The version a check sends back in If-Match.
  return Response.json({ ...list, planId }, { headers: { ETag: etagOf(version) } });
});
