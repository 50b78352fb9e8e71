import { getDb } from '@/db/client';
import { shoppingListFile } from '@/db/queries/exports';
import { loadPlanOr404 } from '@/db/queries/plan-service';
import { toWeekPlan } from '@/db/queries/plans';
import { buildPlanShoppingList } from '@/db/queries/shopping';
import { handle, parseQuery } from '@/lib/http/parse';
import { shoppingQuerySchema } from '@/lib/validation/shopping';
import { type PlanCtx, planParams } from '../../../_lib/params';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request, context: PlanCtx) => {
  const { planId } = await planParams(context);
  const { format, units } = parseQuery(request.url, shoppingQuerySchema);
  const db = getDb();
  const view = loadPlanOr404(db, planId);
  const list = buildPlanShoppingList(db, view, toWeekPlan(view), units);
  if (format === 'json') return Response.json({ ...list, planId });
  return shoppingListFile(list, format);
});
