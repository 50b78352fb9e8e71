import type { Caller } from '@/app/_server/auth/caller';
import { requirePlanAccess } from '@/app/_server/use-cases/access';
import { planFile } from '@/app/_server/use-cases/plan-exports';
import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { parseQuery } from '@/lib/http/parse';
import { exportQuerySchema } from '@/lib/validation/shopping';
import { baseUrlOf } from '../../../_lib/base-url';
import { type PlanCtx, planParams } from '../../../_lib/params';

export const dynamic = 'force-dynamic';

export const GET = authed(async (request: Request, context: PlanCtx, caller: Caller) => {
  const { planId } = await planParams(context);
  await requirePlanAccess(getDb(), caller, planId, 'read');
  const { format } = parseQuery(request.url, exportQuerySchema);
  return planFile(getDb(), planId, format, baseUrlOf(request), new Date().toISOString());
});
