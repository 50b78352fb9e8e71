import { getDb } from '@/db/client';
import { getRecipeBySlug } from '@/db/queries/recipes';
import { AppError } from '@/lib/http/app-error';
import { handle } from '@/lib/http/parse';
import { recipeSlugSchema } from '@/lib/validation/recipes';

export const dynamic = 'force-dynamic';

export const GET = handle(
  async (_request: Request, context: { params: Promise<{ slug: string }> }) => {
    const { slug } = await context.params;
    const parsed = recipeSlugSchema.safeParse(slug);
    if (!parsed.success)
      throw AppError.invalid('slug', parsed.error.issues[0]?.message ?? 'invalid');
    const recipe = getRecipeBySlug(getDb(), parsed.data);
    if (!recipe) throw AppError.notFound('Recipe', parsed.data);
    return Response.json(recipe);
  },
);
