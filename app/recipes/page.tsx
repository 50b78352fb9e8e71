import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageCaller } from '@/app/_server/auth/page-caller';
import { getDb } from '@/db/client';
import { listProtocols } from '@/db/queries/protocols';
import { listRecipes } from '@/db/queries/recipes';
import { ALLERGEN_CODES, MEAL_TYPES } from '@/lib/foods/codes';
import { INFLAMMATION_FILTER_OPTIONS } from '@/lib/foods/inflammation-labels';
import { fieldErrorsOf } from '@/lib/http/app-error';
import { recipeSearchSchema } from '@/lib/validation/recipes';
import { FilterSelect, SearchField } from '../_components/filter-fields';
import { FilterErrors, Pager } from '../_components/list-parts';
import { LiveFilterForm } from '../_components/live-filter-form';
import { compactParams, one, type RawSearchParams } from '../_components/search-params';
import { InflammationBadge, TagBadge } from '../_components/tag-badge';

export const metadata: Metadata = { title: 'Recipes' };
export const dynamic = 'force-dynamic';

export default async function RecipesPage({
  searchParams,
}: {
  searchParams: Promise<RawSearchParams>;
}) {
  const raw = compactParams(await searchParams);
  const db = getDb();
  await requirePageCaller(db);
  const protocols = await listProtocols(db);
  const parsed = recipeSearchSchema.safeParse(raw);
  const selected = protocols.find((p) => p.id === one(raw.protocol));
  // A phase left over from another protocol falls back to this protocol's first phase.
  const phase =
    selected?.phases.find((ph) => ph.id === one(raw.phase))?.id ?? selected?.phases[0]?.id;
  const unknownProtocol = raw.protocol && !selected;
  const result =
    parsed.success && !unknownProtocol
      ? await listRecipes(db, { ...parsed.data, protocol: selected?.id, phase })
      : null;
  const errors = parsed.success
    ? unknownProtocol
      ? { protocol: [`unknown protocol "${one(raw.protocol)}"`] }
      : null
    : fieldErrorsOf(parsed.error);
  const offset = parsed.success && parsed.data.cursor ? Number(parsed.data.cursor) : 0;
  const limit = parsed.success ? parsed.data.limit : 24;

  return (
    <>
      <h1>Recipes</h1>
      <p className="muted">
        Every recipe’s nutrition, allergens and protocol fit are computed from its USDA ingredients.
      </p>
      <div className="card">
        <LiveFilterForm label="Filter recipes">
          <div className="filters">
            <SearchField id="r-q" value={one(raw.q)} placeholder="e.g. salmon, soup, ginger" />
            <FilterSelect
              id="r-meal"
              label="Meal"
              name="mealType"
              value={one(raw.mealType)}
              anyLabel="Any meal"
              options={MEAL_TYPES}
            />
            <FilterSelect
              id="r-protocol"
              label="Fits protocol or diet"
              name="protocol"
              value={selected?.id ?? ''}
              anyLabel="Any"
              options={protocols.map((p) => ({ value: p.id, label: p.name }))}
            />
            {selected && selected.phases.length > 1 ? (
              <div>
                <label htmlFor="r-phase">Phase</label>
                <select id="r-phase" name="phase" defaultValue={phase}>
                  {selected.phases.map((ph) => (
                    <option key={ph.id} value={ph.id}>
                      {ph.name}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            <FilterSelect
              id="r-exclude"
              label="Without allergen"
              name="exclude"
              value={one(raw.exclude)}
              anyLabel="—"
              options={ALLERGEN_CODES}
            />
            <div>
              <label htmlFor="r-minutes">Max total minutes</label>
              <input
                id="r-minutes"
                name="maxMinutes"
                type="number"
                min={1}
                max={1000}
                defaultValue={one(raw.maxMinutes)}
              />
            </div>
            <FilterSelect
              id="r-infl"
              label="Inflammation class"
              name="inflammation"
              value={one(raw.inflammation)}
              anyLabel="Any"
              options={INFLAMMATION_FILTER_OPTIONS}
            />
          </div>
        </LiveFilterForm>
      </div>

      {errors ? <FilterErrors errors={errors} clearHref="/recipes" /> : null}

      {result ? (
        <section aria-labelledby="recipe-results" style={{ marginTop: '1rem' }}>
          <h2 id="recipe-results" aria-live="polite">
            {result.total} {result.total === 1 ? 'recipe' : 'recipes'}
          </h2>
          {result.items.length === 0 ? (
            <div className="alert info">
              No recipe fits all these filters. Remove one, or allow more minutes.{' '}
              <Link href="/recipes">Clear all filters</Link>
            </div>
          ) : (
            <ul
              className="grid"
              style={{ listStyle: 'none', padding: 0 }}
              data-testid="recipe-results"
            >
              {result.items.map((r) => (
                <li key={r.slug} className="card">
                  <h3 style={{ marginTop: 0 }}>
                    <Link href={`/recipes/${r.slug}`}>{r.name}</Link>
                  </h3>
                  <p className="small">{r.description}</p>
                  <p className="small">
                    <strong>
                      {r.atLeast.includes('energyKcal') ? 'at least ' : ''}
                      {r.energyKcal} kcal
                    </strong>{' '}
                    ·{' '}
                    <strong>
                      {r.atLeast.includes('proteinG') ? 'at least ' : ''}
                      {r.proteinG} g protein
                    </strong>{' '}
                    per serving · {r.totalMinutes} min
                  </p>
                  <div className="row small">
                    <span className="muted">{r.mealTypes.join(', ')}</span>
                    <InflammationBadge value={r.inflammation.class} />
                    {r.allergens.map((a) => (
                      <TagBadge key={a.code} code={a.code} certainty={a.certainty} />
                    ))}
                  </div>
                </li>
              ))}
            </ul>
          )}
          <Pager
            basePath="/recipes"
            params={raw}
            offset={offset}
            limit={limit}
            nextCursor={result.nextCursor}
          />
        </section>
      ) : null}
    </>
  );
}
