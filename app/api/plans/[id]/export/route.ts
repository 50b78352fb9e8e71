import { getDb } from '@/db/client';
import { planFile } from '@/db/queries/exports';
import { loadPlanOr404 } from '@/db/queries/plan-service';
import { handle, parseQuery } from '@/lib/http/parse';
import { exportQuerySchema } from '@/lib/validation/shopping';
import { baseUrlOf } from '../../../_lib/base-url';
import { type PlanCtx, planParams } from '../../../_lib/params';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request, context: PlanCtx) => {
  const { planId } = await planParams(context);
  const { format } = parseQuery(request.url, exportQuerySchema);
  const db = getDb();
  const view = await loadPlanOr404(db, planId);
  return planFile(db, view, format, baseUrlOf(request), new Date().toISOString());
});
