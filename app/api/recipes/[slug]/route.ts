import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { getRecipeBySlug } from '@/db/queries/recipes';
import { AppError } from '@/lib/http/app-error';
import { parsePathParam } from '@/lib/http/parse';
import { recipeSlugSchema } from '@/lib/validation/recipes';

export const dynamic = 'force-dynamic';

export const GET = authed(
  async (_request: Request, context: { params: Promise<{ slug: string }> }) => {
    const { slug } = await context.params;
    const parsed = parsePathParam('slug', recipeSlugSchema, slug);
    const recipe = await getRecipeBySlug(getDb(), parsed);
    if (!recipe) throw AppError.notFound('Recipe', parsed);
    return Response.json(recipe);
  },
);
