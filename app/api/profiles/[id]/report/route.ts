import type { Caller } from '@/app/_server/auth/caller';
import { requireProfileAccess } from '@/app/_server/use-cases/access';
import {
  clinicianReportFor,
  clinicianReportResponse,
} from '@/app/_server/use-cases/clinician-report';
import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { parsePathParam, parseQuery } from '@/lib/http/parse';
import { idParamSchema } from '@/lib/validation/ids';
import { reportQuerySchema } from '@/lib/validation/report';
import { localIsoDate } from '../../../../_lib/week';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

export const GET = authed(async (request: Request, context: Ctx, caller: Caller) => {
  const { id } = await context.params;
  const profileId = parsePathParam('id', idParamSchema('id'), id);
  await requireProfileAccess(getDb(), caller, profileId, 'read');
  const { format } = parseQuery(request.url, reportQuerySchema);
  const report = await clinicianReportFor(getDb(), profileId, localIsoDate(new Date()));
  return clinicianReportResponse(report, format);
});
