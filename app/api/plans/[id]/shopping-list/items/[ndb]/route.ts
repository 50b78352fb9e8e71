import type { Caller } from '@/app/_server/auth/caller';
import { requirePlanAccess } from '@/app/_server/use-cases/access';
import { checkShoppingItem } from '@/app/_server/use-cases/shopping';
import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { parseJsonBody, parsePathParam } from '@/lib/http/parse';
import { etagOf, ifMatchOf } from '@/lib/http/preconditions';
import { ndbSchema } from '@/lib/validation/common';
import { checkItemSchema } from '@/lib/validation/shopping';
import { planParams } from '../../../../../_lib/params';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string; ndb: string }> };

export const PATCH = authed(async (request: Request, context: Ctx, caller: Caller) => {
  const { planId } = await planParams(context);
  await requirePlanAccess(getDb(), caller, planId, 'write');
  const ndb = parsePathParam('ndb', ndbSchema, (await context.params).ndb);
  const { checked } = await parseJsonBody(request, checkItemSchema);
  const { item, version } = await checkShoppingItem(
    getDb(),
    planId,
    ndb,
    checked,
    ifMatchOf(request),
  );
  return Response.json(item, { headers: { ETag: etagOf(version) } });
});
