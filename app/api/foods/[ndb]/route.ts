import { getDb } from '@/db/client';
import { getFoodByNdb } from '@/db/queries/foods';
import { AppError } from '@/lib/http/app-error';
import { handle } from '@/lib/http/parse';
import { ndbSchema } from '@/lib/validation/common';

export const dynamic = 'force-dynamic';

export const GET = handle(
  async (_request: Request, context: { params: Promise<{ ndb: string }> }) => {
    const { ndb } = await context.params;
    const parsed = ndbSchema.safeParse(ndb);
    if (!parsed.success)
      throw AppError.invalid('ndb', parsed.error.issues[0]?.message ?? 'invalid');
    const food = getFoodByNdb(getDb(), parsed.data);
    if (!food) throw AppError.notFound('Food', parsed.data);
    return Response.json(food);
  },
);
