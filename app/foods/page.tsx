import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageCaller } from '@/app/_server/auth/page-caller';
import { getDb } from '@/db/client';
import { countFoodsBySource, listFoodGroups, listFoods } from '@/db/queries/foods';
import { ALLERGEN_CODES, GROUP_CODES } from '@/lib/foods/codes';
import { INFLAMMATION_FILTER_OPTIONS } from '@/lib/foods/inflammation-labels';
import { NO_DATA } from '@/lib/foods/nutrient-text';
import { fieldErrorsOf } from '@/lib/http/app-error';
import { foodSearchSchema } from '@/lib/validation/foods';
import { FilterSelect, SearchField } from '../_components/filter-fields';
import { FilterErrors, Pager } from '../_components/list-parts';
import { LiveFilterForm } from '../_components/live-filter-form';
import { compactParams, one, type RawSearchParams } from '../_components/search-params';
import { InflammationBadge, TagBadge } from '../_components/tag-badge';

export const metadata: Metadata = { title: 'Foods' };
export const dynamic = 'force-dynamic';

export default async function FoodsPage({
  searchParams,
}: {
  searchParams: Promise<RawSearchParams>;
}) {
  const raw = compactParams(await searchParams);
  const parsed = foodSearchSchema.safeParse(raw);
  const db = getDb();
  await requirePageCaller(db);
  const [groups, bySource, result] = await Promise.all([
    listFoodGroups(db),
    countFoodsBySource(db),
    parsed.success ? listFoods(db, parsed.data) : null,
  ]);
  const offset = parsed.success && parsed.data.cursor ? Number(parsed.data.cursor) : 0;
  const limit = parsed.success ? parsed.data.limit : 24;
  const errors = parsed.success ? null : fieldErrorsOf(parsed.error);

  return (
    <>
      <h1>Foods</h1>
      <p className="muted">
        All {bySource.sr21.toLocaleString('en-US')} foods of the USDA SR21 database, plus{' '}
        {bySource.derived} foods SR21 lacks (such as lactose-free milk and certified gluten-free
        oats), each derived from an SR21 food with the derivation stated on its page. Every food is
        tagged with allergens, diet groups and an inflammation class — and the reason for every tag.
      </p>
      <div className="card">
        <LiveFilterForm label="Search foods">
          <div className="filters">
            <SearchField
              id="food-q"
              value={one(raw.q)}
              placeholder="e.g. apple, salmon, sweet potato"
            />
            <FilterSelect
              id="food-allergen"
              label="Contains allergen"
              name="allergen"
              value={one(raw.allergen)}
              anyLabel="Any"
              options={ALLERGEN_CODES}
            />
            <FilterSelect
              id="food-tag"
              label="Has diet group"
              name="tag"
              value={one(raw.tag)}
              anyLabel="Any"
              options={GROUP_CODES}
            />
            <div>
              <label htmlFor="food-free">Free of</label>
              <select id="food-free" name="free" defaultValue={one(raw.free)}>
                <option value="">—</option>
                <optgroup label="Allergens">
                  {ALLERGEN_CODES.map((c) => (
                    <option key={`a-${c}`} value={c}>
                      {c}
                    </option>
                  ))}
                </optgroup>
                <optgroup label="Diet groups">
                  {GROUP_CODES.filter(
                    (c) => !(ALLERGEN_CODES as readonly string[]).includes(c),
                  ).map((c) => (
                    <option key={`g-${c}`} value={c}>
                      {c}
                    </option>
                  ))}
                </optgroup>
              </select>
            </div>
            <FilterSelect
              id="food-inflammation"
              label="Inflammation class"
              name="inflammation"
              value={one(raw.inflammation)}
              anyLabel="Any"
              options={INFLAMMATION_FILTER_OPTIONS}
            />
            <FilterSelect
              id="food-group"
              label="Food group"
              name="group"
              value={one(raw.group)}
              anyLabel="All groups"
              options={groups.map((g) => ({ value: g.code, label: `${g.name} (${g.count})` }))}
            />
          </div>
        </LiveFilterForm>
      </div>

      {errors ? <FilterErrors errors={errors} clearHref="/foods" /> : null}

      {result ? (
        <section aria-labelledby="food-results" style={{ marginTop: '1rem' }}>
          <h2 id="food-results" aria-live="polite">
            {result.total.toLocaleString('en-US')} {result.total === 1 ? 'food' : 'foods'}
            {result.total > 0 ? ` · showing ${offset + 1}–${offset + result.items.length}` : ''}
          </h2>
          {result.items.length === 0 ? (
            <div className="alert info">
              No food matches these filters. Try a shorter search word or remove a filter.{' '}
              <Link href="/foods">Clear all filters</Link>
            </div>
          ) : (
            <ul className="result-list" data-testid="food-results">
              {result.items.map((f) => (
                <li key={f.ndb}>
                  <div className="spread">
                    <Link href={`/foods/${f.ndb}`}>{f.name}</Link>
                    <span className="muted small">
                      {f.energyKcal === null ? `energy ${NO_DATA}` : `${f.energyKcal} kcal`} ·{' '}
                      {f.proteinG === null ? `protein ${NO_DATA}` : `${f.proteinG} g protein`} / 100
                      g
                    </span>
                  </div>
                  <div className="row small" style={{ marginTop: '0.25rem' }}>
                    <span className="muted">{f.group.name}</span>
                    <InflammationBadge value={f.inflammation} evidence={f.inflammationEvidence} />
                    {f.allergens.map((a) => (
                      <TagBadge key={`a-${a.code}`} code={a.code} certainty={a.certainty} />
                    ))}
                  </div>
                </li>
              ))}
            </ul>
          )}
          <Pager
            basePath="/foods"
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
