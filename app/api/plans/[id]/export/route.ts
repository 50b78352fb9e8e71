import { planFile } from '@/app/_server/use-cases/plan-exports';
import { getDb } from '@/db/client';
import { handle, parseQuery } from '@/lib/http/parse';
import { exportQuerySchema } from '@/lib/validation/shopping';
import { baseUrlOf } from '../../../_lib/base-url';
import { type PlanCtx, planParams } from '../../../_lib/params';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request, context: PlanCtx) => {
  const { planId } = await planParams(context);
  const { format } = parseQuery(request.url, exportQuerySchema);
  return planFile(getDb(), planId, format, baseUrlOf(request), new Date().toISOString());
});
