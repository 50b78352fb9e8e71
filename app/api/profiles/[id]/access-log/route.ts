import { accessLogOf } from '@/app/_server/use-cases/clinician-grants';
import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { parsePathParam } from '@/lib/http/parse';
import { idParamSchema } from '@/lib/validation/ids';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

/** Every clinician read of the profile's data, newest first. */
export const GET = authed(async (_request: Request, context: Ctx, caller) => {
  const id = parsePathParam('id', idParamSchema('id'), (await context.params).id);
  return Response.json(await accessLogOf(getDb(), caller, id));
});
