import { checkShoppingItem } from '@/app/_server/use-cases/shopping';
import { getDb } from '@/db/client';
import { handle, parseJsonBody, parsePathParam } from '@/lib/http/parse';
import { etagOf, ifMatchOf } from '@/lib/http/preconditions';
import { ndbSchema } from '@/lib/validation/common';
import { checkItemSchema } from '@/lib/validation/shopping';
import { planParams } from '../../../../../_lib/params';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string; ndb: string }> };

export const PATCH = handle(async (request: Request, context: Ctx) => {
  const { planId } = await planParams(context);
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
