import type { Caller } from '@/app/_server/auth/caller';
import { requirePlanAccess } from '@/app/_server/use-cases/access';
import { shoppingListFile } from '@/app/_server/use-cases/plan-exports';
import { shoppingListFor } from '@/app/_server/use-cases/shopping';
import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { parseQuery } from '@/lib/http/parse';
import { etagOf } from '@/lib/http/preconditions';
import { shoppingQuerySchema } from '@/lib/validation/shopping';
import { type PlanCtx, planParams } from '../../../_lib/params';

export const dynamic = 'force-dynamic';

export const GET = authed(async (request: Request, context: PlanCtx, caller: Caller) => {
  const { planId } = await planParams(context);
  await requirePlanAccess(getDb(), caller, planId, 'read');
  const { format, units, aisles } = parseQuery(request.url, shoppingQuerySchema);
  const { list, version } = await shoppingListFor(getDb(), planId, units, aisles);
  if (format !== 'json') return shoppingListFile(list, format);
  // The version a check sends back in If-Match.
  return Response.json({ ...list, planId }, { headers: { ETag: etagOf(version) } });
});
