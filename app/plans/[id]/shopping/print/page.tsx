import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { getPlanById, toWeekPlan } from '@/db/queries/plans';
import { buildPlanShoppingList } from '@/db/queries/shopping';
import { PrintButton } from '../../../../_components/print-button';
import type { RawSearchParams } from '../../../../_components/search-params';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Shopping list (print)' };

export default async function ShoppingPrintPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { id } = await params;
  const units = (await searchParams).units === 'us' ? 'us' : 'metric';
  if (!/^\d+$/.test(id)) notFound();
  const db = getDb();
  const view = getPlanById(db, Number(id));
  if (!view) notFound();
  const list = buildPlanShoppingList(db, view, toWeekPlan(view), units);
  const byNdb = new Map(list.items.map((i) => [i.ndb, i]));
  return (
    <div className="print-view">
      <div className="spread no-print">
        <Link href={`/plans/${view.id}/shopping`}>← Back</Link>
        <PrintButton />
      </div>
      <h1>Shopping list · week of {view.weekStart}</h1>
      <p className="small">
        {list.totals.toBuy} to buy · {list.totals.inPantry} you likely have
      </p>
      <div className="cols">
        {list.aisles.map((s) => (
          <section key={s.id}>
            <h2 style={{ fontSize: '1rem', margin: '0.5rem 0 0' }}>{s.name}</h2>
            <ul style={{ listStyle: 'none', paddingLeft: 0 }}>
              {s.items.map((ndb) => {
                const i = byNdb.get(ndb);
                return i ? (
                  <li key={ndb}>
                    {i.checked ? '☑' : '☐'} {i.display}{' '}
                    <span className="muted small">({i.exact})</span>
                  </li>
                ) : null;
              })}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
