import { shoppingListFile } from '@/app/_server/use-cases/plan-exports';
import { loadPlanOr404 } from '@/app/_server/use-cases/plan-writes';
import { getDb } from '@/db/client';
import { toWeekPlan } from '@/db/queries/plans';
import { AISLE_IDS, buildPlanShoppingList } from '@/db/queries/shopping';
import { AppError } from '@/lib/http/app-error';
import { handle, parseQuery } from '@/lib/http/parse';
import { shoppingQuerySchema } from '@/lib/validation/shopping';
import { type PlanCtx, planParams } from '../../../_lib/params';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request, context: PlanCtx) => {
  const { planId } = await planParams(context);
  const { format, units, aisles } = parseQuery(request.url, shoppingQuerySchema);
  const unknown = aisles?.filter((a) => !AISLE_IDS.includes(a)) ?? [];
  if (unknown.length > 0) {
    throw AppError.invalid(
      'aisles',
      `unknown aisle ${unknown.join(', ')}; expected: ${AISLE_IDS.join(', ')}`,
    );
  }
  const db = getDb();
  const view = await loadPlanOr404(db, planId);
  const list = await buildPlanShoppingList(db, view, toWeekPlan(view), units, aisles);
  if (format === 'json') return Response.json({ ...list, planId });
  return shoppingListFile(list, format);
});
