import { loadPlanOr404 } from '@/app/_server/use-cases/plan-writes';
import { getDb } from '@/db/client';
import { toWeekPlan } from '@/db/queries/plans';
import { buildPlanShoppingList, setItemChecked } from '@/db/queries/shopping';
import { AppError } from '@/lib/http/app-error';
import { handle, parseJsonBody, parsePathParam } from '@/lib/http/parse';
import { ndbSchema } from '@/lib/validation/common';
import { checkItemSchema } from '@/lib/validation/shopping';
import { planParams } from '../../../../../_lib/params';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string; ndb: string }> };

export const PATCH = handle(async (request: Request, context: Ctx) => {
  const { planId } = await planParams(context);
  const { ndb } = await context.params;
  const parsedNdb = parsePathParam('ndb', ndbSchema, ndb);
  const { checked } = await parseJsonBody(request, checkItemSchema);
  const db = getDb();
  const view = await loadPlanOr404(db, planId);
  const list = await buildPlanShoppingList(db, view, toWeekPlan(view), 'metric');
  const item = list.items.find((i) => i.ndb === parsedNdb);
  if (!item) throw AppError.notFound('Shopping list item', parsedNdb);
  // Remember the grams at the time of the check: a later swap that changes them un-checks the line.
  await setItemChecked(db, planId, item.ndb, checked, item.grams);
  return Response.json({ ...item, checked, changed: false });
});
