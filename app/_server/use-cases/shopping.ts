import 'server-only';
import type { Db } from '@/db/client';
import { planVersion } from '@/db/queries/plan-version';
import { toWeekPlan } from '@/db/queries/plans';
import { loadReferenceData } from '@/db/queries/reference-data';
import { setItemChecked } from '@/db/queries/shopping';
import { AppError } from '@/lib/http/app-error';
import { type IfMatch, matchesVersion } from '@/lib/http/preconditions';
import type { ShoppingListItem, UnitSystem } from '@/lib/shopping/types';
import { claimOrRetry, loadPlanOr404, preconditionFailed, withPlanRetries } from './plan-writes';
import { buildPlanShoppingList, type ShoppingListView } from './shopping-list';

async function versionOr404(db: Db, planId: number): Promise<number> {
  const version = await planVersion(db, planId);
  if (version === null) throw AppError.notFound('Plan', String(planId));
  return version;
}

/**
 * A plan's shopping list and the plan version it shows. The version is read first, so a change
 * landing in between makes it older than the list, never newer: a write sent against it is
 * refused rather than applied to a list the user never saw.
 */
export async function shoppingListFor(
  db: Db,
  planId: number,
  units: UnitSystem,
  aisles?: string[],
): Promise<{ list: ShoppingListView; version: number }> {
  const aisleIds = (await loadReferenceData(db)).aisles.aisles.map((a) => a.id);
  const unknown = aisles?.filter((a) => !aisleIds.includes(a)) ?? [];
  if (unknown.length > 0) {
    throw AppError.invalid(
      'aisles',
      `unknown aisle ${unknown.join(', ')}; expected: ${aisleIds.join(', ')}`,
    );
  }
  const version = await versionOr404(db, planId);
  const view = await loadPlanOr404(db, planId);
  const list = await buildPlanShoppingList(db, view, toWeekPlan(view), units, aisles);
  return { list, version };
}

/**
 * Checks or un-checks one line. A check is a write to the plan, as the plan routes' writes
 * are: with If-Match naming a version the plan no longer has, 412 and nothing is written;
 * otherwise the check and the claim of the plan's next version are one transaction. When
 * another write claimed the version read first, the list is read again and the check retried
 * (If-Match is then checked against the new version).
 */
export async function checkShoppingItem(
  db: Db,
  planId: number,
  ndb: string,
  checked: boolean,
  ifMatch: IfMatch,
): Promise<{ item: ShoppingListItem; version: number }> {
  return withPlanRetries(async () => {
    const { list, version: versionRead } = await shoppingListFor(db, planId, 'metric');
    if (!matchesVersion(ifMatch, versionRead)) throw preconditionFailed(versionRead);
    const item = list.items.find((i) => i.ndb === ndb);
    if (!item) throw AppError.notFound('Shopping list item', ndb);
    const version = await db.transaction(async (tx) => {
      const claimed = await claimOrRetry(tx, planId, versionRead);
      // The grams of the line now: a later change to them un-checks the line.
      await setItemChecked(tx, planId, item.ndb, checked, item.grams);
      return claimed;
    });
    return { item: { ...item, checked, changed: false }, version };
  });
}
