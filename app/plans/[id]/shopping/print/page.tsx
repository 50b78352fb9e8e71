import type { Metadata } from 'next';
import Link from 'next/link';
import { PrintButton } from '../../../../_components/print-button';
import type { RawSearchParams } from '../../../../_components/search-params';
import { weekLabel } from '../../../../_lib/week';
import { loadShoppingPage } from '../load-list';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Shopping list (print)' };

export default async function ShoppingPrintPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { view, list, sections } = await loadShoppingPage(params, searchParams);
  return (
    <div className="print-view">
      <div className="spread no-print">
        <Link href={`/plans/${view.id}/shopping`}>← Back</Link>
        <PrintButton />
      </div>
      <h1>Shopping list · week of {weekLabel(view.weekStart)}</h1>
      <p className="small">
        {list.totals.toBuy} to buy · {list.totals.inPantry} you likely have
      </p>
      <div className="cols">
        {sections.map((s) => (
          <section key={s.id}>
            <h2 style={{ fontSize: '1rem', margin: '0.5rem 0 0' }}>{s.name}</h2>
            <ul style={{ listStyle: 'none', paddingLeft: 0 }}>
              {s.items.map((i) => (
                <li key={i.ndb}>
                  {i.checked ? '☑' : '☐'} {i.display}{' '}
                  <span className="muted small">({i.exact})</span>
                  {i.notes.length > 0 ? (
                    <span className="small"> — {i.notes.join('; ')}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
