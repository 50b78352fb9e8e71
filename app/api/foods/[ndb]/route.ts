import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { getFoodByNdb } from '@/db/queries/foods';
import { AppError } from '@/lib/http/app-error';
import { parsePathParam } from '@/lib/http/parse';
import { ndbSchema } from '@/lib/validation/common';

export const dynamic = 'force-dynamic';

export const GET = authed(
  async (_request: Request, context: { params: Promise<{ ndb: string }> }) => {
    const { ndb } = await context.params;
    const parsed = parsePathParam('ndb', ndbSchema, ndb);
    const food = await getFoodByNdb(getDb(), parsed);
    if (!food) throw AppError.notFound('Food', parsed);
    return Response.json(food);
  },
);
