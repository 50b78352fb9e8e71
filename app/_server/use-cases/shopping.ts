import 'server-only';
import type { Db } from '@/db/client';
import { loadPlanOr404 } from '@/db/queries/plan-service';
import { planVersion } from '@/db/queries/plan-version';
import { toWeekPlan } from '@/db/queries/plans';
import {
  AISLE_IDS,
  buildPlanShoppingList,
  type ShoppingListView,
  setItemChecked,
} from '@/db/queries/shopping';
import { AppError } from '@/lib/http/app-error';
import { type IfMatch, matchesVersion } from '@/lib/http/preconditions';
import type { ShoppingListItem, UnitSystem } from '@/lib/shopping/types';

async function versionOr404(db: Db, planId: number): Promise<number> {
  const version = await planVersion(db, planId);
  if (version === null) throw AppError.notFound('Plan', String(planId));
  return version;
}

function stale(planId: number, currentVersion: number): AppError {
  return AppError.preconditionFailed(
    `Plan ${planId} has changed since you loaded it (it is now at version ${currentVersion}); reload it and try again.`,
    { currentVersion },
  );
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
  const unknown = aisles?.filter((a) => !AISLE_IDS.includes(a)) ?? [];
  if (unknown.length > 0) {
    throw AppError.invalid(
      'aisles',
      `unknown aisle ${unknown.join(', ')}; expected: ${AISLE_IDS.join(', ')}`,
    );
  }
  const version = await versionOr404(db, planId);
  const view = await loadPlanOr404(db, planId);
  const list = await buildPlanShoppingList(db, view, toWeekPlan(view), units, aisles);
  return { list, version };
}

/**
 * Checks or un-checks one line. A check is a write to the plan: it needs the version If-Match
 * names (any when absent) and moves the plan to the next one; a stale If-Match, or a change
 * landing between reading the list and writing the check, is a 412 that changes nothing.
 * An unknown line is a 404 whatever If-Match says (preconditions apply to a request that
 * could otherwise succeed).
 */
export async function checkShoppingItem(
  db: Db,
  planId: number,
  ndb: string,
  checked: boolean,
  ifMatch: IfMatch,
): Promise<{ item: ShoppingListItem; version: number }> {
  const { list, version: versionRead } = await shoppingListFor(db, planId, 'metric');
  const item = list.items.find((i) => i.ndb === ndb);
  if (!item) throw AppError.notFound('Shopping list item', ndb);
  if (!matchesVersion(ifMatch, versionRead)) throw stale(planId, versionRead);
  // The grams of the line now: a later change to them un-checks the line.
  const version = await setItemChecked(db, planId, item.ndb, checked, item.grams, versionRead);
  if (version === null) throw stale(planId, await versionOr404(db, planId));
  return { item: { ...item, checked, changed: false }, version };
}
