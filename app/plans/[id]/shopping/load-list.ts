import { notFound } from 'next/navigation';
import { requirePageCaller, requirePagePlan } from '@/app/_server/auth/page-caller';
import { buildPlanShoppingList } from '@/app/_server/use-cases/shopping-list';
import { getDb } from '@/db/client';
import { getPlanById, toWeekPlan } from '@/db/queries/plans';
import type { ShoppingListItem } from '@/lib/shopping/types';
import type { RawSearchParams } from '../../../_components/search-params';

/** The plan and its shopping list for a page, or the not-found page; sections carry their items. */
export async function loadShoppingPage(
  params: Promise<{ id: string }>,
  searchParams: Promise<RawSearchParams>,
) {
  const { id } = await params;
  const units = (await searchParams).units === 'us' ? 'us' : 'metric';
  if (!/^\d+$/.test(id)) notFound();
  const db = getDb();
  const caller = await requirePageCaller(db);
  await requirePagePlan(db, caller, Number(id), 'shopping list page');
  const view = await getPlanById(db, Number(id));
  if (!view) notFound();
  const list = await buildPlanShoppingList(db, view, toWeekPlan(view), units);
  const byNdb = new Map(list.items.map((i) => [i.ndb, i]));
  const sections = list.aisles.map((s) => ({
    id: s.id,
    name: s.name,
    items: s.items
      .map((ndb) => byNdb.get(ndb))
      .filter((i): i is ShoppingListItem => i !== undefined),
  }));
  // a clinician reads the list; ticking items off is the household's
  return { view, list, sections, units, readOnly: caller.role === 'clinician' } as const;
}
