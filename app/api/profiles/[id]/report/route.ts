import {
  clinicianReportFor,
  clinicianReportResponse,
} from '@/app/_server/use-cases/clinician-report';
import { getDb } from '@/db/client';
import { handle, parsePathParam, parseQuery } from '@/lib/http/parse';
import { idParamSchema } from '@/lib/validation/ids';
import { reportQuerySchema } from '@/lib/validation/report';
import { localIsoDate } from '../../../../_lib/week';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

export const GET = handle(async (request: Request, context: Ctx) => {
  const { id } = await context.params;
  const profileId = parsePathParam('id', idParamSchema('id'), id);
  const { format } = parseQuery(request.url, reportQuerySchema);
  const report = await clinicianReportFor(getDb(), profileId, localIsoDate(new Date()));
  return clinicianReportResponse(report, format);
});
