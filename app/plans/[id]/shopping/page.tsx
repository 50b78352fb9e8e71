import type { Metadata } from 'next';
import Link from 'next/link';
import { PhoneMenu } from '../../../_components/phone-menu';
import { ReadOnly } from '../../../_components/read-only';
import type { RawSearchParams } from '../../../_components/search-params';
import { weekLabel } from '../../../_lib/week';
import { ShoppingListView } from './_components/shopping-list';
import { loadShoppingPage } from './load-list';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Shopping list' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> };

export default async function ShoppingPage({ params, searchParams }: Props) {
  const { view, list, sections, units, readOnly } = await loadShoppingPage(params, searchParams);
  const marked = [...list.lastChange.added, ...list.lastChange.changed];
  const base = `/api/plans/${view.id}/shopping-list?units=${units}&format=`;

  return (
    <>
      <p className="small no-print">
        <Link href={`/plans/${view.id}`}>← Back to the plan</Link>
      </p>
      <div className="spread shop-head">
        <h1>
          Shopping list, week of{' '}
          <time dateTime={view.weekStart}>
            {weekLabel(view.weekStart, new Date().getFullYear())}
          </time>
        </h1>
        <nav aria-label="Units" className="row no-print">
          <Link
            className={`button ${units === 'metric' ? '' : 'secondary'}`}
            href={`?units=metric`}
            aria-current={units === 'metric' ? 'true' : undefined}
          >
            Metric
          </Link>
          <Link
            className={`button ${units === 'us' ? '' : 'secondary'}`}
            href={`?units=us`}
            aria-current={units === 'us' ? 'true' : undefined}
          >
            US
          </Link>
        </nav>
      </div>
      <PhoneMenu label="Export and print">
        <a className="button secondary" href={`${base}csv`} download>
          CSV
        </a>
        <a className="button secondary" href={`${base}md`} download>
          Markdown checklist
        </a>
        <a className="button secondary" href={`${base}txt`} download>
          Text for messaging
        </a>
        <a className="button secondary" href={`${base}json`} download>
          JSON
        </a>
        <Link className="button secondary" href={`/plans/${view.id}/shopping/print?units=${units}`}>
          Print view
        </Link>
      </PhoneMenu>
      {list.items.length === 0 ? (
        <p className="alert info">This plan needs nothing to buy.</p>
      ) : (
        <ReadOnly when={readOnly}>
          <ShoppingListView
            key={JSON.stringify(list.totals) + units}
            planId={view.id}
            profileId={view.profileId}
            sections={sections}
            lastChanged={marked}
          />
        </ReadOnly>
      )}
    </>
  );
}
